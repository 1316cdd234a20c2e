package com.aifinops.workbench.model.analysis;

import com.aifinops.workbench.model.ledger.DailyRollup;
import com.aifinops.workbench.model.usage.Allocation;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * A dimension spend can be grouped or filtered by: the allocation path (org, team, project, agent), the other
 * allocation fields, model, provider, day, month, or one free tag ({@code tag:KEY}). A row without a value for an
 * allocation dimension or tag shows as {@link #UNALLOCATED}, never dropped.
 *
 * @param kind   which field
 * @param tagKey the tag's key for {@link Kind#TAG}, else {@code null}
 */
public record Dimension(Kind kind, String tagKey) {
    public static final String UNALLOCATED = "unallocated";
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    public enum Kind {
        ORG, TEAM, PROJECT, AGENT, USER, API_KEY, WORKSPACE, ENVIRONMENT, FEATURE, CUSTOMER, MODEL, PROVIDER, DAY, MONTH, TAG;

        /** The name as written on the command line and in JSON: {@code team}, {@code api_key}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Dimension {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.TAG) != (tagKey != null && !tagKey.isBlank())) {
            throw new IllegalArgumentException(kind == Kind.TAG ? "tag dimension needs a key (tag:KEY)" : "only tag takes a key");
        }
    }

    public static Dimension of(Kind kind) {
        return new Dimension(kind, null);
    }

    public static Dimension tag(String key) {
        return new Dimension(Kind.TAG, key);
    }

    /** Parses {@code team}, {@code month}, {@code tag:env} (case-insensitive names; the tag key as written). */
    public static Dimension parse(String text) {
        String t = text.strip();
        if (t.regionMatches(true, 0, "tag:", 0, 4)) {
            return tag(t.substring(4));
        }
        for (Kind k : Kind.values()) {
            if (k != Kind.TAG && (k.label().equals(t.toLowerCase(Locale.ROOT)) || k.label().replace("_", "-").equals(t.toLowerCase(Locale.ROOT)))) {
                return of(k);
            }
        }
        throw new IllegalArgumentException("unknown dimension '" + text + "' (expected org, team, project, agent, user, api_key,"
                + " workspace, environment, feature, customer, model, provider, day, month or tag:KEY)");
    }

    /** {@code team}, {@code tag:env}. */
    public String label() {
        return kind == Kind.TAG ? "tag:" + tagKey : kind.label();
    }

    /** Whether this dimension is one of the allocation fields rules can fill. */
    public boolean allocated() {
        return kind.ordinal() <= Kind.CUSTOMER.ordinal() || kind == Kind.TAG;
    }

    /**
     * This dimension's value for a row whose allocation has already been resolved by the rules. The model is the
     * catalogue id when the row is priced, else the raw name.
     */
    public String valueOf(DailyRollup r, Allocation resolved) {
        String v = switch (kind) {
            case ORG -> resolved.org();
            case TEAM -> resolved.team();
            case PROJECT -> resolved.project();
            case AGENT -> resolved.agent();
            case USER -> resolved.user();
            case API_KEY -> resolved.apiKey();
            case WORKSPACE -> resolved.workspace();
            case ENVIRONMENT -> resolved.environment();
            case FEATURE -> resolved.feature();
            case CUSTOMER -> resolved.customer();
            case MODEL -> r.modelId() != null ? r.modelId() : r.modelRaw();
            case PROVIDER -> r.provider();
            case DAY -> r.day().toString();
            case MONTH -> r.day().format(MONTH);
            case TAG -> resolved.tags().get(tagKey);
        };
        return v == null || v.isEmpty() ? UNALLOCATED : v;
    }

    @Override
    public String toString() {
        return label();
    }
}

package com.aifinops.workbench.model.workbook;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One month of usage totals for one combination of dimensions. Workbooks carry these rollups, never raw
 * request rows. Dimensions that were not recorded are {@code null}.
 *
 * @param month             {@code YYYY-MM}
 * @param team              owning team
 * @param project           project or feature
 * @param model             model id as billed
 * @param user              user id (a sharing redaction target)
 * @param apiKey            API key id or name (a sharing redaction target)
 * @param customer          end customer (a sharing redaction target)
 * @param requests          request count
 * @param inputTokens       uncached input tokens
 * @param cachedInputTokens cache-read input tokens
 * @param outputTokens      output tokens, reasoning included
 * @param costUsd           billed cost, exact
 */
public record UsageRollup(String month, String team, String project, String model, String user, String apiKey,
                          String customer, long requests, long inputTokens, long cachedInputTokens, long outputTokens,
                          BigDecimal costUsd) {

    public UsageRollup {
        Objects.requireNonNull(month, "month");
        if (!month.matches("\\d{4}-(0[1-9]|1[0-2])")) {
            throw new IllegalArgumentException("rollup month must be YYYY-MM: " + month);
        }
        if (requests < 0 || inputTokens < 0 || cachedInputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("rollup counts must not be negative");
        }
        Objects.requireNonNull(costUsd, "costUsd");
    }

    /** The value of one redactable dimension. */
    public String dimension(Dimension d) {
        return switch (d) {
            case TEAM -> team;
            case PROJECT -> project;
            case USER -> user;
            case API_KEY -> apiKey;
            case CUSTOMER -> customer;
        };
    }

    /** This row with one dimension replaced. */
    public UsageRollup with(Dimension d, String value) {
        return new UsageRollup(month, d == Dimension.TEAM ? value : team, d == Dimension.PROJECT ? value : project, model,
                d == Dimension.USER ? value : user, d == Dimension.API_KEY ? value : apiKey,
                d == Dimension.CUSTOMER ? value : customer, requests, inputTokens, cachedInputTokens, outputTokens, costUsd);
    }

    /** The dimensions "prepare for sharing" can pseudonymise, by their CLI names. */
    public enum Dimension {
        TEAM("team"), PROJECT("project"), USER("user"), API_KEY("api_key"), CUSTOMER("customer");

        private final String key;

        Dimension(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        /** The dimension named {@code key} ({@code user}, {@code api_key}, …). */
        public static Dimension byKey(String key) {
            for (Dimension d : values()) {
                if (d.key.equalsIgnoreCase(key.trim())) {
                    return d;
                }
            }
            throw new IllegalArgumentException("unknown dimension '" + key + "' (expected team, project, user, api_key or customer)");
        }
    }
}

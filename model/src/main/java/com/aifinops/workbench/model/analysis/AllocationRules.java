package com.aifinops.workbench.model.analysis;

import com.aifinops.workbench.model.usage.Allocation;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Rules that give usage a team and project by its API key or workspace. They are applied when the ledger is
 * queried, never written into the rows, so a new rule re-attributes past usage as well as future imports.
 *
 * <p>Precedence, per field: what the source row itself states, then an {@code api_key} rule, then a
 * {@code workspace} rule, then (team only) the team the key inventory records for the row's API key. A row
 * nothing matches keeps an empty team, shown as {@link Dimension#UNALLOCATED}.
 */
public final class AllocationRules {
    public static final AllocationRules NONE = new AllocationRules(List.of());

    private final List<Rule> rules;
    private final Map<String, Rule> index = new HashMap<>();
    private final Map<String, String> inventoryTeams;

    public enum Field {
        API_KEY, WORKSPACE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Field parse(String s) {
            return valueOf(s.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    /** {@code field = value} gives {@code team} and/or {@code project} (either may be null). */
    public record Rule(Field field, String value, String team, String project) {
        public Rule {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(value, "value");
            if (team == null && project == null) {
                throw new IllegalArgumentException("a rule must give a team or a project");
            }
        }
    }

    public AllocationRules(List<Rule> rules) {
        this(rules, Map.of());
    }

    /** @param inventoryTeams API key → team, from the key inventory: the last resort for a row's team */
    public AllocationRules(List<Rule> rules, Map<String, String> inventoryTeams) {
        this.rules = List.copyOf(rules);
        this.rules.forEach(r -> index.put(key(r.field(), r.value()), r));
        this.inventoryTeams = Map.copyOf(inventoryTeams);
    }

    public Map<String, String> inventoryTeams() {
        return inventoryTeams;
    }

    private boolean none() {
        return rules.isEmpty() && inventoryTeams.isEmpty();
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The allocation with team and project filled in where the row left them empty. */
    public Allocation apply(Allocation a) {
        if (none() || (present(a.team()) && present(a.project()))) {
            return a;
        }
        Rule byKey = index.get(key(Field.API_KEY, a.apiKey()));
        Rule byWorkspace = index.get(key(Field.WORKSPACE, a.workspace()));
        String team = first(a.team(), byKey == null ? null : byKey.team(), byWorkspace == null ? null : byWorkspace.team(),
                a.apiKey() == null ? null : inventoryTeams.get(a.apiKey()));
        String project = first(a.project(), byKey == null ? null : byKey.project(), byWorkspace == null ? null : byWorkspace.project());
        if (Objects.equals(team, a.team()) && Objects.equals(project, a.project())) {
            return a;
        }
        return new Allocation(a.org(), team, project, a.agent(), a.user(), a.apiKey(), a.workspace(), a.environment(),
                a.feature(), a.customer(), a.tags());
    }

    /** The team a row ends up with (same precedence as {@link #apply}), or null; without building an allocation. */
    public String team(String rowTeam, String apiKey, String workspace) {
        if (present(rowTeam) || none()) {
            return present(rowTeam) ? rowTeam : null;
        }
        Rule byKey = index.get(key(Field.API_KEY, apiKey));
        Rule byWorkspace = index.get(key(Field.WORKSPACE, workspace));
        return first(byKey == null ? null : byKey.team(), byWorkspace == null ? null : byWorkspace.team(),
                apiKey == null ? null : inventoryTeams.get(apiKey));
    }

    private static String key(Field f, String value) {
        return f.name() + "\u0000" + value;
    }

    private static boolean present(String s) {
        return s != null && !s.isEmpty();
    }

    private static String first(String... values) {
        for (String v : values) {
            if (present(v)) {
                return v;
            }
        }
        return null;
    }
}

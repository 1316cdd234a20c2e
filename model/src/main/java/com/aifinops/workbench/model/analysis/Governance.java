package com.aifinops.workbench.model.analysis;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * API key and model governance: which keys, workspaces and projects the ledger has seen, joined with the key
 * inventory, and what looks wrong.
 *
 * <p>Rules (all relative to {@code asOf}; rows after it are ignored):
 * <ul>
 *   <li>{@link Kind#NO_OWNER}: a key with spend whose inventory entry is missing or names no owner.</li>
 *   <li>{@link Kind#UNUSED}: an inventory key last seen more than {@value #UNUSED_DAYS} days before {@code asOf},
 *       or never seen at all.</li>
 *   <li>{@link Kind#ENVIRONMENT_DRIFT}: a key declared for environment E with spend in the last
 *       {@value #WINDOW_DAYS} days that its rows tag with another environment (the {@code environment} field, else
 *       the {@code env} or {@code environment} tag); e.g. a dev key serving prod.</li>
 *   <li>{@link Kind#SPEND_SURGE}: a key whose spend in the last {@value #WINDOW_DAYS} days is more than
 *       {@value #SURGE_FACTOR}× its spend in the {@value #WINDOW_DAYS} days before (which must be positive): the
 *       declared use no longer describes the key's load.</li>
 *   <li>{@link Kind#UNAPPROVED_MODEL}: spend in an environment that has an approved-model list on a model not on
 *       it, per environment and model (all time up to {@code asOf}). A row's environment is its own, else its tag,
 *       else its key's declared environment; an environment without a list is not governed.</li>
 * </ul>
 */
public final class Governance {
    public static final int UNUSED_DAYS = 30;
    public static final int WINDOW_DAYS = 30;
    public static final int SURGE_FACTOR = 3;

    private Governance() {
    }

    public enum Kind {
        NO_OWNER, UNUSED, ENVIRONMENT_DRIFT, SPEND_SURGE, UNAPPROVED_MODEL;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** An entry of the key inventory (any field but the key may be null). */
    public record KeyEntry(String apiKey, String owner, String team, String costCentre, String declaredUse, String environment) {
        public KeyEntry {
            Objects.requireNonNull(apiKey, "apiKey");
        }
    }

    /**
     * Ledger spend summed per combination (the SQL groups it), up to {@code asOf}.
     *
     * @param apiKey       null when the rows carry no key
     * @param environment  the rows' environment field (null when none)
     * @param tags         the rows' tags
     * @param model        catalogue id, else the raw name
     * @param recentCost   spend in the last {@link #WINDOW_DAYS} days up to asOf (asOf−29 … asOf)
     * @param previousCost spend in the {@link #WINDOW_DAYS} days before (asOf−59 … asOf−30)
     */
    public record Usage(String apiKey, String workspace, String project, String environment, Map<String, String> tags,
                        String model, LocalDate firstDay, LocalDate lastDay, BigDecimal cost, long requests,
                        BigDecimal recentCost, BigDecimal previousCost) {
        public Usage {
            tags = tags == null ? Map.of() : Map.copyOf(tags);
            Objects.requireNonNull(cost, "cost");
            recentCost = recentCost == null ? BigDecimal.ZERO : recentCost;
            previousCost = previousCost == null ? BigDecimal.ZERO : previousCost;
        }

        /** The environment the rows themselves state: the field, else the env / environment tag; null when none. */
        public String statedEnvironment() {
            if (present(environment)) return environment;
            if (present(tags.get("env"))) return tags.get("env");
            return present(tags.get("environment")) ? tags.get("environment") : null;
        }
    }

    /** One key: what the inventory says and what the ledger saw (firstSeen/lastSeen null when never seen). */
    public record KeyRow(String apiKey, boolean inInventory, String owner, String team, String costCentre, String declaredUse,
                         String declaredEnvironment, LocalDate firstSeen, LocalDate lastSeen, BigDecimal cost, long requests,
                         BigDecimal recentCost, BigDecimal previousCost, Set<String> environmentsSeen) {
    }

    /** A workspace or project seen in the ledger, with its keys. */
    public record ScopeRow(String name, LocalDate firstSeen, LocalDate lastSeen, BigDecimal cost, long requests, Set<String> apiKeys) {
    }

    /**
     * Spend per environment and what of it is outside the approved list ({@code outsideCost} null when the
     * environment has no list).
     */
    public record EnvironmentRow(String environment, Set<String> approved, BigDecimal cost, BigDecimal outsideCost,
                                 Map<String, BigDecimal> outsideByModel) {
        public boolean governed() {
            return outsideCost != null;
        }
    }

    /** @param subject the key, or the model for UNAPPROVED_MODEL; {@code cost} the spend the finding is about */
    public record Finding(Kind kind, String subject, String environment, BigDecimal cost, String detail) {
    }

    public record Report(LocalDate asOf, List<KeyRow> keys, List<ScopeRow> workspaces, List<ScopeRow> projects,
                         List<EnvironmentRow> environments, List<Finding> findings) {
        public Report {
            keys = List.copyOf(keys);
            workspaces = List.copyOf(workspaces);
            projects = List.copyOf(projects);
            environments = List.copyOf(environments);
            findings = List.copyOf(findings);
        }
    }

    public static Report evaluate(LocalDate asOf, List<Usage> usage, List<KeyEntry> inventory, Map<String, Set<String>> approved) {
        Map<String, KeyEntry> inv = new TreeMap<>();
        inventory.forEach(e -> inv.put(e.apiKey(), e));
        Map<String, Acc> keys = new TreeMap<>();
        Map<String, Acc> workspaces = new TreeMap<>();
        Map<String, Acc> projects = new TreeMap<>();
        Map<String, BigDecimal> envCost = new TreeMap<>();
        Map<String, Map<String, BigDecimal>> envModelCost = new TreeMap<>();
        // key → stated environment → recent spend, for drift
        Map<String, Map<String, BigDecimal>> recentByEnv = new TreeMap<>();
        for (Usage u : usage) {
            if (present(u.apiKey())) {
                keys.computeIfAbsent(u.apiKey(), k -> new Acc()).add(u, u.apiKey());
                String stated = u.statedEnvironment();
                if (stated != null && u.recentCost().signum() != 0) {
                    recentByEnv.computeIfAbsent(u.apiKey(), k -> new TreeMap<>()).merge(stated, u.recentCost(), BigDecimal::add);
                }
            }
            workspaces.computeIfAbsent(orUnallocated(u.workspace()), k -> new Acc()).add(u, u.apiKey());
            projects.computeIfAbsent(orUnallocated(u.project()), k -> new Acc()).add(u, u.apiKey());
            KeyEntry e = u.apiKey() == null ? null : inv.get(u.apiKey());
            String env = u.statedEnvironment() != null ? u.statedEnvironment()
                    : e != null && present(e.environment()) ? e.environment() : Dimension.UNALLOCATED;
            envCost.merge(env, u.cost(), BigDecimal::add);
            envModelCost.computeIfAbsent(env, k -> new TreeMap<>()).merge(u.model() == null ? Dimension.UNALLOCATED : u.model(), u.cost(), BigDecimal::add);
        }

        List<KeyRow> keyRows = new ArrayList<>();
        TreeSet<String> allKeys = new TreeSet<>(keys.keySet());
        allKeys.addAll(inv.keySet());
        for (String k : allKeys) {
            KeyEntry e = inv.get(k);
            Acc a = keys.get(k);
            Set<String> envs = recentByEnv.containsKey(k) ? new TreeSet<>(recentByEnv.get(k).keySet()) : new TreeSet<>();
            if (a != null) {
                envs.addAll(a.environments);
            }
            keyRows.add(new KeyRow(k, e != null, e == null ? null : e.owner(), e == null ? null : e.team(), e == null ? null : e.costCentre(),
                    e == null ? null : e.declaredUse(), e == null ? null : e.environment(), a == null ? null : a.first, a == null ? null : a.last,
                    a == null ? BigDecimal.ZERO : a.cost, a == null ? 0 : a.requests, a == null ? BigDecimal.ZERO : a.recent,
                    a == null ? BigDecimal.ZERO : a.previous, Set.copyOf(envs)));
        }

        List<Finding> findings = new ArrayList<>();
        LocalDate unusedBefore = asOf.minusDays(UNUSED_DAYS);
        for (KeyRow r : keyRows) {
            if (r.cost().signum() > 0 && !present(r.owner())) {
                findings.add(new Finding(Kind.NO_OWNER, r.apiKey(), null, r.cost(),
                        r.inInventory() ? "in the inventory without an owner" : "not in the key inventory"));
            }
            if (r.inInventory() && (r.lastSeen() == null || r.lastSeen().isBefore(unusedBefore))) {
                findings.add(new Finding(Kind.UNUSED, r.apiKey(), r.declaredEnvironment(), BigDecimal.ZERO,
                        r.lastSeen() == null ? "never seen in the ledger"
                                : "last seen " + r.lastSeen() + ", " + java.time.temporal.ChronoUnit.DAYS.between(r.lastSeen(), asOf) + " days before " + asOf));
            }
            if (present(r.declaredEnvironment()) && recentByEnv.containsKey(r.apiKey())) {
                for (Map.Entry<String, BigDecimal> env : recentByEnv.get(r.apiKey()).entrySet()) {
                    if (!env.getKey().equalsIgnoreCase(r.declaredEnvironment()) && env.getValue().signum() > 0) {
                        findings.add(new Finding(Kind.ENVIRONMENT_DRIFT, r.apiKey(), env.getKey(), env.getValue(),
                                "declared " + r.declaredEnvironment() + ", spend tagged " + env.getKey() + " in the last " + WINDOW_DAYS + " days"));
                    }
                }
            }
            if (r.previousCost().signum() > 0 && r.recentCost().compareTo(r.previousCost().multiply(BigDecimal.valueOf(SURGE_FACTOR))) > 0) {
                findings.add(new Finding(Kind.SPEND_SURGE, r.apiKey(), r.declaredEnvironment(), r.recentCost(),
                        "last " + WINDOW_DAYS + " days " + com.aifinops.workbench.model.Usd.format(r.recentCost()) + " vs "
                                + com.aifinops.workbench.model.Usd.format(r.previousCost()) + " the " + WINDOW_DAYS + " days before (×"
                                + r.recentCost().divide(r.previousCost(), 2, java.math.RoundingMode.HALF_UP).toPlainString() + ")"));
            }
        }

        List<EnvironmentRow> envRows = new ArrayList<>();
        TreeSet<String> envs = new TreeSet<>(envCost.keySet());
        envs.addAll(approved.keySet());
        for (String env : envs) {
            Set<String> list = approved.get(env);
            BigDecimal cost = envCost.getOrDefault(env, BigDecimal.ZERO);
            if (list == null || list.isEmpty()) {
                envRows.add(new EnvironmentRow(env, Set.of(), cost, null, Map.of()));
                continue;
            }
            Map<String, BigDecimal> outside = new LinkedHashMap<>();
            BigDecimal out = BigDecimal.ZERO;
            for (Map.Entry<String, BigDecimal> m : envModelCost.getOrDefault(env, Map.of()).entrySet()) {
                if (!list.contains(m.getKey())) {
                    outside.put(m.getKey(), m.getValue());
                    out = out.add(m.getValue());
                    findings.add(new Finding(Kind.UNAPPROVED_MODEL, m.getKey(), env, m.getValue(),
                            "not on the approved list of " + env));
                }
            }
            envRows.add(new EnvironmentRow(env, Set.copyOf(new TreeSet<>(list)), cost, out, outside));
        }
        findings.sort(Comparator.comparing(Finding::kind).thenComparing(Finding::subject)
                .thenComparing(f -> f.environment() == null ? "" : f.environment()));
        return new Report(asOf, keyRows, scopes(workspaces), scopes(projects), envRows, findings);
    }

    private static List<ScopeRow> scopes(Map<String, Acc> m) {
        List<ScopeRow> out = new ArrayList<>();
        m.forEach((name, a) -> out.add(new ScopeRow(name, a.first, a.last, a.cost, a.requests, Set.copyOf(a.keys))));
        return out;
    }

    private static final class Acc {
        LocalDate first, last;
        BigDecimal cost = BigDecimal.ZERO, recent = BigDecimal.ZERO, previous = BigDecimal.ZERO;
        long requests;
        final TreeSet<String> keys = new TreeSet<>();
        final TreeSet<String> environments = new TreeSet<>();

        void add(Usage u, String key) {
            first = first == null || (u.firstDay() != null && u.firstDay().isBefore(first)) ? u.firstDay() : first;
            last = last == null || (u.lastDay() != null && u.lastDay().isAfter(last)) ? u.lastDay() : last;
            cost = cost.add(u.cost());
            recent = recent.add(u.recentCost());
            previous = previous.add(u.previousCost());
            requests += u.requests();
            if (present(key)) keys.add(key);
            if (u.statedEnvironment() != null) environments.add(u.statedEnvironment());
        }
    }

    private static String orUnallocated(String s) {
        return present(s) ? s : Dimension.UNALLOCATED;
    }

    private static boolean present(String s) {
        return s != null && !s.isEmpty();
    }
}

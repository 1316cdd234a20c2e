package com.aifinops.workbench.app.cli;

import com.aifinops.workbench.app.analysis.H2AllocationRuleStore;
import com.aifinops.workbench.app.analysis.H2SpendSettings;
import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.model.analysis.AllocationRules;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code allocation set|list|remove}: rules that give usage a team/project by API key or workspace. */
final class AllocationCommand implements Command {
    @Override
    public String name() {
        return "allocation";
    }

    @Override
    public String summary() {
        return "rules mapping an api_key or workspace to a team/project (past and future usage); the key inventory";
    }

    @Override
    public String help() {
        return """
                Usage: allocation set (--api-key K | --workspace W) [--team T] [--project P] [--db PATH]
                       allocation remove (--api-key K | --workspace W) [--db PATH]
                       allocation list [--db PATH] [--json]
                       allocation key --api-key K [--owner O] [--team T] [--cost-centre C] [--declared-use TEXT]
                                      [--environment E] [--db PATH]
                       allocation keys [--db PATH] [--json]

                Rules apply when the ledger is queried, so they re-attribute usage already imported. A team or
                project the usage file states itself wins; then an api_key rule; then a workspace rule. Usage no
                rule matches shows as "unallocated". 'key' records an API key in the key inventory (who owns it,
                its team, cost centre, declared use, environment); the inventory's team is the last resort for
                usage of that key that neither the file nor a rule attributes.
                  list --json  {"rules":[{"field","value","team","project"}]}
                  keys --json  {"keys":[{"apiKey","owner","team","costCentre","declaredUse","environment"}]}
                """;
    }

    @Override
    public int run(String[] tokens, PrintStream out, PrintStream err) throws Exception {
        if (tokens.length == 0) {
            throw new CliException("allocation needs an action: set, remove or list");
        }
        String[] rest = Arrays.copyOfRange(tokens, 1, tokens.length);
        switch (tokens[0]) {
            case "set" -> {
                Args a = Args.parse("allocation set", rest, Set.of("api-key", "workspace", "team", "project", "db"), Set.of());
                var match = match(a);
                if (!a.has("team") && !a.has("project")) {
                    throw new CliException("allocation set needs --team and/or --project");
                }
                var rule = new AllocationRules.Rule(match.getKey(), match.getValue(), a.get("team").orElse(null), a.get("project").orElse(null));
                try (Database db = DbOption.open(a)) {
                    new H2AllocationRuleStore(db).put(rule);
                }
                out.println("rule " + rule.field().label() + "=" + rule.value() + " → team " + (rule.team() == null ? "—" : rule.team())
                        + ", project " + (rule.project() == null ? "—" : rule.project()));
            }
            case "remove" -> {
                Args a = Args.parse("allocation remove", rest, Set.of("api-key", "workspace", "db"), Set.of());
                var match = match(a);
                try (Database db = DbOption.open(a)) {
                    if (!new H2AllocationRuleStore(db).remove(match.getKey(), match.getValue())) {
                        out.println("no rule for " + match.getKey().label() + "=" + match.getValue());
                        return Cli.FAILED;
                    }
                }
                out.println("removed rule " + match.getKey().label() + "=" + match.getValue());
            }
            case "list" -> {
                Args a = Args.parse("allocation list", rest, Set.of("db"), Set.of("json"));
                AllocationRules rules;
                try (Database db = DbOption.open(a)) {
                    rules = new H2AllocationRuleStore(db).rules();
                }
                if (a.has("json")) {
                    List<Map<String, Object>> list = new ArrayList<>();
                    for (var r : rules.rules()) {
                        Map<String, Object> j = new LinkedHashMap<>();
                        j.put("field", r.field().label());
                        j.put("value", r.value());
                        j.put("team", r.team());
                        j.put("project", r.project());
                        list.add(j);
                    }
                    out.println(Json.write(Map.of("rules", list)));
                } else {
                    for (var r : rules.rules()) {
                        out.printf("%-10s %-30s team %-20s project %s%n", r.field().label(), r.value(), r.team() == null ? "—" : r.team(),
                                r.project() == null ? "—" : r.project());
                    }
                }
            }
            case "key" -> {
                Args a = Args.parse("allocation key", rest, Set.of("api-key", "owner", "team", "cost-centre", "declared-use",
                        "environment", "db"), Set.of());
                var e = new H2SpendSettings.ApiKeyEntry(a.require("api-key"), a.get("owner").orElse(null), a.get("team").orElse(null),
                        a.get("cost-centre").orElse(null), a.get("declared-use").orElse(null), a.get("environment").orElse(null));
                try (Database db = DbOption.open(a)) {
                    new H2SpendSettings(db).putApiKey(e);
                }
                out.println("key " + e.apiKey() + ": owner " + dash(e.owner()) + ", team " + dash(e.team()) + ", cost centre "
                        + dash(e.costCentre()) + ", " + dash(e.environment()));
            }
            case "keys" -> {
                Args a = Args.parse("allocation keys", rest, Set.of("db"), Set.of("json"));
                List<H2SpendSettings.ApiKeyEntry> keys;
                try (Database db = DbOption.open(a)) {
                    keys = new H2SpendSettings(db).apiKeys();
                }
                if (a.has("json")) {
                    List<Map<String, Object>> list = new ArrayList<>();
                    for (var k : keys) {
                        Map<String, Object> j = new LinkedHashMap<>();
                        j.put("apiKey", k.apiKey());
                        j.put("owner", k.owner());
                        j.put("team", k.team());
                        j.put("costCentre", k.costCentre());
                        j.put("declaredUse", k.declaredUse());
                        j.put("environment", k.environment());
                        list.add(j);
                    }
                    out.println(Json.write(Map.of("keys", list)));
                } else {
                    for (var k : keys) {
                        out.printf("%-30s owner %-16s team %-16s cost centre %-10s %-8s %s%n", k.apiKey(), dash(k.owner()), dash(k.team()),
                                dash(k.costCentre()), dash(k.environment()), k.declaredUse() == null ? "" : k.declaredUse());
                    }
                }
            }
            default -> throw new CliException("unknown allocation action '" + tokens[0] + "' (set, remove, list, key, keys)");
        }
        return Cli.OK;
    }

    private static String dash(String s) {
        return s == null || s.isEmpty() ? "—" : s;
    }

    private static Map.Entry<AllocationRules.Field, String> match(Args a) throws CliException {
        if (a.has("api-key") == a.has("workspace")) {
            throw new CliException("give exactly one of --api-key or --workspace");
        }
        return a.has("api-key") ? Map.entry(AllocationRules.Field.API_KEY, a.require("api-key"))
                : Map.entry(AllocationRules.Field.WORKSPACE, a.require("workspace"));
    }
}

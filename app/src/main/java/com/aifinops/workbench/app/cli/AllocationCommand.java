package com.aifinops.workbench.app.cli;

import com.aifinops.workbench.app.analysis.H2AllocationRuleStore;
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
        return "rules mapping an api_key or workspace to a team/project (applied to past and future usage)";
    }

    @Override
    public String help() {
        return """
                Usage: allocation set (--api-key K | --workspace W) [--team T] [--project P] [--db PATH]
                       allocation remove (--api-key K | --workspace W) [--db PATH]
                       allocation list [--db PATH] [--json]

                Rules apply when the ledger is queried, so they re-attribute usage already imported. A team or
                project the usage file states itself wins; then an api_key rule; then a workspace rule. Usage no
                rule matches shows as "unallocated".
                  list --json  {"rules":[{"field","value","team","project"}]}
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
            default -> throw new CliException("unknown allocation action '" + tokens[0] + "' (set, remove, list)");
        }
        return Cli.OK;
    }

    private static Map.Entry<AllocationRules.Field, String> match(Args a) throws CliException {
        if (a.has("api-key") == a.has("workspace")) {
            throw new CliException("give exactly one of --api-key or --workspace");
        }
        return a.has("api-key") ? Map.entry(AllocationRules.Field.API_KEY, a.require("api-key"))
                : Map.entry(AllocationRules.Field.WORKSPACE, a.require("workspace"));
    }
}

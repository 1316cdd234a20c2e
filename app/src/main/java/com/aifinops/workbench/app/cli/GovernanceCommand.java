package com.aifinops.workbench.app.cli;

import com.aifinops.workbench.app.analysis.H2Governance;
import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.model.analysis.Governance;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** {@code governance [approve|unapprove]}: the key inventory seen in the ledger, its findings, approved models. */
final class GovernanceCommand implements Command {
    @Override
    public String name() {
        return "governance";
    }

    @Override
    public String summary() {
        return "API keys, workspaces and projects seen, owners, unused keys, drift, models outside the approved list";
    }

    @Override
    public String help() {
        return """
                Usage: governance [--db PATH] [--as-of YYYY-MM-DD] [--json]
                       governance approve --environment E --model M [--db PATH]
                       governance unapprove --environment E --model M [--db PATH]

                The keys, workspaces and projects the ledger has seen up to --as-of (default: its last day), joined
                with the key inventory ('allocation key'), and the findings:
                  no_owner           a key with spend and no owner in the inventory
                  unused             an inventory key last seen more than 30 days before as-of, or never
                  environment_drift  a key declared for E with spend in the last 30 days tagged another environment
                                     (the row's environment, else its env/environment tag)
                  spend_surge        a key spending more than 3x in the last 30 days what it spent the 30 before
                  unapproved_model   spend on a model outside its environment's approved list (environments
                                     without a list are not governed); a row's environment is its own, else its
                                     tag, else its key's declared environment
                Models are catalogue ids (as 'report --by model' shows them), or the raw name when unpriced.
                --json: {"asOf","keys":[{"apiKey","inInventory","owner","team","costCentre","declaredUse",
                  "environment","firstSeen","lastSeen","costUsd","requests","last30DaysUsd","previous30DaysUsd",
                  "environmentsSeen"}],"workspaces":[{"name","firstSeen","lastSeen","costUsd","requests","apiKeys"}],
                  "projects":[same as workspaces],"environments":[{"environment","approvedModels","costUsd",
                  "outsideApprovedUsd","outsideByModel":[{"model","costUsd"}]}],
                  "findings":[{"kind","subject","environment","costUsd","detail"}]}
                """;
    }

    @Override
    public int run(String[] tokens, PrintStream out, PrintStream err) throws Exception {
        if (tokens.length > 0 && (tokens[0].equals("approve") || tokens[0].equals("unapprove"))) {
            String action = tokens[0];
            Args a = Args.parse("governance " + action, Arrays.copyOfRange(tokens, 1, tokens.length),
                    Set.of("environment", "model", "db"), Set.of());
            String env = a.require("environment").strip();
            String model = a.require("model").strip();
            try (Database db = DbOption.open(a)) {
                H2Governance g = new H2Governance(db);
                if (action.equals("approve")) {
                    g.approve(env, model);
                    out.println("approved " + model + " for " + env);
                } else if (g.unapprove(env, model)) {
                    out.println("removed " + model + " from the approved list of " + env);
                } else {
                    out.println(model + " is not on the approved list of " + env);
                    return Cli.FAILED;
                }
            }
            return Cli.OK;
        }
        Args a = Args.parse("governance", tokens, Set.of("db", "as-of"), Set.of("json"));
        LocalDate asOf = AnalysisArgs.date(a, "as-of");
        Governance.Report r;
        try (Database db = DbOption.open(a)) {
            r = new H2Governance(db).report(asOf);
        }
        if (a.has("json")) {
            out.println(Json.write(json(r)));
        } else {
            text(r, out);
        }
        return Cli.OK;
    }

    static Map<String, Object> json(Governance.Report r) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("asOf", r.asOf().toString());
        List<Map<String, Object>> keys = new ArrayList<>();
        for (Governance.KeyRow k : r.keys()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("apiKey", k.apiKey());
            m.put("inInventory", k.inInventory());
            m.put("owner", k.owner());
            m.put("team", k.team());
            m.put("costCentre", k.costCentre());
            m.put("declaredUse", k.declaredUse());
            m.put("environment", k.declaredEnvironment());
            m.put("firstSeen", str(k.firstSeen()));
            m.put("lastSeen", str(k.lastSeen()));
            m.put("costUsd", AnalysisArgs.cents(k.cost()));
            m.put("requests", k.requests());
            m.put("last30DaysUsd", AnalysisArgs.cents(k.recentCost()));
            m.put("previous30DaysUsd", AnalysisArgs.cents(k.previousCost()));
            m.put("environmentsSeen", new ArrayList<>(new TreeSet<>(k.environmentsSeen())));
            keys.add(m);
        }
        j.put("keys", keys);
        j.put("workspaces", scopes(r.workspaces()));
        j.put("projects", scopes(r.projects()));
        List<Map<String, Object>> envs = new ArrayList<>();
        for (Governance.EnvironmentRow e : r.environments()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("environment", e.environment());
            m.put("approvedModels", new ArrayList<>(new TreeSet<>(e.approved())));
            m.put("costUsd", AnalysisArgs.cents(e.cost()));
            m.put("outsideApprovedUsd", AnalysisArgs.cents(e.outsideCost()));
            List<Map<String, Object>> outside = new ArrayList<>();
            e.outsideByModel().forEach((model, cost) -> {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("model", model);
                o.put("costUsd", AnalysisArgs.cents(cost));
                outside.add(o);
            });
            m.put("outsideByModel", outside);
            envs.add(m);
        }
        j.put("environments", envs);
        List<Map<String, Object>> findings = new ArrayList<>();
        for (Governance.Finding f : r.findings()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", f.kind().label());
            m.put("subject", f.subject());
            m.put("environment", f.environment());
            m.put("costUsd", AnalysisArgs.cents(f.cost()));
            m.put("detail", f.detail());
            findings.add(m);
        }
        j.put("findings", findings);
        return j;
    }

    private static List<Map<String, Object>> scopes(List<Governance.ScopeRow> rows) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Governance.ScopeRow s : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name());
            m.put("firstSeen", str(s.firstSeen()));
            m.put("lastSeen", str(s.lastSeen()));
            m.put("costUsd", AnalysisArgs.cents(s.cost()));
            m.put("requests", s.requests());
            m.put("apiKeys", new ArrayList<>(new TreeSet<>(s.apiKeys())));
            out.add(m);
        }
        return out;
    }

    private static void text(Governance.Report r, PrintStream out) {
        out.println("Governance as of " + r.asOf());
        out.println();
        out.println("API keys");
        out.printf("  %-24s %-14s %-12s %-8s %-8s %-10s %14s %14s%n", "key", "owner", "team", "centre", "env", "last seen", "spend", "last 30 days");
        for (Governance.KeyRow k : r.keys()) {
            out.printf("  %-24s %-14s %-12s %-8s %-8s %-10s %14s %14s%n", k.apiKey(), dash(k.owner()), dash(k.team()), dash(k.costCentre()),
                    dash(k.declaredEnvironment()), k.lastSeen() == null ? "never" : k.lastSeen().toString(),
                    AnalysisArgs.money(k.cost()), AnalysisArgs.money(k.recentCost()));
        }
        scopesText("Workspaces", r.workspaces(), out);
        scopesText("Projects", r.projects(), out);
        out.println();
        out.println("Environments");
        for (Governance.EnvironmentRow e : r.environments()) {
            out.printf("  %-12s %14s  %s%n", e.environment(), AnalysisArgs.money(e.cost()), e.governed()
                    ? AnalysisArgs.money(e.outsideCost()) + " outside the approved list (" + String.join(", ", new TreeSet<>(e.approved())) + ")"
                    : "no approved list");
        }
        out.println();
        out.println("Findings (" + r.findings().size() + ")");
        for (Governance.Finding f : r.findings()) {
            out.printf("  %-18s %-24s %-8s %14s  %s%n", f.kind().label(), f.subject(), dash(f.environment()), AnalysisArgs.money(f.cost()), f.detail());
        }
    }

    private static void scopesText(String title, List<Governance.ScopeRow> rows, PrintStream out) {
        out.println();
        out.println(title);
        for (Governance.ScopeRow s : rows) {
            out.printf("  %-24s %3d keys  last seen %-10s %14s%n", s.name(), s.apiKeys().size(), str(s.lastSeen()), AnalysisArgs.money(s.cost()));
        }
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static String dash(String s) {
        return s == null || s.isEmpty() ? "—" : s;
    }
}

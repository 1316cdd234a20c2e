package com.aifinops.workbench.app.cli;

import com.aifinops.workbench.app.analysis.H2BudgetStore;
import com.aifinops.workbench.app.analysis.SpendAnalysis;
import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.model.analysis.Budget;
import com.aifinops.workbench.model.analysis.Budgets;
import com.aifinops.workbench.model.analysis.Dimension;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code budget set|status}: monthly budgets per node, their status at the current run-rate, and proposals. */
final class BudgetCommand implements Command {
    @Override
    public String name() {
        return "budget";
    }

    @Override
    public String summary() {
        return "monthly budgets per team/project/agent: set, status with 80 %/100 % alerts, proposals";
    }

    @Override
    public String help() {
        return """
                Usage: budget set --node DIM:VALUE --month YYYY-MM --usd AMOUNT [--db PATH]
                       budget remove --node DIM:VALUE --month YYYY-MM [--db PATH]
                       budget status [--month YYYY-MM] [--as-of YYYY-MM-DD] [--db PATH] [--json]

                A node is a dimension and value such as team:support, project:search, agent:triage-bot, org:acme.
                status: spend of the month up to --as-of (default the ledger's last day), the month-end projection at
                the run-rate (spend so far / days elapsed), the day 80 % and 100 % were crossed or, at that
                run-rate, will be, and a proposal of 110–120 % of the mean of the up to 3 previous months.
                State: over (≥ 100 %), warning (≥ 80 %), at_risk (projected over 100 %), ok.
                  --month   default: the latest month that has a budget
                  --json    {"month":…,"asOf":…,"budgets":[{"node","budgetUsd","spentUsd","usedPercent","projectedUsd",
                             "state","thresholds":[{"percent","amountUsd","crossedOn","projectedOn"}],
                             "baselineUsd","proposedLowUsd","proposedHighUsd"}]}
                """;
    }

    @Override
    public int run(String[] tokens, PrintStream out, PrintStream err) throws Exception {
        if (tokens.length == 0) {
            throw new CliException("budget needs an action: set, remove or status");
        }
        String action = tokens[0];
        String[] rest = java.util.Arrays.copyOfRange(tokens, 1, tokens.length);
        return switch (action) {
            case "set" -> set(rest, out);
            case "remove" -> remove(rest, out);
            case "status" -> status(rest, out);
            default -> throw new CliException("unknown budget action '" + action + "' (set, remove, status)");
        };
    }

    private int set(String[] tokens, PrintStream out) throws Exception {
        Args a = Args.parse("budget set", tokens, Set.of("node", "month", "usd", "db"), Set.of());
        var node = AnalysisArgs.node(a, "node");
        checkNode(node.dimension());
        YearMonth month = AnalysisArgs.month(a, "month");
        if (month == null) {
            throw new CliException("missing --month (budget set)");
        }
        BigDecimal usd = a.requireDecimal("usd");
        if (usd.signum() == 0) {
            throw new CliException("--usd: a budget must be more than 0 (use 'budget remove')");
        }
        try (Database db = DbOption.open(a)) {
            new H2BudgetStore(db).put(new Budget(node, month, usd));
        }
        out.println("budget " + node + " " + month + ": " + money(usd));
        return Cli.OK;
    }

    private int remove(String[] tokens, PrintStream out) throws Exception {
        Args a = Args.parse("budget remove", tokens, Set.of("node", "month", "db"), Set.of());
        var node = AnalysisArgs.node(a, "node");
        YearMonth month = AnalysisArgs.month(a, "month");
        if (month == null) {
            throw new CliException("missing --month (budget remove)");
        }
        try (Database db = DbOption.open(a)) {
            if (!new H2BudgetStore(db).remove(node, month)) {
                out.println("no budget for " + node + " in " + month);
                return Cli.FAILED;
            }
        }
        out.println("removed budget " + node + " " + month);
        return Cli.OK;
    }

    private static void checkNode(Dimension d) throws CliException {
        if (d.kind() == Dimension.Kind.TAG) {
            throw new CliException("--node: budgets attach to the allocation path (org, team, project, agent, …), not tags");
        }
    }

    private int status(String[] tokens, PrintStream out) throws Exception {
        Args a = Args.parse("budget status", tokens, Set.of("month", "as-of", "db"), Set.of("json"));
        YearMonth month = AnalysisArgs.month(a, "month");
        LocalDate asOf = AnalysisArgs.date(a, "as-of");
        List<SpendAnalysis.BudgetReport> reports;
        try (Database db = DbOption.open(a)) {
            if (month == null) {
                month = new H2BudgetStore(db).latestMonth();
                if (month == null) {
                    throw new CliException("no budgets yet (see 'budget set --help')");
                }
            }
            reports = new SpendAnalysis(db).budgetStatus(month, asOf);
        }
        LocalDate shownAsOf = reports.isEmpty() ? asOf : reports.get(0).status().asOf();
        if (a.has("json")) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (var r : reports) {
                Budgets.Status s = r.status();
                Map<String, Object> j = new LinkedHashMap<>();
                j.put("node", s.budget().node().toString());
                j.put("budgetUsd", AnalysisArgs.cents(s.budget().amount()));
                j.put("spentUsd", AnalysisArgs.cents(s.spent()));
                j.put("usedPercent", percent(s.used()));
                j.put("projectedUsd", AnalysisArgs.cents(s.projected()));
                j.put("state", s.state().name().toLowerCase(Locale.ROOT));
                List<Map<String, Object>> ts = new ArrayList<>();
                for (var t : s.thresholds()) {
                    Map<String, Object> tj = new LinkedHashMap<>();
                    tj.put("percent", t.fraction().movePointRight(2).stripTrailingZeros().toPlainString());
                    tj.put("amountUsd", AnalysisArgs.cents(t.amount()));
                    tj.put("crossedOn", t.crossedOn() == null ? null : t.crossedOn().toString());
                    tj.put("projectedOn", t.projectedOn() == null ? null : t.projectedOn().toString());
                    ts.add(tj);
                }
                j.put("thresholds", ts);
                j.put("baselineUsd", r.proposal() == null ? null : AnalysisArgs.cents(r.proposal().baseline()));
                j.put("proposedLowUsd", r.proposal() == null ? null : AnalysisArgs.cents(r.proposal().low()));
                j.put("proposedHighUsd", r.proposal() == null ? null : AnalysisArgs.cents(r.proposal().high()));
                list.add(j);
            }
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("month", month.toString());
            j.put("asOf", shownAsOf == null ? null : shownAsOf.toString());
            j.put("budgets", list);
            out.println(Json.write(j));
        } else {
            out.println("Budgets " + month + (shownAsOf == null ? "" : ", as of " + shownAsOf));
            for (var r : reports) {
                Budgets.Status s = r.status();
                out.printf("  %-28s %14s of %14s  %6s %%  projected %14s  %s%n", s.budget().node(), money(s.spent()), money(s.budget().amount()),
                        percent(s.used()), money(s.projected()), s.state().name().toLowerCase(Locale.ROOT));
                for (var t : s.thresholds()) {
                    String pct = t.fraction().movePointRight(2).stripTrailingZeros().toPlainString() + " %";
                    out.printf("      %-6s %14s  %s%n", pct, money(t.amount()), t.crossedOn() != null ? "crossed " + t.crossedOn()
                            : t.projectedOn() != null ? "at this run-rate on " + t.projectedOn() : "not this month at this run-rate");
                }
                if (r.proposal() != null) {
                    out.printf("      proposal %s – %s (110–120 %% of the %d-month mean %s)%n", money(r.proposal().low()), money(r.proposal().high()),
                            r.proposal().months(), money(r.proposal().baseline()));
                }
            }
        }
        return Cli.OK;
    }

    private static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    private static String money(BigDecimal v) {
        return AnalysisArgs.money(v);
    }
}

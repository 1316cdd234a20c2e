package com.aifinops.workbench.app.cli;

import com.aifinops.workbench.app.analysis.H2BudgetStore;
import com.aifinops.workbench.app.analysis.SpendAnalysis;
import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.model.analysis.Budget;
import com.aifinops.workbench.model.analysis.BudgetPeriod;
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

/**
 * {@code budget set|remove|status}: monthly and rolling budgets per node, their status at the current run-rate
 * with each budget's alert thresholds, and proposals.
 */
final class BudgetCommand implements Command {
    @Override
    public String name() {
        return "budget";
    }

    @Override
    public String summary() {
        return "monthly and rolling budgets per team/project/agent: set, status with alert days, proposals";
    }

    @Override
    public String help() {
        return """
                Usage: budget set --node DIM:VALUE (--month YYYY-MM | --rolling DAYS) --amount USD [--thresholds 50,80,100] [--db PATH]
                       budget remove --node DIM:VALUE (--month YYYY-MM | --rolling DAYS) [--db PATH]
                       budget status [--month YYYY-MM] [--as-of YYYY-MM-DD] [--db PATH] [--json]

                A node is a dimension and value such as team:support, project:search, agent:triage-bot, org:acme.
                A budget covers a calendar month (--month) or the last DAYS days, whichever day it is looked at
                (--rolling 30: "$30,000 per rolling 30 days"). --amount (or --usd) in USD. --thresholds: the alert
                percents of the amount, rising (default 80,100); setting a budget again replaces amount and thresholds.
                status: the month's budgets and every rolling budget.
                  monthly: spend of the month up to --as-of (default the ledger's last day), the month-end projection at
                    the run-rate (spend so far / days elapsed), the day each threshold was crossed or, at that run-rate,
                    will be this month, and a proposal of 110–120 % of the mean of the up to 3 previous months.
                  rolling N days, as of day D (--as-of, else the ledger's last day clamped to the month): spend of
                    D−N+1 .. D; run-rate = the mean of the 7 days D−6 .. D; on day D+k the days D−N+1 .. D−N+k have
                    left the window and k run-rate days entered; a threshold is projected to the first such day that
                    reaches it (k ≤ N), crossed on the first day of the current run of days over it (within the last N
                    days); projected = N × run-rate; proposal 110–120 % of the mean of the up to 3 N-day windows
                    ending on D, D−N, D−2N.
                State: over (≥ 100 %), warning (≥ the first threshold), at_risk (projected over 100 %; rolling: 100 %
                reached within N days), ok.
                  --month   default: the latest month that has a monthly budget
                  --json    {"month":…,"asOf":…,"budgets":[{"node","budgetUsd","spentUsd","usedPercent","projectedUsd",
                             "state","thresholds":[{"percent","amountUsd","crossedOn","projectedOn"}],
                             "baselineUsd","proposedLowUsd","proposedHighUsd","period":"month"|"rolling",
                             "days":N (rolling; null for a month),"asOf","runRateUsd"}]}
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

    /** --month M or --rolling DAYS, exactly one. */
    private static BudgetPeriod period(Args a, String command) throws CliException {
        boolean month = a.has("month");
        boolean rolling = a.has("rolling");
        if (month && rolling) {
            throw new CliException("--month and --rolling: a budget covers a calendar month or a rolling window, not both (" + command + ")");
        }
        if (rolling) {
            return new BudgetPeriod.Rolling(a.integer("rolling", 0, 1, BudgetPeriod.MAX_ROLLING_DAYS));
        }
        YearMonth m = AnalysisArgs.month(a, "month");
        if (m == null) {
            throw new CliException("missing --month or --rolling (" + command + ")");
        }
        return new BudgetPeriod.Month(m);
    }

    private int set(String[] tokens, PrintStream out) throws Exception {
        Args a = Args.parse("budget set", tokens, Set.of("node", "month", "rolling", "usd", "amount", "thresholds", "db"), Set.of());
        var node = AnalysisArgs.node(a, "node");
        checkNode(node.dimension());
        BudgetPeriod period = period(a, "budget set");
        if (a.has("usd") && a.has("amount")) {
            throw new CliException("--amount and --usd are the same option: give one");
        }
        String flag = a.has("usd") ? "usd" : "amount";
        if (!a.has(flag)) {
            throw new CliException("missing --amount (budget set)");
        }
        BigDecimal usd = a.requireDecimal(flag);
        if (usd.signum() <= 0) {
            throw new CliException("--" + flag + ": a budget must be more than 0 (use 'budget remove')");
        }
        List<BigDecimal> thresholds = Budgets.DEFAULT_THRESHOLDS;
        if (a.has("thresholds")) {
            try {
                thresholds = Budgets.parsePercents(a.require("thresholds"));
            } catch (IllegalArgumentException e) {
                throw new CliException("--thresholds: " + e.getMessage());
            }
        }
        Budget b = new Budget(node, period, usd, thresholds);
        try (Database db = DbOption.open(a)) {
            new H2BudgetStore(db).put(b);
        }
        out.println("budget " + node + " " + period + ": " + money(usd)
                + (thresholds.equals(Budgets.DEFAULT_THRESHOLDS) ? "" : ", alerts at " + Budgets.percents(thresholds).replace(",", " / ") + " %"));
        return Cli.OK;
    }

    private int remove(String[] tokens, PrintStream out) throws Exception {
        Args a = Args.parse("budget remove", tokens, Set.of("node", "month", "rolling", "db"), Set.of());
        var node = AnalysisArgs.node(a, "node");
        BudgetPeriod period = period(a, "budget remove");
        try (Database db = DbOption.open(a)) {
            H2BudgetStore store = new H2BudgetStore(db);
            boolean removed = period instanceof BudgetPeriod.Rolling r ? store.removeRolling(node, r.days())
                    : store.remove(node, ((BudgetPeriod.Month) period).month());
            if (!removed) {
                out.println("no budget for " + node + (period instanceof BudgetPeriod.Rolling ? " over " : " in ") + period);
                return Cli.FAILED;
            }
        }
        out.println("removed budget " + node + " " + period);
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
        List<SpendAnalysis.BudgetReport> reports = new ArrayList<>();
        List<SpendAnalysis.BudgetReport> rolling;
        try (Database db = DbOption.open(a)) {
            SpendAnalysis analysis = new SpendAnalysis(db);
            if (month == null) {
                month = new H2BudgetStore(db).latestMonth();
            }
            if (month != null) {
                reports = analysis.budgetStatus(month, asOf);
            }
            rolling = analysis.rollingStatus(asOf != null ? asOf : month != null ? analysis.rollingAsOf(month) : null);
            if (month == null && rolling.isEmpty()) {
                throw new CliException("no budgets yet (see 'budget set --help')");
            }
        }
        LocalDate shownAsOf = !reports.isEmpty() ? reports.get(0).status().asOf() : !rolling.isEmpty() ? rolling.get(0).status().asOf() : asOf;
        List<SpendAnalysis.BudgetReport> all = new ArrayList<>(reports);
        all.addAll(rolling);
        if (a.has("json")) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (var r : all) {
                list.add(json(r));
            }
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("month", month == null ? null : month.toString());
            j.put("asOf", shownAsOf == null ? null : shownAsOf.toString());
            j.put("budgets", list);
            out.println(Json.write(j));
        } else {
            out.println("Budgets " + (month == null ? "" : month + ", ") + (shownAsOf == null ? "" : "as of " + shownAsOf));
            for (var r : reports) {
                text(r, out);
            }
            if (!rolling.isEmpty()) {
                out.println("Rolling budgets, as of " + rolling.get(0).status().asOf());
                for (var r : rolling) {
                    text(r, out);
                }
            }
        }
        return Cli.OK;
    }

    private static Map<String, Object> json(SpendAnalysis.BudgetReport r) {
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
        j.put("period", s.budget().isRolling() ? "rolling" : "month");
        j.put("days", s.budget().isRolling() ? s.budget().rollingDays() : null);
        j.put("asOf", s.asOf().toString());
        j.put("runRateUsd", AnalysisArgs.cents(s.runRate()));
        return j;
    }

    private static void text(SpendAnalysis.BudgetReport r, PrintStream out) {
        Budgets.Status s = r.status();
        boolean rolling = s.budget().isRolling();
        String label = s.budget().node() + (rolling ? " /" + s.budget().rollingDays() + "d" : "");
        out.printf("  %-28s %14s of %14s  %6s %%  projected %14s  %s%n", label, money(s.spent()), money(s.budget().amount()),
                percent(s.used()), money(s.projected()), s.state().name().toLowerCase(Locale.ROOT));
        String none = rolling ? "not within " + s.budget().rollingDays() + " days at this run-rate" : "not this month at this run-rate";
        for (var t : s.thresholds()) {
            String pct = t.fraction().movePointRight(2).stripTrailingZeros().toPlainString() + " %";
            out.printf("      %-6s %14s  %s%n", pct, money(t.amount()), t.crossedOn() != null ? "crossed " + t.crossedOn()
                    : t.projectedOn() != null ? "at this run-rate on " + t.projectedOn() : none);
        }
        if (r.proposal() != null) {
            String base = rolling ? "mean of " + r.proposal().months() + " " + s.budget().rollingDays() + "-day window" + (r.proposal().months() == 1 ? "" : "s")
                    : r.proposal().months() + "-month mean";
            out.printf("      proposal %s – %s (110–120 %% of the %s %s)%n", money(r.proposal().low()), money(r.proposal().high()),
                    base, money(r.proposal().baseline()));
        }
    }

    private static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    private static String money(BigDecimal v) {
        return AnalysisArgs.money(v);
    }
}

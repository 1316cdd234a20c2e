package com.aifinops.workbench.app.cli;

import com.aifinops.workbench.app.analysis.H2Showback;
import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.importers.export.ShowbackExport;
import com.aifinops.workbench.model.analysis.Showback;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code showback}: the monthly showback / chargeback statement of a team, or of every team. */
final class ShowbackCommand implements Command {
    @Override
    public String name() {
        return "showback";
    }

    @Override
    public String summary() {
        return "monthly statement per team: by project, model and token class, list vs contracted, MoM, share";
    }

    @Override
    public String help() {
        return """
                Usage: showback --month YYYY-MM (--team T | --all-teams) [--db PATH] [--json | --csv FILE | --xlsx FILE]

                The statement of one team (after the allocation rules; "unallocated" is the usage without a team) for
                one calendar month: its spend, the previous month's and the change (absolute and %, "new" when the
                previous month is zero), its share of the whole ledger that month; lines by project, by model and by
                token class (uncached input, cache read, cache write 5m / 1h, output incl. reasoning: tokens and
                list-priced cost), each with list price against contracted (the catalogue's contract terms applied;
                list where none applies) and what the files billed; its parts of the month's shared costs; cost per
                request, per 1K tokens and per outcome (outcomes counted for the team or its projects, 'unit outcomes').

                  --team T       one team's statement
                  --all-teams    one statement per team with spend in the month or the month before
                  --json         {"month","statements":[{"team","month","requests","tokens","costUsd","listUsd",
                                 "contractedUsd","billedUsd","previousCostUsd","changeUsd","changePercent",
                                 "sharePercent","ledgerCostUsd","projects":[…],"models":[…],"tokenClasses":[…],
                                 "sharedCosts":[…],"sharedUsd","totalWithSharedUsd","unit":{…},"outcomes":[…]}]}
                  --csv FILE     one row per figure (team,month,section,item,requests,tokens,cost_usd,list_usd,
                                 contracted_usd,billed_usd,previous_usd,change_usd,change_pct,share_pct,note), the
                                 statements one after another
                  --xlsx FILE    one sheet per team; with --all-teams a Summary sheet first

                cost is what 'report' counts: billed when the file states it, else the list price. Amounts are
                rounded half-up to cents only when printed, the lines by largest remainder so that they add up to
                the printed total; unit costs to 6 decimals, cost per outcome to 4. Files are written atomically.
                """;
    }

    @Override
    public int run(String[] tokens, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(name(), tokens, Set.of("month", "team", "db", "csv", "xlsx"), Set.of("all-teams", "json"));
        YearMonth month = AnalysisArgs.month(a, "month");
        if (month == null) {
            throw new CliException("missing --month YYYY-MM");
        }
        boolean all = a.has("all-teams");
        if (all == a.has("team")) {
            throw new CliException(all ? "--team and --all-teams exclude each other" : "give --team T or --all-teams");
        }
        String team = a.get("team").map(String::strip).orElse(null);
        if (!all && team.isEmpty()) {
            throw new CliException("--team: expected a team name");
        }
        int outputs = (a.has("json") ? 1 : 0) + (a.has("csv") ? 1 : 0) + (a.has("xlsx") ? 1 : 0);
        if (outputs > 1) {
            throw new CliException("--json, --csv and --xlsx exclude each other");
        }
        List<Showback> statements;
        try (Database db = DbOption.open(a)) {
            H2Showback h2 = new H2Showback(db);
            statements = all ? h2.statements(month) : List.of(h2.statement(team, month));
        }
        if (!all && statements.get(0).total().requests() == 0 && statements.get(0).previousCost().signum() == 0) {
            err.println("warning: team '" + team + "' has no usage in " + month + " or the month before");
        }
        if (a.has("csv")) {
            Path f = Path.of(a.require("csv"));
            ShowbackExport.csv(statements, f);
            out.println("wrote " + f);
        } else if (a.has("xlsx")) {
            Path f = Path.of(a.require("xlsx"));
            ShowbackExport.xlsx(statements, f);
            out.println("wrote " + f);
        } else if (a.has("json")) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("month", month.toString());
            j.put("statements", statements.stream().map(s -> json(s.roundedToCents())).toList());
            out.println(Json.write(j));
        } else {
            for (int i = 0; i < statements.size(); i++) {
                if (i > 0) {
                    out.println();
                }
                text(statements.get(i).roundedToCents(), out);
            }
            if (all && statements.size() > 1) {
                out.println();
                summary(statements.stream().map(Showback::roundedToCents).toList(), out);
            }
        }
        return Cli.OK;
    }

    static Map<String, Object> json(Showback s) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("team", s.team());
        j.put("month", s.month().toString());
        spend(j, s.total());
        j.put("previousCostUsd", plain(s.previousCost()));
        change(j, s.change());
        j.put("sharePercent", s.share() == null ? null : plain(percent(s.share())));
        j.put("ledgerCostUsd", plain(s.ledgerCost()));
        j.put("projects", lines(s.projects(), "project"));
        j.put("models", lines(s.models(), "model"));
        List<Map<String, Object>> classes = new ArrayList<>();
        for (Showback.ClassLine c : s.tokenClasses()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("class", c.tokenClass().label());
            m.put("tokens", c.tokens());
            m.put("listUsd", plain(c.list()));
            m.put("contractedUsd", plain(c.contracted()));
            m.put("billedUsd", plain(c.billed()));
            classes.add(m);
        }
        j.put("tokenClasses", classes);
        List<Map<String, Object>> shared = new ArrayList<>();
        for (Showback.SharedPart p : s.shared()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", p.name());
            m.put("method", p.method());
            m.put("amountUsd", plain(p.amount()));
            m.put("partUsd", plain(p.part()));
            shared.add(m);
        }
        j.put("sharedCosts", shared);
        j.put("sharedUsd", plain(s.sharedCost()));
        j.put("totalWithSharedUsd", plain(s.totalWithShared()));
        Map<String, Object> unit = new LinkedHashMap<>();
        unit.put("costPerRequestUsd", plain(s.unit().perRequest()));
        unit.put("costPer1kTokensUsd", plain(s.unit().per1kTokens()));
        j.put("unit", unit);
        List<Map<String, Object>> outcomes = new ArrayList<>();
        for (Showback.OutcomeCost o : s.outcomes()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("node", o.node());
            m.put("outcome", o.outcome());
            m.put("count", o.count());
            m.put("costUsd", plain(o.cost()));
            m.put("costPerOutcomeUsd", plain(o.perOutcome()));
            m.put("harnessUsd", plain(o.harness()));
            m.put("costPerOutcomeWithHarnessUsd", plain(o.perOutcomeWithHarness()));
            outcomes.add(m);
        }
        j.put("outcomes", outcomes);
        return j;
    }

    private static void spend(Map<String, Object> j, Showback.Spend s) {
        j.put("requests", s.requests());
        j.put("tokens", s.tokens());
        j.put("costUsd", plain(s.cost()));
        j.put("listUsd", plain(s.list()));
        j.put("contractedUsd", plain(s.contracted()));
        j.put("billedUsd", plain(s.billed()));
        j.put("unpricedRequests", s.unpricedRequests());
    }

    private static void change(Map<String, Object> j, Showback.Change c) {
        j.put("changeUsd", plain(c.amount()));
        j.put("changePercent", c.percent() != null ? plain(c.percent()) : c.isNew() ? "new" : null);
    }

    private static List<Map<String, Object>> lines(List<Showback.Line> lines, String key) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Showback.Line l : lines) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put(key, l.key());
            spend(m, l.spend());
            m.put("previousCostUsd", plain(l.previousCost()));
            change(m, l.change());
            out.add(m);
        }
        return out;
    }

    private static String plain(BigDecimal v) {
        return v == null ? null : v.toPlainString();
    }

    private static BigDecimal percent(BigDecimal fraction) {
        return fraction.movePointRight(2).setScale(2, RoundingMode.HALF_UP);
    }

    private static String pct(Showback.Change c) {
        if (c.percent() != null) {
            return (c.percent().signum() > 0 ? "+" : "") + c.percent().toPlainString() + " %";
        }
        return c.isNew() ? "new" : "—";
    }

    private static String signed(BigDecimal v) {
        return (v.signum() > 0 ? "+" : "") + AnalysisArgs.money(v);
    }

    static void text(Showback s, PrintStream out) {
        Showback.Spend t = s.total();
        out.println("Showback statement: team " + s.team() + ", " + s.month());
        out.printf("%-26s %14s   previous month %s, %s (%s)%n", "Cost", AnalysisArgs.money(t.cost()), AnalysisArgs.money(s.previousCost()),
                signed(s.change().amount()), pct(s.change()));
        out.printf("%-26s %14s   of the ledger's %s%n", "Share of the ledger", s.share() == null ? "—" : percent(s.share()).toPlainString() + " %",
                AnalysisArgs.money(s.ledgerCost()));
        out.printf("%-26s %14s%n", "List price", AnalysisArgs.money(t.list()));
        out.printf("%-26s %14s%s%n", "Contracted", AnalysisArgs.money(t.contracted()),
                t.contractSavings() == null || t.contractSavings().signum() == 0 ? "" : "   saves " + AnalysisArgs.money(t.contractSavings()));
        out.printf("%-26s %14s%n", "Billed in files", AnalysisArgs.money(t.billed()));
        out.printf("%-26s %14s%n", "Shared costs", AnalysisArgs.money(s.sharedCost()));
        out.printf("%-26s %14s%n", "Total with shared costs", AnalysisArgs.money(s.totalWithShared()));
        out.printf("%-26s %,14d   cost per request %s%n", "Requests", t.requests(), unit(s.unit().perRequest()));
        out.printf("%-26s %,14d   cost per 1K tokens %s%n", "Tokens", t.tokens(), unit(s.unit().per1kTokens()));
        if (t.unpricedRequests() > 0) {
            out.println("  " + t.unpricedRequests() + " requests of unpriced models state no billed cost and count as $0");
        }
        lines(out, "By project", s.projects(), t, s.previousCost());
        lines(out, "By model", s.models(), t, s.previousCost());
        out.println();
        out.printf("%-34s %15s %14s %14s %14s%n", "By token class", "tokens", "list", "contracted", "billed");
        long tokens = 0;
        for (Showback.ClassLine c : s.tokenClasses()) {
            out.printf("  %-32s %,15d %14s %14s %14s%n", c.tokenClass().label(), c.tokens(), AnalysisArgs.money(c.list()),
                    AnalysisArgs.money(c.contracted()), AnalysisArgs.money(c.billed()));
            tokens += c.tokens();
        }
        out.printf("  %-32s %,15d %14s %14s%n", "Total", tokens, AnalysisArgs.money(t.list()), AnalysisArgs.money(t.contracted()));
        if (!s.shared().isEmpty()) {
            out.println();
            out.println("Shared costs");
            for (Showback.SharedPart p : s.shared()) {
                out.printf("  %-32s %14s   %s split of %s%n", p.name(), AnalysisArgs.money(p.part()), p.method(), AnalysisArgs.money(p.amount()));
            }
        }
        if (!s.outcomes().isEmpty()) {
            out.println();
            out.println("Cost per outcome");
            for (Showback.OutcomeCost o : s.outcomes()) {
                out.printf("  %-24s %,10d %-12s %s per outcome (cost %s), %s with harness %s%n", o.node(), o.count(), o.outcome(),
                        perOutcome(o.perOutcome()), AnalysisArgs.money(o.cost()), perOutcome(o.perOutcomeWithHarness()),
                        AnalysisArgs.money(o.harness()));
            }
        }
    }

    private static String unit(BigDecimal v) {
        return v == null ? "—" : "$" + v.toPlainString();
    }

    private static String perOutcome(BigDecimal v) {
        return v == null ? "—" : "$" + v.toPlainString();
    }

    private static void lines(PrintStream out, String title, List<Showback.Line> lines, Showback.Spend total, BigDecimal previous) {
        out.println();
        out.printf("%-34s %10s %15s %14s %14s %14s %14s %14s %14s %10s%n", title, "requests", "tokens", "cost", "list", "contracted",
                "billed", "previous", "change", "change %");
        for (Showback.Line l : lines) {
            Showback.Spend s = l.spend();
            out.printf("  %-32s %,10d %,15d %14s %14s %14s %14s %14s %14s %10s%n", l.key(), s.requests(), s.tokens(),
                    AnalysisArgs.money(s.cost()), AnalysisArgs.money(s.list()), AnalysisArgs.money(s.contracted()),
                    AnalysisArgs.money(s.billed()), AnalysisArgs.money(l.previousCost()), signed(l.change().amount()), pct(l.change()));
        }
        out.printf("  %-32s %,10d %,15d %14s %14s %14s %14s %14s%n", "Total", total.requests(), total.tokens(), AnalysisArgs.money(total.cost()),
                AnalysisArgs.money(total.list()), AnalysisArgs.money(total.contracted()), AnalysisArgs.money(total.billed()),
                AnalysisArgs.money(previous));
    }

    private static void summary(List<Showback> all, PrintStream out) {
        out.printf("%-26s %14s %9s %14s %14s %10s %16s%n", "All teams " + all.get(0).month(), "cost", "share", "previous", "change",
                "change %", "with shared");
        for (Showback s : all) {
            out.printf("  %-24s %14s %9s %14s %14s %10s %16s%n", s.team(), AnalysisArgs.money(s.total().cost()),
                    s.share() == null ? "—" : percent(s.share()).toPlainString() + " %", AnalysisArgs.money(s.previousCost()),
                    signed(s.change().amount()), pct(s.change()), AnalysisArgs.money(s.totalWithShared()));
        }
        out.printf("  %-24s %14s%n", "Ledger total", AnalysisArgs.money(all.get(0).ledgerCost()));
    }
}

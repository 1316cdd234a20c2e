package com.aifinops.workbench.app.cli;

import com.aifinops.workbench.app.analysis.H2SpendQuery;
import com.aifinops.workbench.app.analysis.H2SpendSettings;
import com.aifinops.workbench.app.analysis.H2UnitEconomics;
import com.aifinops.workbench.importers.unit.OutcomeCsvReader;
import com.aifinops.workbench.importers.unit.OutcomeRead;
import com.aifinops.workbench.model.analysis.OutcomeCount;
import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.model.Usd;
import com.aifinops.workbench.model.analysis.Dimension;
import com.aifinops.workbench.model.analysis.Node;
import com.aifinops.workbench.model.analysis.UnitEconomics;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** {@code unit outcomes|harness|show}: cost per business outcome, with and without the harness around the model calls. */
final class UnitCommand implements Command {
    @Override
    public String name() {
        return "unit";
    }

    @Override
    public String summary() {
        return "cost per outcome by month, with and without harness costs";
    }

    @Override
    public String help() {
        return """
                Usage: unit outcomes --node DIM:VALUE --month YYYY-MM --outcome NAME --count N [--db PATH]
                       unit harness --node DIM:VALUE --month YYYY-MM --description TEXT --usd AMOUNT [--db PATH]
                       unit show --node DIM:VALUE --outcome NAME [--db PATH] [--json]
                       unit import FILE [--db PATH]

                outcomes: how many outcomes (tickets resolved, documents drafted) the node produced that month
                (setting it again replaces it). harness: a cost around the model calls (vector store, evals,
                hosting), added up per month. show: per month, model spend of the node (as 'report' counts it),
                harness cost, outcomes, cost per outcome without and with the harness (4 decimals; none when the
                month has no outcomes). import: outcome counts from a CSV with the header node,month,outcome,count
                (team:support,2026-03,resolved tickets,412), all or nothing: a bad line is named by file, line and
                column and nothing is written; counts are set, not added, so importing a file again changes nothing.
                  --json  {"node","outcome","months":[{"month","outcomes","modelCostUsd","harnessCostUsd",
                           "costPerOutcomeUsd","costPerOutcomeWithHarnessUsd"}]}
                """;
    }

    @Override
    public int run(String[] tokens, PrintStream out, PrintStream err) throws Exception {
        if (tokens.length == 0) {
            throw new CliException("unit needs an action: outcomes, harness, show or import");
        }
        String[] rest = Arrays.copyOfRange(tokens, 1, tokens.length);
        switch (tokens[0]) {
            case "outcomes" -> {
                Args a = Args.parse("unit outcomes", rest, Set.of("node", "month", "outcome", "count", "db"), Set.of());
                Node node = AnalysisArgs.node(a, "node");
                YearMonth month = requireMonth(a);
                String outcome = a.require("outcome");
                int count = a.integer("count", -1, 0, Integer.MAX_VALUE);
                if (count < 0) {
                    throw new CliException("missing --count (unit outcomes)");
                }
                try (Database db = DbOption.open(a)) {
                    new H2SpendSettings(db).putOutcomes(node, month, outcome, count);
                }
                out.println(node + " " + month + ": " + count + " " + outcome);
            }
            case "harness" -> {
                Args a = Args.parse("unit harness", rest, Set.of("node", "month", "description", "usd", "db"), Set.of());
                Node node = AnalysisArgs.node(a, "node");
                YearMonth month = requireMonth(a);
                BigDecimal usd = a.requireDecimal("usd");
                try (Database db = DbOption.open(a)) {
                    new H2SpendSettings(db).addHarnessCost(node, month, a.require("description"), usd);
                }
                out.println(node + " " + month + ": harness " + a.require("description") + " " + Usd.format(usd));
            }
            case "show" -> show(rest, out);
            case "import" -> {
                return importFile(rest, out, err);
            }
            default -> throw new CliException("unknown unit action '" + tokens[0] + "' (outcomes, harness, show, import)");
        }
        return Cli.OK;
    }

    private static int importFile(String[] rest, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse("unit import", rest, Set.of("db"), Set.of());
        if (a.positional().size() != 1) {
            throw new CliException("unit import needs one FILE");
        }
        Path file = Path.of(a.positional().get(0));
        if (!Files.isRegularFile(file)) {
            throw new CliException("no such file: " + file);
        }
        OutcomeRead read = OutcomeCsvReader.read(file);
        read.warnings().forEach(w -> err.println("warning: " + OutcomeRead.describe(w)));
        if (read.hasErrors()) {
            read.errors().stream().limit(20).forEach(e -> err.println("error: " + OutcomeRead.describe(e)));
            if (read.errors().size() > 20) {
                err.println("… " + (read.errors().size() - 20) + " more errors");
            }
            out.println(read.file() + ": rejected, nothing imported");
            return Cli.FAILED;
        }
        List<OutcomeCount> before;
        try (Database db = DbOption.open(a)) {
            before = new H2UnitEconomics(db).putOutcomes(read.counts());
        }
        long changed = 0;
        for (int i = 0; i < before.size(); i++) {
            if (!java.util.Objects.equals(before.get(i).count(), read.counts().get(i).count())) {
                changed++;
            }
        }
        out.println(read.file() + ": " + read.counts().size() + " outcome counts, " + changed + " changed");
        return Cli.OK;
    }

    private static YearMonth requireMonth(Args a) throws CliException {
        YearMonth m = AnalysisArgs.month(a, "month");
        if (m == null) {
            throw new CliException("missing --month");
        }
        return m;
    }

    private void show(String[] rest, PrintStream out) throws Exception {
        Args a = Args.parse("unit show", rest, Set.of("node", "outcome", "db"), Set.of("json"));
        Node node = AnalysisArgs.node(a, "node");
        if (node.dimension().kind() == Dimension.Kind.TAG) {
            throw new CliException("--node: tags are not supported here, use the allocation path (team:…, project:…)");
        }
        String outcome = a.require("outcome");
        List<UnitEconomics.Month> months;
        try (Database db = DbOption.open(a)) {
            H2SpendSettings s = new H2SpendSettings(db);
            Map<YearMonth, Long> outcomes = s.outcomes(node, outcome);
            Map<YearMonth, BigDecimal> harness = s.harnessCosts(node);
            H2SpendQuery q = new H2SpendQuery(db);
            var span = q.span();
            Map<YearMonth, BigDecimal> spend = span == null ? Map.of()
                    : q.monthlyCost(node.dimension(), YearMonth.from(span[0]), YearMonth.from(span[1])).getOrDefault(node.value(), new TreeMap<>());
            months = UnitEconomics.byMonth(spend, harness, outcomes);
        }
        if (a.has("json")) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (var m : months) {
                Map<String, Object> j = new LinkedHashMap<>();
                j.put("month", m.month().toString());
                j.put("outcomes", m.outcomes());
                j.put("modelCostUsd", AnalysisArgs.cents(m.modelCost()));
                j.put("harnessCostUsd", AnalysisArgs.cents(m.harnessCost()));
                j.put("costPerOutcomeUsd", per(m.costPerOutcome()));
                j.put("costPerOutcomeWithHarnessUsd", per(m.costPerOutcomeWithHarness()));
                list.add(j);
            }
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("node", node.toString());
            j.put("outcome", outcome);
            j.put("months", list);
            out.println(Json.write(j));
        } else {
            out.printf("%-8s %10s %14s %14s %14s %14s%n", "month", outcome, "model cost", "harness", "per outcome", "with harness");
            for (var m : months) {
                out.printf("%-8s %,10d %14s %14s %14s %14s%n", m.month(), m.outcomes(), Usd.format(m.modelCost()), Usd.format(m.harnessCost()),
                        m.costPerOutcome() == null ? "—" : "$" + per(m.costPerOutcome()),
                        m.costPerOutcomeWithHarness() == null ? "—" : "$" + per(m.costPerOutcomeWithHarness()));
            }
        }
    }

    private static String per(BigDecimal v) {
        return v == null ? null : Usd.round(v, 4).toPlainString();
    }
}

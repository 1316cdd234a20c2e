package com.aifinops.workbench.app.analysis;

import com.aifinops.workbench.app.bench.RollupWriter;
import com.aifinops.workbench.app.cli.CliRun;
import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.model.Usd;
import com.aifinops.workbench.model.analysis.AllocationRules;
import com.aifinops.workbench.model.analysis.Anomaly;
import com.aifinops.workbench.model.analysis.AnomalyDetector;
import com.aifinops.workbench.model.analysis.Dimension;
import com.aifinops.workbench.model.analysis.Reconciliation;
import com.aifinops.workbench.model.analysis.ReportRow;
import com.aifinops.workbench.model.analysis.SpendReport;
import com.aifinops.workbench.model.ledger.DailyRollup;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generated 60-day ledger with planted events, end to end through H2 and the CLI. Every expected figure is
 * summed here by plain iteration over the generated rows, never by the code under test.
 */
class PlantedLedgerTest {
    @TempDir
    static Path dir;
    static String dbPath;
    static List<LedgerGenerator.Row> rows;
    static Database db;

    @BeforeAll
    static void fill() throws Exception {
        rows = LedgerGenerator.generate();
        dbPath = dir.resolve("ledger").toString();
        db = Database.open(Path.of(dbPath));
        RollupWriter.write(db, "generated.csv", rows.stream().map(LedgerGenerator.Row::rollup).toList());
        H2AllocationRuleStore store = new H2AllocationRuleStore(db);
        for (AllocationRules.Rule r : LedgerGenerator.rules().rules()) {
            store.put(r);
        }
        db.close(); // the CLI opens the file itself
    }

    @AfterAll
    static void close() throws Exception {
        db.close();
    }

    private static JsonNode json(String... args) throws Exception {
        CliRun r = CliRun.of(args);
        assertEquals(0, r.status(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    private static void run(String... args) {
        CliRun r = CliRun.of(args);
        assertEquals(0, r.status(), r.err());
    }

    private static BigDecimal sum(Predicate<LedgerGenerator.Row> which) {
        BigDecimal s = BigDecimal.ZERO;
        for (LedgerGenerator.Row r : rows) {
            if (which.test(r)) {
                DailyRollup d = r.rollup();
                s = s.add(d.billedCost() != null ? d.billedCost() : d.pricedCost() != null ? d.pricedCost() : BigDecimal.ZERO);
            }
        }
        return s;
    }

    private static String cents(BigDecimal v) {
        return Usd.cents(v).toPlainString();
    }

    @Test
    void reportTotalsReconcileToTheCentWithAPlainSumOverTheGeneratedRows() throws Exception {
        String total = cents(sum(r -> true));
        for (String by : List.of("team,month", "agent", "model", "provider,day", "org", "tag:env", "project,team", "month")) {
            JsonNode j = json("report", "--db", dbPath, "--by", by, "--json");
            assertEquals(total, j.get("totalCostUsd").asText(), by);
            BigDecimal rowsSum = BigDecimal.ZERO;
            for (JsonNode row : j.get("rows")) {
                rowsSum = rowsSum.add(new BigDecimal(row.get("costUsd").asText()));
            }
            // rows are rounded one by one: their sum is within half a cent per row of the total
            assertTrue(rowsSum.subtract(new BigDecimal(total)).abs().compareTo(new BigDecimal("0.005").multiply(BigDecimal.valueOf(j.get("rows").size()))) <= 0, by);
        }
        // per team and month, exactly: the generator says which team each row belongs to
        JsonNode j = json("report", "--db", dbPath, "--by", "team,month", "--json");
        Set<String> teams = new TreeSet<>();
        for (JsonNode row : j.get("rows")) {
            String team = row.get("team").asText();
            String month = row.get("month").asText();
            teams.add(team);
            BigDecimal expected = sum(r -> r.team().equals(team) && r.rollup().day().toString().startsWith(month));
            assertEquals(cents(expected), row.get("costUsd").asText(), team + " " + month);
            long requests = rows.stream().filter(r -> r.team().equals(team) && r.rollup().day().toString().startsWith(month))
                    .mapToLong(r -> r.rollup().requests()).sum();
            assertEquals(requests, row.get("requests").asLong(), team + " " + month);
        }
        assertEquals(Set.of("eng", "research", "sales", "support", "unallocated"), teams,
                "ws-shared's rule (platform) never beats a team the row states; orphan-bot's key matches no rule");
    }

    @Test
    void tokenColumnsAndBilledCostFollowTheirDefinitions() throws Exception {
        JsonNode j = json("report", "--db", dbPath, "--by", "agent", "--from", "2026-02-01", "--to", "2026-02-28", "--json");
        for (JsonNode row : j.get("rows")) {
            String agent = row.get("agent").asText();
            long in = 0, cached = 0, out = 0;
            BigDecimal billed = null;
            for (LedgerGenerator.Row r : rows) {
                DailyRollup d = r.rollup();
                if (d.allocation().agent().equals(agent) && d.day().getMonthValue() == 2) {
                    in += d.uncachedInput() + d.cacheWrite5m() + d.cacheWrite1h();
                    cached += d.cacheRead();
                    out += d.outputTokens();
                    if (d.billedCost() != null) {
                        billed = billed == null ? d.billedCost() : billed.add(d.billedCost());
                    }
                }
            }
            assertEquals(in, row.get("inputTokens").asLong(), agent);
            assertEquals(cached, row.get("cachedInputTokens").asLong(), agent);
            assertEquals(out, row.get("outputTokens").asLong(), agent);
            if (billed == null) {
                assertTrue(row.get("billedCostUsd").isNull(), agent + " states no billed cost");
            } else {
                assertEquals(cents(billed), row.get("billedCostUsd").asText(), agent);
            }
        }
        // gpt-5.5 on OpenAI states no billed cost: eng-reviewer is priced only
        assertTrue(j.get("rows").findValues("agent").stream().anyMatch(n -> n.asText().equals("eng-reviewer")));
    }

    @Test
    void sqlGroupingEqualsTheInMemoryReportExactly() throws Exception {
        List<DailyRollup> all = rows.stream().map(LedgerGenerator.Row::rollup).toList();
        try (Database d = Database.open(Path.of(dbPath))) {
            H2SpendQuery q = new H2SpendQuery(d);
            for (String by : List.of("team,month", "agent,model", "tag:app,provider", "project", "day")) {
                List<Dimension> dims = new ArrayList<>();
                for (String s : by.split(",")) {
                    dims.add(Dimension.parse(s));
                }
                SpendReport sql = q.report(null, null, dims, Map.of());
                SpendReport mem = SpendReport.of(all, dims, LedgerGenerator.rules());
                assertEquals(mem.rows().size(), sql.rows().size(), by);
                for (int i = 0; i < mem.rows().size(); i++) {
                    ReportRow a = mem.rows().get(i), b = sql.rows().get(i);
                    assertEquals(a.keys(), b.keys(), by);
                    assertEquals(0, a.cost().compareTo(b.cost()), by + " " + a.keys() + ": " + a.cost() + " vs " + b.cost());
                    assertEquals(a.requests(), b.requests(), by);
                    assertEquals(a.inputTokens(), b.inputTokens(), by);
                }
                assertEquals(0, sql.total().cost().compareTo(sum(r -> true)), by + ": exact, not only to the cent");
            }
            // a filter keeps only the matching rows
            SpendReport eng = q.report(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28), List.of(Dimension.parse("agent")),
                    Map.of(Dimension.parse("team"), "eng", Dimension.parse("tag:env"), "prod"));
            assertEquals(List.of("eng-coder", "eng-reviewer"), eng.rows().stream().map(r -> r.keys().get(0)).toList());
            assertEquals(0, eng.total().cost().compareTo(sum(r -> r.team().equals("eng") && r.rollup().day().getMonthValue() == 2
                    && r.rollup().allocation().environment().equals("prod"))));
        }
    }

    @Test
    void everyPlantedEventIsFoundWithItsCauseAndNothingElse() throws Exception {
        JsonNode j = json("anomalies", "--db", dbPath, "--from", "2026-01-01", "--to", "2026-03-01", "--json");
        Map<String, JsonNode> found = new TreeMap<>();
        for (JsonNode a : j.get("anomalies")) {
            found.put(a.get("date").asText() + " " + a.get("dimension").asText() + " " + a.get("key").asText() + " " + a.get("cause").asText(), a);
        }
        assertEquals(Set.of(
                "2026-01-20 agent support-triage runaway_loop",
                "2026-02-01 agent research-summariser model_change",
                "2026-02-10 agent eng-coder context_growth",
                "2026-02-20 model " + LedgerGenerator.UNPRICED_MODEL + " unpriced_model"), found.keySet(), j.toString());
        JsonNode loop = found.get("2026-01-20 agent support-triage runaway_loop");
        assertEquals(2, loop.get("days").asInt());
        assertEquals("2026-01-21", loop.get("lastDate").asText());
        // extra cost of the loop: the two days' cost minus twice the mean of the 7 days before (01-13 .. 01-19)
        BigDecimal base = sum(r -> agent(r, "support-triage") && between(r, "2026-01-13", "2026-01-19"));
        BigDecimal loopCost = sum(r -> agent(r, "support-triage") && between(r, "2026-01-20", "2026-01-21"));
        BigDecimal expected = loopCost.subtract(base.multiply(BigDecimal.valueOf(2)).divide(BigDecimal.valueOf(7), MathContext.DECIMAL128));
        assertEquals(cents(expected), loop.get("extraCostUsd").asText());
        assertEquals(2, loop.get("rows").asInt(), "one row per day behind it");
        // the switch stays anomalous while the 28-day look-back still holds 5 normal days (01-27 .. 01-31 for 02-24);
        // from 02-25 it is the new normal
        JsonNode sw = found.get("2026-02-01 agent research-summariser model_change");
        assertEquals("2026-02-24", sw.get("lastDate").asText());
        // before the switch every summariser request cost the same on gpt-5-mini, billed at list + 1 %:
        // (4000·0.8·$0.25 + 4000·0.2·$0.025 + 600·$2.00)/1e6 · 1.01 = 2020e-6 · 1.01 = $0.0020402
        BigDecimal extra = BigDecimal.ZERO;
        for (LedgerGenerator.Row r : rows) {
            if (agent(r, "research-summariser") && between(r, "2026-02-01", "2026-02-24")) {
                extra = extra.add(r.rollup().cost().subtract(BigDecimal.valueOf(r.rollup().requests()).multiply(new BigDecimal("0.0020402"))));
            }
        }
        assertEquals(cents(extra), sw.get("extraCostUsd").asText(), sw.toString());
        // the unpriced model's extra cost is what the file bills for it
        JsonNode unpriced = found.get("2026-02-20 model " + LedgerGenerator.UNPRICED_MODEL + " unpriced_model");
        assertEquals(cents(sum(r -> r.rollup().modelRaw().equals(LedgerGenerator.UNPRICED_MODEL))), unpriced.get("extraCostUsd").asText());
    }

    @Test
    void quietLedgerHasNoAnomaliesAtAll() throws Exception {
        // the same generator without the agents that carry planted events
        Set<String> planted = Set.of("support-triage", "research-summariser", "eng-coder", "sales-experiment");
        List<DailyRollup> quiet = rows.stream().map(LedgerGenerator.Row::rollup).filter(r -> !planted.contains(r.allocation().agent())).toList();
        List<Anomaly> found = AnomalyDetector.detect(quiet, LedgerGenerator.rules(), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 1),
                AnomalyDetector.DEFAULTS);
        assertEquals(List.of(), found);
    }

    @Test
    void inMemoryDetectionFindsTheSameEventsAsTheSqlPath() {
        List<Anomaly> found = AnomalyDetector.detect(rows.stream().map(LedgerGenerator.Row::rollup).toList(), LedgerGenerator.rules(),
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 1), AnomalyDetector.DEFAULTS);
        assertEquals(List.of("support-triage runaway_loop", "research-summariser model_change", "eng-coder context_growth",
                        LedgerGenerator.UNPRICED_MODEL + " unpriced_model"),
                found.stream().map(a -> a.key() + " " + a.cause().label()).toList());
    }

    @Test
    void reconciliationSplitsTheKnownCreditExactly() throws Exception {
        LocalDate from = LocalDate.of(2026, 2, 1), to = LocalDate.of(2026, 2, 28);
        Predicate<LedgerGenerator.Row> feb = r -> r.rollup().provider().equals("openai") && !r.rollup().day().isBefore(from)
                && !r.rollup().day().isAfter(to);
        BigDecimal usage = sum(feb);
        BigDecimal priced = BigDecimal.ZERO, diff = BigDecimal.ZERO, unpricedBilled = BigDecimal.ZERO;
        for (LedgerGenerator.Row r : rows) {
            if (feb.test(r)) {
                DailyRollup d = r.rollup();
                if (d.pricedCost() != null) {
                    priced = priced.add(d.pricedCost());
                    if (d.billedCost() != null) {
                        diff = diff.add(d.billedCost().subtract(d.pricedCost()));
                    }
                } else {
                    unpricedBilled = unpricedBilled.add(d.billedCost());
                }
            }
        }
        // the invoice bills the usage in cents, less a $250.00 credit, plus $12.34 tax
        json("invoice", "add", "--db", dbPath, "--provider", "openai", "--number", "INV-2026-02", "--period", "2026-02",
                "--usage", cents(usage), "--credit", "250.00", "--tax", "12.34", "--json");
        try {
            JsonNode j = json("reconcile", "--db", dbPath, "--provider", "openai", "--period", "2026-02", "--json");
            assertEquals("-250.00", j.get("split").get("creditsUsd").asText());
            assertEquals("12.34", j.get("split").get("taxUsd").asText());
            assertEquals("0.00", j.get("split").get("unexplainedUsd").asText());
            assertEquals(cents(diff), j.get("split").get("priceRowDifferencesUsd").asText());
            assertEquals(cents(unpricedBilled), j.get("split").get("unpricedModelsUsd").asText());
            assertEquals(cents(priced), j.get("pricedFromUsageUsd").asText());
            assertFalse(j.get("flagged").asBoolean());
            assertEquals(List.of(LedgerGenerator.UNPRICED_MODEL), List.of(j.get("unpricedModels").get(0).asText()));
            try (Database d = Database.open(Path.of(dbPath))) {
                Reconciliation.Result r = new SpendAnalysis(d).reconcile("openai", YearMonth.of(2026, 2), Reconciliation.DEFAULT_TOLERANCE);
                assertEquals(0, r.credits().compareTo(new BigDecimal("-250.00")), "the credit, exactly");
                assertEquals(0, r.unexplained().signum(), "nothing left unexplained");
                assertEquals(0, r.priceRowDifferences().compareTo(diff), "exact price-row difference");
                assertEquals(0, r.partsTotal().compareTo(r.variance()), "the parts add up to the variance exactly");
                // invoice total − priced: (cents(usage) − 250 + 12.34) − priced
                assertEquals(0, r.variance().compareTo(Usd.cents(usage).subtract(new BigDecimal("237.66")).subtract(priced)));
                assertEquals(0, r.rounding().compareTo(Usd.cents(usage).subtract(usage)));
            }
        } finally {
            run("invoice", "remove", "--db", dbPath, "--provider", "openai", "--number", "INV-2026-02");
        }
    }

    @Test
    void anInvoiceAboveTheUsageIsFlaggedWithTheRemainderUnexplained() throws Exception {
        Predicate<LedgerGenerator.Row> jan = r -> r.rollup().provider().equals("anthropic") && r.rollup().day().getMonthValue() == 1;
        BigDecimal usage = sum(jan);
        run("invoice", "add", "--db", dbPath, "--provider", "anthropic", "--number", "A-1", "--period", "2026-01",
                "--usage", Usd.cents(usage).add(new BigDecimal("40.00")).toPlainString());
        try {
            JsonNode j = json("reconcile", "--db", dbPath, "--provider", "anthropic", "--period", "2026-01", "--json");
            assertEquals("40.00", j.get("split").get("unexplainedUsd").asText());
            assertEquals("0.00", j.get("split").get("priceRowDifferencesUsd").asText(), "Anthropic rows bill the list price");
            assertTrue(j.get("flagged").asBoolean());
            JsonNode list = json("invoice", "list", "--db", dbPath, "--json");
            assertEquals("A-1", list.get("invoices").get(0).get("number").asText());
        } finally {
            run("invoice", "remove", "--db", dbPath, "--provider", "anthropic", "--number", "A-1");
        }
    }

    @Test
    void budgetStatusProjectsTheCrossingDaysAtTheRunRate() throws Exception {
        LocalDate asOf = LocalDate.of(2026, 2, 14);
        BigDecimal spent = sum(r -> r.team().equals("support") && between(r, "2026-02-01", "2026-02-14"));
        BigDecimal budget = Usd.cents(spent.multiply(new BigDecimal("1.5")));
        run("budget", "set", "--db", dbPath, "--node", "team:support", "--month", "2026-02", "--usd", budget.toPlainString());
        JsonNode j = json("budget", "status", "--db", dbPath, "--month", "2026-02", "--as-of", asOf.toString(), "--json");
        JsonNode b = j.get("budgets").get(0);
        assertEquals("team:support", b.get("node").asText());
        assertEquals(cents(spent), b.get("spentUsd").asText());
        // run-rate spent/14 per day over 28 days
        assertEquals(cents(spent.multiply(BigDecimal.valueOf(2))), b.get("projectedUsd").asText());
        assertEquals("at_risk", b.get("state").asText());
        // the first day k of February with spent·k/14 ≥ threshold, found by walking the days
        for (int t = 0; t < 2; t++) {
            BigDecimal threshold = budget.multiply(t == 0 ? new BigDecimal("0.80") : BigDecimal.ONE);
            int day = 15;
            while (spent.multiply(BigDecimal.valueOf(day)).compareTo(threshold.multiply(BigDecimal.valueOf(14))) < 0) {
                day++;
            }
            JsonNode th = b.get("thresholds").get(t);
            assertTrue(th.get("crossedOn").isNull());
            assertEquals(LocalDate.of(2026, 2, day).toString(), th.get("projectedOn").asText(), th.toString());
        }
        // proposal: January is the only earlier month, so the baseline is its spend
        BigDecimal jan = sum(r -> r.team().equals("support") && r.rollup().day().getMonthValue() == 1);
        assertEquals(cents(jan), b.get("baselineUsd").asText());
        assertEquals(cents(jan.multiply(new BigDecimal("1.10"))), b.get("proposedLowUsd").asText());
        assertEquals(cents(jan.multiply(new BigDecimal("1.20"))), b.get("proposedHighUsd").asText());
        // January: the loop pushed support over a budget of its February run-rate; crossed days are actual days
        BigDecimal janBudget = Usd.cents(jan.multiply(new BigDecimal("0.9")));
        run("budget", "set", "--db", dbPath, "--node", "team:support", "--month", "2026-01", "--usd", janBudget.toPlainString());
        JsonNode over = json("budget", "status", "--db", dbPath, "--month", "2026-01", "--json").get("budgets").get(0);
        assertEquals("over", over.get("state").asText());
        BigDecimal cumulative = BigDecimal.ZERO;
        String crossed = null;
        for (LocalDate d = LocalDate.of(2026, 1, 1); crossed == null; d = d.plusDays(1)) {
            LocalDate day = d;
            cumulative = cumulative.add(sum(r -> r.team().equals("support") && r.rollup().day().equals(day)));
            if (cumulative.compareTo(janBudget) >= 0) {
                crossed = day.toString();
            }
        }
        assertEquals(crossed, over.get("thresholds").get(1).get("crossedOn").asText());
    }

    @Test
    void costPerOutcomeWithAndWithoutTheHarness() throws Exception {
        run("unit", "outcomes", "--db", dbPath, "--node", "team:support", "--month", "2026-01", "--outcome", "tickets", "--count", "1000");
        run("unit", "harness", "--db", dbPath, "--node", "team:support", "--month", "2026-01", "--description", "vector store", "--usd", "50");
        run("unit", "harness", "--db", dbPath, "--node", "team:support", "--month", "2026-01", "--description", "evals", "--usd", "25");
        JsonNode j = json("unit", "show", "--db", dbPath, "--node", "team:support", "--outcome", "tickets", "--json");
        JsonNode jan = j.get("months").get(0);
        assertEquals("2026-01", jan.get("month").asText());
        BigDecimal spend = sum(r -> r.team().equals("support") && r.rollup().day().getMonthValue() == 1);
        assertEquals(cents(spend), jan.get("modelCostUsd").asText());
        assertEquals("75.00", jan.get("harnessCostUsd").asText());
        // spend / 1,000 tickets and (spend + 75) / 1,000, to 4 decimals
        assertEquals(Usd.round(spend.movePointLeft(3), 4).toPlainString(), jan.get("costPerOutcomeUsd").asText());
        assertEquals(Usd.round(spend.add(BigDecimal.valueOf(75)).movePointLeft(3), 4).toPlainString(), jan.get("costPerOutcomeWithHarnessUsd").asText());
        assertTrue(j.get("months").get(1).get("costPerOutcomeUsd").isNull(), "February has no outcomes");
    }

    @Test
    void sharedCostsSplitInProportionToSpendOrByFixedShares() throws Exception {
        run("shared", "add", "--db", dbPath, "--name", "gateway", "--month", "2026-02", "--usd", "300", "--method", "proportional",
                "--node", "team:support", "--node", "team:eng");
        run("shared", "add", "--db", dbPath, "--name", "platform", "--month", "2026-02", "--usd", "200", "--method", "fixed",
                "--node", "team:sales=60");
        JsonNode costs = json("shared", "show", "--db", dbPath, "--month", "2026-02", "--json").get("costs");
        BigDecimal support = sum(r -> r.team().equals("support") && r.rollup().day().getMonthValue() == 2);
        BigDecimal eng = sum(r -> r.team().equals("eng") && r.rollup().day().getMonthValue() == 2);
        Map<String, String> gateway = new TreeMap<>();
        costs.get(0).get("parts").forEach(p -> gateway.put(p.get("node").asText(), p.get("amountUsd").asText()));
        assertEquals(Map.of("team:support", cents(new BigDecimal("300").multiply(support).divide(support.add(eng), MathContext.DECIMAL128)),
                "team:eng", cents(new BigDecimal("300").multiply(eng).divide(support.add(eng), MathContext.DECIMAL128))), gateway);
        JsonNode platform = costs.get(1).get("parts");
        assertEquals("120.00", platform.get(0).get("amountUsd").asText(), "60 % of 200");
        assertEquals("unallocated", platform.get(1).get("node").asText());
        assertEquals("80.00", platform.get(1).get("amountUsd").asText());
    }

    private static boolean agent(LedgerGenerator.Row r, String agent) {
        return agent.equals(r.rollup().allocation().agent());
    }

    private static boolean between(LedgerGenerator.Row r, String from, String to) {
        String d = r.rollup().day().toString();
        return d.compareTo(from) >= 0 && d.compareTo(to) <= 0;
    }

}

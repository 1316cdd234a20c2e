package com.aifinops.workbench.app.analysis;

import com.aifinops.workbench.app.bench.RollupWriter;
import com.aifinops.workbench.app.cli.CliRun;
import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.model.analysis.AllocationRules;
import com.aifinops.workbench.model.analysis.Budget;
import com.aifinops.workbench.model.analysis.Dimension;
import com.aifinops.workbench.model.analysis.Node;
import com.aifinops.workbench.model.analysis.SharedCostSplit;
import com.aifinops.workbench.model.analysis.SpendReport;
import com.aifinops.workbench.model.analysis.UnitEconomics;
import com.aifinops.workbench.model.invoice.Invoice;
import com.aifinops.workbench.model.invoice.InvoiceLine;
import com.aifinops.workbench.model.ledger.DailyRollup;
import com.aifinops.workbench.model.usage.Allocation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnalysisStoresTest {
    @TempDir
    Path dir;
    Database db;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(dir.resolve("db"));
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    private static DailyRollup row(String day, String team, String model, String priced) {
        return new DailyRollup(LocalDate.parse(day), "openai", model, priced == null ? null : model,
                new Allocation(null, team, null, "bot", null, "k", null, null, null, null, Map.of()), 10, 1000, 0, 0, 0, 100, 0,
                priced == null ? null : new BigDecimal(priced), null);
    }

    private BigDecimal monthlyTotal() throws SQLException {
        // whole months, no day: answered from usage_monthly
        return new H2SpendQuery(db).report(null, null, List.of(Dimension.parse("month")), Map.of()).total().cost();
    }

    private BigDecimal dailyTotal() throws SQLException {
        return new H2SpendQuery(db).report(null, null, List.of(Dimension.parse("day")), Map.of()).total().cost();
    }

    @Test
    void theMonthlySummaryFollowsInsertsUpdatesAndRemovals() throws Exception {
        RollupWriter.write(db, "a.csv", List.of(row("2026-01-05", "a", "gpt-5", "1.25"), row("2026-01-06", "b", "gpt-5", "2.50")));
        assertEquals(0, monthlyTotal().compareTo(new BigDecimal("3.75")));
        long b = RollupWriter.write(db, "b.csv", List.of(row("2026-02-01", "a", "mystery", null)));
        assertEquals(0, monthlyTotal().compareTo(new BigDecimal("3.75")), "the unpriced row costs 0");
        // the catalogue learns the model: rows re-priced in place (same count, same batches)
        try (Statement s = db.connection().createStatement()) {
            s.executeUpdate("UPDATE usage_daily SET model_id = 'mystery', priced_cost = 0.40 WHERE model_raw = 'mystery'");
        }
        SpendSummary.invalidate(db.connection());
        assertEquals(0, monthlyTotal().compareTo(new BigDecimal("4.15")), "rebuilt after invalidate");
        assertEquals(0, dailyTotal().compareTo(monthlyTotal()));
        try (Statement s = db.connection().createStatement()) {
            s.executeUpdate("DELETE FROM import_batch WHERE id = " + b);
        }
        assertEquals(0, monthlyTotal().compareTo(new BigDecimal("3.75")));
        SpendReport feb = new H2SpendQuery(db).report(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), List.of(Dimension.parse("team")), Map.of());
        assertEquals(List.of("a", "b"), feb.rows().stream().map(r -> r.keys().get(0)).toList());
        // a period that is not whole months reads the daily rows
        SpendReport part = new H2SpendQuery(db).report(LocalDate.of(2026, 1, 6), LocalDate.of(2026, 1, 31), List.of(Dimension.parse("team")), Map.of());
        assertEquals(0, part.total().cost().compareTo(new BigDecimal("2.50")));
    }

    @Test
    void theKeyInventoryTeamIsTheLastResort() throws Exception {
        DailyRollup orphan = new DailyRollup(LocalDate.parse("2026-01-05"), "openai", "gpt-5", "gpt-5",
                new Allocation(null, null, null, "bot", null, "key-orphan", null, null, null, null, Map.of()), 1, 0, 0, 0, 0, 0, 0,
                new BigDecimal("2.00"), null);
        DailyRollup ruled = new DailyRollup(LocalDate.parse("2026-01-05"), "openai", "gpt-5", "gpt-5",
                new Allocation(null, null, null, "bot", null, "key-ruled", null, null, null, null, Map.of()), 1, 0, 0, 0, 0, 0, 0,
                new BigDecimal("3.00"), null);
        RollupWriter.write(db, "k.csv", List.of(orphan, ruled));
        CliRun key = CliRun.of("allocation", "key", "--db", dir.resolve("db").toString(), "--api-key", "key-orphan", "--owner", "ana",
                "--team", "search", "--cost-centre", "CC-7", "--declared-use", "nightly eval", "--environment", "dev");
        assertEquals(0, key.status(), key.err()); // the same JVM shares the open database file
        CliRun keys = CliRun.of("allocation", "keys", "--db", dir.resolve("db").toString(), "--json");
        assertEquals("{\"keys\":[{\"apiKey\":\"key-orphan\",\"owner\":\"ana\",\"team\":\"search\",\"costCentre\":\"CC-7\","
                + "\"declaredUse\":\"nightly eval\",\"environment\":\"dev\"}]}", keys.out().strip());
        H2SpendSettings s = new H2SpendSettings(db);
        s.putApiKey(new H2SpendSettings.ApiKeyEntry("key-ruled", "bo", "inventory-team", null, null, "prod"));
        new H2AllocationRuleStore(db).put(new AllocationRules.Rule(AllocationRules.Field.API_KEY, "key-ruled", "rule-team", null));
        for (LocalDate to : new LocalDate[]{null, LocalDate.of(2026, 1, 5)}) { // monthly summary and daily rows
            SpendReport r = new H2SpendQuery(db).report(null, to, List.of(Dimension.parse("team")), Map.of());
            assertEquals(List.of("rule-team", "search"), r.rows().stream().map(x -> x.keys().get(0)).toList(), "a rule beats the inventory");
            assertEquals(0, r.cost(Dimension.parse("team"), "search").compareTo(new BigDecimal("2.00")));
        }
        AllocationRules rules = new H2AllocationRuleStore(db).rules();
        assertEquals("search", rules.apply(orphan.allocation()).team());
        assertEquals("rule-team", rules.team(null, "key-ruled", null));
    }

    @Test
    void invoicesRoundTripWithTheirLines() throws Exception {
        H2InvoiceStore store = new H2InvoiceStore(db);
        Invoice inv = new Invoice("openai", "INV-1", LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28), "USD", List.of(
                new InvoiceLine(InvoiceLine.Kind.USAGE, "GPT-5 usage", "gpt-5", new BigDecimal("1234.5678")),
                new InvoiceLine(InvoiceLine.Kind.CREDIT, "Promo", null, new BigDecimal("-100")),
                new InvoiceLine(InvoiceLine.Kind.TAX, "VAT", null, new BigDecimal("20.00"))), null);
        store.add(inv);
        store.add(new Invoice("anthropic", "INV-1", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), null, List.of(), null));
        SQLException dup = assertThrows(SQLException.class, () -> store.add(inv));
        assertTrue(dup.getMessage().contains("already entered"), dup.getMessage());
        List<Invoice> all = store.list();
        assertEquals(List.of("anthropic", "openai"), all.stream().map(Invoice::provider).toList());
        Invoice back = all.get(1);
        assertEquals(List.of(inv.provider(), inv.invoiceNo(), inv.periodStart(), inv.periodEnd(), inv.currency()),
                List.of(back.provider(), back.invoiceNo(), back.periodStart(), back.periodEnd(), back.currency()));
        assertEquals(inv.lines().size(), back.lines().size());
        for (int i = 0; i < inv.lines().size(); i++) {
            InvoiceLine a = inv.lines().get(i), b = back.lines().get(i);
            assertEquals(List.of(a.kind(), a.description(), String.valueOf(a.model())), List.of(b.kind(), b.description(), String.valueOf(b.model())));
            assertEquals(0, a.amount().compareTo(b.amount()), "exact: " + a.amount() + " vs " + b.amount());
        }
        assertEquals("20", back.lines().get(2).amount().toPlainString(), "read back with a plain scale, not 2E+1");
        assertEquals(1, store.list("openai", LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)).size());
        assertEquals(0, store.list("openai", LocalDate.of(2026, 3, 1), null).size());
        assertTrue(store.remove("openai", "INV-1"));
        assertFalse(store.remove("openai", "INV-1"));
        assertEquals(1, store.list().size());
    }

    @Test
    void budgetsRulesAndSettingsRoundTrip() throws Exception {
        H2BudgetStore budgets = new H2BudgetStore(db);
        YearMonth feb = YearMonth.of(2026, 2);
        budgets.put(new Budget(Node.parse("team:a"), feb, new BigDecimal("100")));
        budgets.put(new Budget(Node.parse("team:a"), feb, new BigDecimal("150.50")));
        budgets.put(new Budget(Node.parse("agent:bot"), YearMonth.of(2026, 3), new BigDecimal("10")));
        List<Budget> febBudgets = budgets.forMonth(feb);
        assertEquals(1, febBudgets.size(), "set again replaces");
        assertEquals(0, febBudgets.get(0).amount().compareTo(new BigDecimal("150.50")));
        assertEquals(YearMonth.of(2026, 3), budgets.latestMonth());

        H2AllocationRuleStore rules = new H2AllocationRuleStore(db);
        rules.put(new AllocationRules.Rule(AllocationRules.Field.API_KEY, "k", "x", null));
        rules.put(new AllocationRules.Rule(AllocationRules.Field.API_KEY, "k", "y", "p"));
        assertEquals(List.of(new AllocationRules.Rule(AllocationRules.Field.API_KEY, "k", "y", "p")), rules.rules().rules());
        assertTrue(rules.remove(AllocationRules.Field.API_KEY, "k"));

        H2SpendSettings s = new H2SpendSettings(db);
        Map<Node, BigDecimal> nodes = new LinkedHashMap<>();
        nodes.put(Node.parse("team:a"), new BigDecimal("60"));
        nodes.put(Node.parse("team:b"), new BigDecimal("40"));
        s.addSharedCost("gateway", feb, new BigDecimal("500"), SharedCostSplit.Method.FIXED, nodes);
        H2SpendSettings.SharedCost cost = s.sharedCosts(feb).get(0);
        assertEquals(SharedCostSplit.Method.FIXED, cost.method());
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        cost.nodes().forEach((n, w) -> weights.put(n.toString(), w));
        assertEquals(0, SharedCostSplit.split(cost.amount(), cost.method(), weights).get("team:a").compareTo(new BigDecimal("300")));

        Node support = Node.parse("team:support");
        s.putOutcomes(support, feb, "tickets_resolved", 400);
        s.addHarnessCost(support, feb, "vector store", new BigDecimal("30"));
        s.addHarnessCost(support, feb, "evals", new BigDecimal("20"));
        var months = UnitEconomics.byMonth(Map.of(feb, new BigDecimal("150")), s.harnessCosts(support), s.outcomes(support, "tickets_resolved"));
        // 150 / 400 = 0.375; (150 + 30 + 20) / 400 = 0.5
        assertEquals(0, months.get(0).costPerOutcome().compareTo(new BigDecimal("0.375")));
        assertEquals(0, months.get(0).costPerOutcomeWithHarness().compareTo(new BigDecimal("0.5")));

        s.putApiKey(new H2SpendSettings.ApiKeyEntry("key-1", "ana", "support", "CC-42", "ticket triage", "prod"));
        assertEquals("CC-42", s.apiKeys().get(0).costCentre());
        s.approveModel("prod", "gpt-5-mini");
        s.approveModel("prod", "gpt-5-mini");
        assertEquals(Map.of("prod", Set.of("gpt-5-mini")), s.approvedModels());
    }

    @Test
    void cliUsageErrorsNameTheProblem() throws Exception {
        String path = dir.resolve("cli").toString();
        CliRun noBy = CliRun.of("report", "--db", path);
        assertEquals(2, noBy.status());
        assertTrue(noBy.err().contains("missing --by"), noBy.err());
        CliRun badDim = CliRun.of("report", "--db", path, "--by", "team,colour");
        assertEquals(2, badDim.status());
        assertTrue(badDim.err().contains("unknown dimension 'colour'"), badDim.err());
        CliRun badDate = CliRun.of("report", "--db", path, "--by", "team", "--from", "2026-13-01");
        assertEquals(2, badDate.status());
        assertTrue(badDate.err().contains("--from: expected a date"), badDate.err());
        CliRun tagBudget = CliRun.of("budget", "set", "--db", path, "--node", "tag:env:prod", "--month", "2026-01", "--usd", "5");
        assertEquals(2, tagBudget.status());
        CliRun noInvoice = CliRun.of("reconcile", "--db", path, "--provider", "openai", "--period", "2026-01");
        assertEquals(1, noInvoice.status());
        assertTrue(noInvoice.err().contains("no invoice of openai for 2026-01"), noInvoice.err());
        CliRun empty = CliRun.of("report", "--db", path, "--by", "team", "--json");
        assertEquals(0, empty.status(), empty.err());
        assertEquals("{\"rows\":[],\"totalCostUsd\":\"0.00\"}", empty.out().strip());
    }
}

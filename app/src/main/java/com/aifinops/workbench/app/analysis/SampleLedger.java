package com.aifinops.workbench.app.analysis;

import com.aifinops.workbench.app.bench.RollupWriter;
import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.model.Usd;
import com.aifinops.workbench.model.analysis.AllocationRules;
import com.aifinops.workbench.model.analysis.Budget;
import com.aifinops.workbench.model.analysis.Node;
import com.aifinops.workbench.model.invoice.Invoice;
import com.aifinops.workbench.model.invoice.InvoiceLine;
import com.aifinops.workbench.model.ledger.DailyRollup;
import com.aifinops.workbench.model.usage.Allocation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sample ledger a newcomer can load from the Home screen (or {@code sample-ledger} on the command line), so the
 * analysis screens have something real to show: January and February of {@link LedgerGenerator}'s planted days (four teams,
 * fourteen agents, a runaway loop, a silent model switch, a doubled prompt, an unpriced fine-tune, an agent no rule
 * allocates) as one import batch that the Imports screen can remove, its allocation rules, February team budgets of
 * 115 % of January, OpenAI's February invoice with a $250.00 credit and $12.34 tax, and support's resolved tickets
 * with a vector-store line for cost per outcome, a key inventory (every key owned but the orphan bot's) and approved
 * models per environment.
 */
public final class SampleLedger {
    /** The batch's file name: loading twice finds it and adds nothing. */
    public static final String FILE = "AI FinOps Workbench sample ledger (planted events).csv";
    static final BigDecimal CREDIT = new BigDecimal("250.00");
    static final BigDecimal TAX = new BigDecimal("12.34");
    static final String INVOICE = "INV-2026-02";
    public static final java.time.LocalDate LAST = java.time.LocalDate.of(2026, 2, 28);
    static final String OUTCOME = "resolved tickets";
    static final BigDecimal HARNESS = new BigDecimal("400.00");

    private SampleLedger() {
    }

    /**
     * The generated rows and, beside each, the requests of that agent and day that failed (2 %, at least one; the
     * runaway loop's days 20 %, as a loop hits rate limits): the prompt sent, nothing out, nothing billed, tagged
     * {@code status=failure} as the LiteLLM reader tags them, for Home's retry rate.
     */
    static List<DailyRollup> withFailures(List<LedgerGenerator.Row> generated) {
        List<DailyRollup> out = new ArrayList<>(generated.size() * 2);
        for (LedgerGenerator.Row row : generated) {
            DailyRollup r = row.rollup();
            out.add(r);
            out.add(failures(r));
        }
        return out;
    }

    /** The failed requests beside rollup {@code r}. */
    static DailyRollup failures(DailyRollup r) {
        boolean loop = "support-triage".equals(r.allocation().agent())
                && (r.day().equals(LedgerGenerator.LOOP_DAY) || r.day().equals(LedgerGenerator.LOOP_DAY.plusDays(1)));
        long failed = Math.max(1, r.requests() / (loop ? 5 : 50));
        long inputPerRequest = (r.uncachedInput() + r.cacheRead() + r.cacheWrite5m() + r.cacheWrite1h()) / Math.max(1, r.requests());
        Allocation a = r.allocation();
        Map<String, String> tags = new TreeMap<>(a.tags());
        tags.put(FAILED_TAG, "failure");
        Allocation tagged = new Allocation(a.org(), a.team(), a.project(), a.agent(), a.user(), a.apiKey(), a.workspace(),
                a.environment(), a.feature(), a.customer(), Map.copyOf(tags));
        return new DailyRollup(r.day(), r.provider(), r.modelRaw(), r.modelId(), tagged, failed, failed * inputPerRequest, 0, 0, 0, 0, 0,
                r.pricedCost() == null ? null : BigDecimal.ZERO, BigDecimal.ZERO);
    }

    static final String[][] APPROVED = {{"prod", "gpt-5-mini"}, {"prod", "gpt-5.5"}, {"prod", "claude-sonnet-4.6"},
            {"prod", "claude-haiku-4.5"}, {"staging", "gpt-5-mini"}, {"staging", "claude-haiku-4.5"}, {"dev", "gpt-5-mini"}};

    /** The tag failed requests carry (as {@code LiteLlmSpendLogsReader.STATUS_TAG}). */
    static final String FAILED_TAG = "status";

    /** Whether the sample batch is in {@code db}. */
    public static boolean loaded(Database db) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement("SELECT COUNT(*) FROM import_batch WHERE file_name = ?")) {
            ps.setString(1, FILE);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    /** Loads the sample into {@code db} unless it is there; says what it did. */
    public static String load(Database db) throws SQLException {
        if (loaded(db)) {
            return "The sample ledger is already loaded (remove its batch on the Imports screen to start again).";
        }
        // every step below can run again after a crash halfway; the batch goes last, as the mark that all is in
        // January and February: the ledger ends on a month's last day, so Home shows a whole month
        List<LedgerGenerator.Row> generated = LedgerGenerator.generate().stream().filter(r -> !r.rollup().day().isAfter(LAST)).toList();
        H2AllocationRuleStore rules = new H2AllocationRuleStore(db);
        for (AllocationRules.Rule r : LedgerGenerator.rules().rules()) {
            rules.put(r); // MERGE by field and value
        }
        Map<String, BigDecimal> january = new TreeMap<>();
        BigDecimal total = BigDecimal.ZERO, openAiFebruary = BigDecimal.ZERO;
        YearMonth jan = YearMonth.of(2026, 1), feb = jan.plusMonths(1);
        for (LedgerGenerator.Row r : generated) {
            BigDecimal cost = r.rollup().cost();
            total = total.add(cost);
            YearMonth m = YearMonth.from(r.rollup().day());
            if (m.equals(jan)) {
                january.merge(r.team(), cost, BigDecimal::add);
            }
            if (m.equals(feb) && r.rollup().provider().equals("openai")) {
                openAiFebruary = openAiFebruary.add(cost);
            }
        }
        H2BudgetStore budgets = new H2BudgetStore(db);
        for (Map.Entry<String, BigDecimal> e : january.entrySet()) {
            if (e.getKey().equals("unallocated")) {
                continue;
            }
            // 115 % of January, rounded up to $10
            BigDecimal amount = e.getValue().multiply(new BigDecimal("1.15")).divide(BigDecimal.TEN, 0, RoundingMode.CEILING).multiply(BigDecimal.TEN);
            budgets.put(new Budget(Node.parse("team:" + e.getKey()), feb, amount)); // MERGE by node and period
        }
        new H2InvoiceStore(db).addNew(List.of(new Invoice("openai", INVOICE, feb.atDay(1), feb.atEndOfMonth(), "USD", List.of(
                new InvoiceLine(InvoiceLine.Kind.USAGE, "Usage", null, Usd.cents(openAiFebruary)),
                new InvoiceLine(InvoiceLine.Kind.CREDIT, "Credit", null, CREDIT.negate()),
                new InvoiceLine(InvoiceLine.Kind.TAX, "Tax", null, TAX)), null)));
        H2SpendSettings settings = new H2SpendSettings(db);
        Node support = Node.parse("team:support");
        settings.putOutcomes(support, jan, OUTCOME, 1_320); // MERGE: a count is set, not added
        settings.putOutcomes(support, feb, OUTCOME, 1_185);
        Map<YearMonth, BigDecimal> harness = settings.harnessCosts(support);
        for (YearMonth m : List.of(jan, feb)) {
            if (!harness.containsKey(m)) {
                settings.addHarnessCost(support, m, "vector store", HARNESS);
            }
        }
        // the key inventory: every agent's key has an owner but the orphan bot's; approved models per environment
        // (prod's list has no fine-tunes, dev's only gpt-5-mini, so the experiment's fine-tune is outside it)
        for (LedgerGenerator.Agent a : LedgerGenerator.agentsWithExperiment()) {
            if (a.team() != null) {
                settings.putApiKey(new H2SpendSettings.ApiKeyEntry(LedgerGenerator.key(a), a.team() + "-lead", a.team(),
                        "CC-" + a.team().toUpperCase(java.util.Locale.ROOT), a.name(), a.env()));
            }
        }
        for (String[] approved : APPROVED) {
            settings.approveModel(approved[0], approved[1]); // MERGE
        }
        RollupWriter.write(db, FILE, withFailures(generated));
        return String.format("Loaded the sample ledger: %,d daily rows, %s from %s to %s, with rules, budgets, an invoice and outcomes.",
                generated.size() * 2, Usd.format(total), LedgerGenerator.FIRST, LAST);
    }
}

package com.aifinops.workbench.model.analysis;

import com.aifinops.workbench.model.ledger.DailyRollup;
import com.aifinops.workbench.model.usage.Allocation;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShowbackBuilderTest {
    private static final YearMonth MARCH = YearMonth.of(2026, 3);

    private static List<BigDecimal> d(String... v) {
        return Arrays.stream(v).map(s -> s == null ? null : new BigDecimal(s)).toList();
    }

    private static void eq(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + ", got " + actual);
    }

    @Test
    void centRoundingKeepsThePrintedPartsOnThePrintedTotal() {
        // half-up each: 0.34 + 0.34 + 0.33 = 1.01 ≠ 1.00; largest remainder: floors 0.33 × 3 = 0.99, one cent to the
        // first of the two 0.005 remainders
        assertEquals(d("0.34", "0.33", "0.33"), CentRounding.round(d("0.335", "0.335", "0.33"), new BigDecimal("1.00")));
        // 0.126 + 0.126 + 0.748 = 1.000: floors 0.12 + 0.12 + 0.74 = 0.98; the two missing cents go to the largest
        // remainders (0.006, 0.006, 0.008): 0.748 first, then the first 0.126
        assertEquals(d("0.13", "0.12", "0.75"), CentRounding.round(d("0.126", "0.126", "0.748"), null));
        // a credit: 1.005 − 0.005 = 1.00; floors 1.00 and −0.01, one cent to the first (tie)
        assertEquals(d("1.01", "-0.01"), CentRounding.round(d("1.005", "-0.005"), new BigDecimal("1.00")));
        // unknown parts stay unknown and take no cents
        assertEquals(d(null, "2.34"), CentRounding.round(d(null, "2.337"), new BigDecimal("2.337")));
        // not parts of that total: each rounded alone
        assertEquals(d("0.34", "0.34"), CentRounding.round(d("0.335", "0.335"), new BigDecimal("5")));
    }

    private static DailyRollup row(String day, String team, String project, String apiKey, String model, long in, long out,
                                   String priced, String billed) {
        return new DailyRollup(LocalDate.parse(day), "openai", model, priced == null ? null : model,
                new Allocation(null, team, project, null, null, apiKey, null, null, null, null, Map.of()), 1, in, 0, 0, 0, out, 0,
                priced == null ? null : new BigDecimal(priced), billed == null ? null : new BigDecimal(billed));
    }

    /** $1 per MTok uncached input, $10 output; contracted at 90 % of that. */
    private static final ShowbackBuilder.Pricer FLAT = r -> {
        BigDecimal in = BigDecimal.valueOf(r.uncachedInput()).movePointLeft(6);
        BigDecimal out = BigDecimal.valueOf(r.outputTokens()).movePointLeft(5);
        BigDecimal z = BigDecimal.ZERO;
        BigDecimal keep = new BigDecimal("0.9");
        return new ShowbackBuilder.Priced(List.of(in, z, z, z, out), List.of(in.multiply(keep), z, z, z, out.multiply(keep)),
                r.pricedCost().multiply(keep));
    };

    @Test
    void rulesMonthsTeamsAndTheAdjustmentLine() {
        AllocationRules rules = new AllocationRules(List.of(new AllocationRules.Rule(AllocationRules.Field.API_KEY, "k1", "a", "p1")));
        List<DailyRollup> rows = new ArrayList<>(List.of(
                // 1,000,000 in × $1 + 100,000 out × $10 = 2.00, as priced at import
                row("2026-03-02", "a", "p1", null, "m", 1_000_000, 100_000, "2.00", null),
                // through the rule: 500,000 × $1 = 0.50, but the import priced it 0.25 (batch at half): adjustment −0.25
                row("2026-03-03", null, null, "k1", "m", 500_000, 0, "0.25", null),
                // billed only, unpriced model: 3.00
                row("2026-03-04", "a", "p2", null, "x", 10, 10, null, "3.00"),
                // unpriced and not billed: counts 0, flagged
                row("2026-03-05", "a", "p2", null, "y", 7, 3, null, null),
                // another team (counts in the ledger total only) and other months
                row("2026-03-06", "b", "p1", null, "m", 1_000_000, 0, "1.00", null),
                row("2026-02-10", "a", "p1", null, "m", 0, 0, "1.00", null),
                row("2026-02-11", "a", "gone", null, "m", 0, 0, "0.50", null),
                row("2026-01-15", "a", "p1", null, "m", 0, 0, "9.00", null)));
        Showback s = new ShowbackBuilder("a", MARCH, rules, FLAT).rows(rows)
                .outcome(Node.parse("project:p1"), "tickets", 10, new BigDecimal("1"))
                .outcome(Node.parse("project:p9"), "tickets", 10, null)      // not a project of a's this month
                .outcome(Node.parse("team:a"), "none", 0, null)
                .shared("Platform", new BigDecimal("30"), "even", new BigDecimal("15"))
                .build();
        eq("5.25", s.total().cost());            // 2.00 + 0.25 + 3.00 + 0
        eq("2.25", s.total().list());            // the priced rows
        eq("2.025", s.total().contracted());     // 2.25 × 0.9
        eq("3.00", s.total().billed());
        assertEquals(1, s.total().unpricedRequests());
        eq("6.25", s.ledgerCost());              // + team b's 1.00
        eq("0.84", s.share());                   // 5.25 / 6.25
        eq("1.50", s.previousCost());            // February only
        eq("250", s.change().percent());         // (5.25 − 1.50) / 1.50
        assertEquals(List.of("p2", "p1", "gone"), s.projects().stream().map(Showback.Line::key).toList());
        Showback.Line p1 = s.projects().get(1);
        eq("2.25", p1.spend().cost());           // the rule put k1's row in p1
        eq("1.00", p1.previousCost());
        Showback.Line gone = s.projects().get(2);
        eq("0", gone.spend().cost());
        eq("-100", gone.change().percent());
        List<Showback.TokenClass> classes = s.tokenClasses().stream().map(Showback.ClassLine::tokenClass).toList();
        assertEquals(List.of(Showback.TokenClass.UNCACHED_INPUT, Showback.TokenClass.CACHE_READ, Showback.TokenClass.CACHE_WRITE_5M,
                Showback.TokenClass.CACHE_WRITE_1H, Showback.TokenClass.OUTPUT, Showback.TokenClass.ADJUSTMENT,
                Showback.TokenClass.UNPRICED), classes);
        eq("1.50", s.tokenClasses().get(0).list());   // 1,500,000 × $1
        eq("1.00", s.tokenClasses().get(4).list());   // 100,000 × $10
        eq("-0.25", s.tokenClasses().get(5).list());  // 0.25 priced − 0.50 at the day's rates
        eq("-0.225", s.tokenClasses().get(5).contracted()); // 0.25 × 0.9 − 0.50 × 0.9
        Showback.ClassLine unpriced = s.tokenClasses().get(6);
        assertEquals(30, unpriced.tokens());          // 20 + 10
        eq("3.00", unpriced.billed());
        assertNull(unpriced.list());
        BigDecimal sum = s.tokenClasses().stream().map(Showback.ClassLine::list).filter(v -> v != null).reduce(BigDecimal.ZERO, BigDecimal::add);
        eq("2.25", sum);
        eq("20.25", s.totalWithShared());
        assertEquals(2, s.outcomes().size());
        eq("0.225", s.outcomes().get(0).perOutcome());           // 2.25 / 10
        eq("0.325", s.outcomes().get(0).perOutcomeWithHarness()); // (2.25 + 1) / 10
        assertNull(s.outcomes().get(1).perOutcome(), "no outcomes: no cost per outcome");
        eq("1.3125", s.unit().perRequest());     // 5.25 / 4
    }

    @Test
    void changeIsNewOnlyFromNothingToSomething() {
        assertTrue(Showback.Change.of(BigDecimal.ONE, BigDecimal.ZERO).isNew());
        assertFalse(Showback.Change.of(BigDecimal.ZERO, BigDecimal.ZERO).isNew());
        Showback empty = new ShowbackBuilder("nobody", MARCH, null, FLAT).build();
        eq("0", empty.total().cost());
        assertNull(empty.share(), "an empty ledger has no shares");
        assertNull(empty.unit().perRequest());
        assertTrue(empty.tokenClasses().isEmpty());
        assertNull(empty.roundedToCents().total().list());
    }
}

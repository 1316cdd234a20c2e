package com.aifinops.workbench.importers.usage.focus;

import com.aifinops.workbench.importers.usage.ReaderFixtures;
import com.aifinops.workbench.importers.usage.ReaderFixtures.CollectingSink;
import com.aifinops.workbench.importers.usage.UsageReaders;
import com.aifinops.workbench.model.usage.ImportProblem;
import com.aifinops.workbench.model.usage.UsageLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static com.aifinops.workbench.importers.usage.ReaderFixtures.billed;
import static com.aifinops.workbench.importers.usage.ReaderFixtures.sum;
import static com.aifinops.workbench.importers.usage.ReaderFixtures.fixture;
import static com.aifinops.workbench.importers.usage.ReaderFixtures.read;
import static com.aifinops.workbench.importers.usage.ReaderFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FocusReaderTest {
    private static final String FORMAT = "focus";
    private final FocusReader reader = new FocusReader();




    @Test
    void realFocus10SampleKeepsEveryRowAndItsBilledCostToTheLastDigit() throws IOException {
        CollectingSink sink = read(reader, fixture(FORMAT, "FOCUS-Sample-Data_1.0_focus_sample.csv"));

        assertEquals(List.of(), sink.errors());
        assertEquals(1000, sink.lines.size());
        // Independent sum, computed outside Java with Python's csv module and Decimal over the same file:
        //   sum(Decimal(r['BilledCost']) for r in csv.DictReader(open(f, encoding='utf-8-sig'))) = 20.52022672899
        assertEquals(0, new BigDecimal("20.52022672899").compareTo(billed(sink.lines)));
        // By ChargeCategory (same Python pass): Usage 997 rows 22.86192672899, Credit 1 row -2.61370000000,
        // Adjustment 2 rows 0.27200000000; 22.86192672899 - 2.6137 + 0.272 = 20.52022672899.
        Map<String, BigDecimal> byCategory = sink.lines.stream().collect(Collectors.groupingBy(
                l -> l.allocation().tags().get("charge_category"),
                Collectors.reducing(BigDecimal.ZERO, UsageLine::billedCost, BigDecimal::add)));
        assertEquals(0, new BigDecimal("22.86192672899").compareTo(byCategory.get("Usage")));
        assertEquals(0, new BigDecimal("-2.61370000000").compareTo(byCategory.get("Credit")));
        assertEquals(0, new BigDecimal("0.27200000000").compareTo(byCategory.get("Adjustment")));
        // The README counts 942 AWS, 51 Microsoft, 7 Oracle rows; no AI token rows in this slice.
        Map<String, Long> byProvider = sink.lines.stream().collect(Collectors.groupingBy(UsageLine::provider, Collectors.counting()));
        assertEquals(Map.of("aws", 942L, "microsoft", 51L, "oracle", 7L), byProvider);
        assertEquals(0, sum(sink.lines, UsageLine::inputTokens) + sum(sink.lines, UsageLine::outputTokens));
        assertTrue(sink.lines.stream().allMatch(l -> l.model().isEmpty()));
        // The non-FOCUS "Id" column is the only warning.
        assertEquals(1, sink.warnings().size());
        assertEquals("Id", sink.warnings().get(0).column());
    }

    @Test
    void realSampleRowsKeepTheirTimesAccountsAndTags() throws IOException {
        List<UsageLine> lines = read(reader, fixture(FORMAT, "FOCUS-Sample-Data_1.0_focus_sample.csv")).lines;
        UsageLine first = lines.get(0);
        // Row 1: "2024-09-18 22:00:00" .. "2024-09-18 23:00:00", 0.00000080000, SunBird / Atlas Nimbus, SQS, Tags NULL.
        assertEquals(Instant.parse("2024-09-18T22:00:00Z"), first.start());
        assertEquals(Instant.parse("2024-09-18T23:00:00Z"), first.end());
        assertEquals(0, new BigDecimal("0.0000008").compareTo(first.billedCost()));
        assertEquals("USD", first.currency());
        assertEquals("SunBird", first.allocation().org());
        assertEquals("Atlas Nimbus", first.allocation().workspace());
        assertEquals("Amazon Simple Queue Service", first.allocation().tags().get("service_name"));
        assertEquals(2, first.source().line());
        // Row 2 has Tags {"application": "BrightLensMatrix", "environment": "dev", "business_unit": "ViennaAI"}.
        UsageLine second = lines.get(1);
        assertEquals("dev", second.allocation().environment());
        assertEquals("BrightLensMatrix", second.allocation().project());
        assertEquals("ViennaAI", second.allocation().tags().get("business_unit"));
        // 1,000 one-line records after the header: the last starts on line 1001.
        assertEquals(1001, lines.get(999).source().line());
    }

    @Test
    void spendAgreementPurchaseIsKeptAndMarkedNotMixedWithUsage() throws IOException {
        CollectingSink sink = read(reader, fixture(FORMAT, "FOCUS_Spec_v1.2_saas_spend_agreements_b2.csv"));
        assertEquals(List.of(), sink.errors());
        assertEquals(14, sink.lines.size());
        // BilledCost: one Purchase of 1200 upfront, 13 usage rows billed 0 (drawn down from the commitment).
        assertEquals(0, new BigDecimal("1200").compareTo(billed(sink.lines)));
        List<UsageLine> purchases = sink.lines.stream()
                .filter(l -> "Purchase".equals(l.allocation().tags().get("charge_category"))).toList();
        assertEquals(1, purchases.size());
        assertEquals(Instant.parse("2025-04-01T00:00:00Z"), purchases.get(0).start()); // "4/1/25", US month/day/year
        assertEquals(Instant.parse("2026-04-01T00:00:00Z"), purchases.get(0).end());   // "4/1/26"
        // Amortised cost travels as a tag where it differs from billed: 48 + 12 + 120 + 60 + 60×8 + 480 = 1200.
        BigDecimal effective = sink.lines.stream().map(l -> l.allocation().tags().get("effective_cost"))
                .filter(s -> s != null).map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, new BigDecimal("1200").compareTo(effective));
    }

    @Test
    void spreadsheetMoneyWithDollarCommaAndTrailingSpaceIsExact() throws IOException {
        CollectingSink sink = read(reader, fixture(FORMAT, "FOCUS_Spec_v1.2_simple_saas_agreements_c.csv"));
        assertEquals(List.of(), sink.errors());
        // "$10,100.00 " + "$13,000.00 " + "$12,700.00 " = 35,800.00
        assertEquals(3, sink.lines.size());
        assertEquals(0, new BigDecimal("10100.00").compareTo(sink.lines.get(0).billedCost()));
        assertEquals(0, new BigDecimal("35800.00").compareTo(billed(sink.lines)));
        assertEquals("acmecorp", sink.lines.get(0).provider());
    }

    @Test
    void bomAndCrlfVirtualCurrencySampleReadsHeaderAndLines() throws IOException {
        Path file = fixture(FORMAT, "FOCUS_Spec_v1.2_virtual_currency_pricing_model_a2.csv");
        byte[] bytes = Files.readAllBytes(file);
        assertEquals((byte) 0xEF, bytes[0]); // the fixture really starts with a BOM
        assertTrue(new String(bytes, StandardCharsets.UTF_8).contains("\r\n"));
        CollectingSink sink = read(reader, file);
        assertEquals(List.of(), sink.problems);
        assertEquals(3, sink.lines.size());
        assertEquals(List.of(2L, 3L, 4L), sink.lines.stream().map(l -> l.source().line()).toList());
        // BilledCost 0.00 each: the credits were bought up front; the spend is in the virtual currency "Token",
        // 245 + 10 + 360 = 615 Tokens, and these "tokens" are credits, not LLM tokens (ConsumedUnit Execution).
        assertEquals(0, BigDecimal.ZERO.compareTo(billed(sink.lines)));
        assertEquals(0, sum(sink.lines, UsageLine::inputTokens) + sum(sink.lines, UsageLine::outputTokens));
        assertEquals("Token", sink.lines.get(0).allocation().tags().get("pricing_currency"));
        assertEquals(615, sink.lines.stream()
                .mapToLong(l -> Long.parseLong(l.allocation().tags().get("pricing_currency_effective_cost"))).sum());
        assertEquals(Instant.parse("2025-04-02T00:00:00Z"), sink.lines.get(0).end());
    }

    @Test
    void aiTokenRowsGetTokenClassesAndEverythingElseKeepsItsCost() throws IOException {
        CollectingSink sink = read(reader, fixture(FORMAT, "focus_1.3_ai_tokens.csv"));
        assertEquals(List.of(), sink.errors());
        List<UsageLine> lines = sink.lines;
        assertEquals(16, lines.size());
        // Billed: 0.088443 + 0.0375 + 0.036 + 0.03 + 3.75 + 0.5 + 2.00 + 0.0056 + 2.2080 + 500.00 − 10.00 + 5.12
        //         − 0.003 + 0.01 + 0.03 + 0.003 = 503.815543 (every row, tokens or not).
        assertEquals(0, new BigDecimal("503.815543").compareTo(billed(lines)));
        // Uncached input: 29.481 × 1K (Bedrock) + 1,500,000 (Azure) + (10,000 − 4,000 cached, x_ columns)
        //                 + 100 × 1K (Nova batch) = 29,481 + 1,500,000 + 6,000 + 100,000 = 1,635,481
        assertEquals(1_635_481, sum(lines, UsageLine::uncachedInputTokens));
        // Cache read: 120,000 + 400,000 + 4,000 = 524,000; cache write: 8,000.
        assertEquals(524_000, sum(lines, UsageLine::cacheReadTokens));
        assertEquals(8_000, sum(lines, UsageLine::cacheWrite5mTokens));
        assertEquals(0, sum(lines, UsageLine::cacheWrite1hTokens));
        // Output: 2.5 × 1K + 0.2 × 1M + 2,000 + 3,000 (thinking) = 207,500; reasoning: 500 + 3,000 = 3,500.
        assertEquals(207_500, sum(lines, UsageLine::outputTokens));
        assertEquals(3_500, sum(lines, UsageLine::reasoningTokens));
        assertEquals(0, sum(lines, UsageLine::requests));

        UsageLine bedrockInput = lines.get(0);
        assertEquals("aws", bedrockInput.provider());
        assertEquals("Claude4.6Sonnet", bedrockInput.model());
        assertEquals(29_481, bedrockInput.uncachedInputTokens());
        assertEquals("search", bedrockInput.allocation().team());
        assertEquals("assist", bedrockInput.allocation().project());
        assertEquals("prod", bedrockInput.allocation().environment());
        assertEquals("ml-prod", bedrockInput.allocation().workspace());
        assertEquals(8_000, lines.get(3).cacheWrite5mTokens());

        UsageLine azureInput = lines.get(4);
        assertEquals("microsoft", azureInput.provider());
        assertEquals("gpt 4o 0513", azureInput.model());
        assertEquals("ads", azureInput.allocation().team());       // Tags written without braces, as Azure does
        assertEquals("globex", azureInput.allocation().customer());
        assertEquals(400_000, lines.get(5).cacheReadTokens());
        assertEquals(200_000, lines.get(6).outputTokens());        // 0.2 in "1M Tokens"

        UsageLine gateway = lines.get(7);
        assertEquals("gpt-5-mini", gateway.model());
        assertEquals(6_000, gateway.uncachedInputTokens());
        assertEquals(4_000, gateway.cacheReadTokens());
        assertEquals(500, gateway.reasoningTokens());
        assertEquals("support", gateway.allocation().team());      // AWS-style "user:team"
        assertEquals("triage-bot", gateway.allocation().agent());
        assertEquals("ticket-summary", gateway.allocation().feature());

        UsageLine compute = lines.get(8);
        assertEquals("", compute.model());
        assertEquals(0, compute.inputTokens() + compute.outputTokens());
        assertEquals(0, new BigDecimal("2.2080").compareTo(compute.billedCost()));

        // A prepaid token pack bought with a token unit is a purchase, not usage: no tokens, its cost kept.
        UsageLine purchase = lines.get(9);
        assertEquals("Purchase", purchase.allocation().tags().get("charge_category"));
        assertEquals(0, purchase.inputTokens());
        assertEquals("0", purchase.allocation().tags().get("effective_cost"));
        assertEquals("Credit", lines.get(10).allocation().tags().get("charge_category"));
        assertEquals("Tax", lines.get(11).allocation().tags().get("charge_category"));

        assertEquals("Gemini 2.5 Pro", lines.get(14).model());
        assertEquals(3_000, lines.get(14).reasoningTokens());
        assertTrue(lines.get(15).batch());
        assertEquals("NovaLite", lines.get(15).model());
        assertFalse(lines.get(0).batch());

        // Warnings: the negative correction (line 14) and the token row without a class (line 15).
        assertEquals(List.of(14L, 15L), sink.warnings().stream().map(ImportProblem::line).toList());
        assertEquals(0, lines.get(12).inputTokens());
        assertEquals("1000", lines.get(13).allocation().tags().get("unclassified_tokens"));
    }

    @Test
    void malformedAmountIsAnErrorNamingLineColumnAndValueAndTheRestStillImports(@TempDir Path dir) throws IOException {
        Path file = write(dir, "focus.csv", """
                BilledCost,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,ChargeDescription,ProviderName
                1.50,2025-01-01T00:00:00Z,2025-01-02T00:00:00Z,Usage,"two
                lines",AWS
                12.5x,2025-01-02T00:00:00Z,2025-01-03T00:00:00Z,Usage,plain,AWS
                2.25,yesterday,2025-01-03T00:00:00Z,Usage,plain,AWS
                0.25,2025-01-03 00:00:00,NULL,Usage,plain,AWS
                """);
        CollectingSink sink = read(reader, file);
        // Line 2 holds a record spanning two physical lines, so the bad amount is on line 4.
        assertEquals(2, sink.errors().size());
        ImportProblem amount = sink.errors().get(0);
        assertEquals("focus.csv", amount.file());
        assertEquals(4, amount.line());
        assertEquals("BilledCost", amount.column());
        assertEquals("12.5x", amount.value());
        assertTrue(amount.message().startsWith("expected"), amount.message());
        ImportProblem start = sink.errors().get(1);
        assertEquals(5, start.line());
        assertEquals("ChargePeriodStart", start.column());
        assertEquals("yesterday", start.value());
        // 1.50 + 0.25 = 1.75 from the two good lines; the NULL end is "no end".
        assertEquals(0, new BigDecimal("1.75").compareTo(billed(sink.lines)));
        assertEquals(null, sink.lines.get(1).end());
        assertEquals(6, sink.lines.get(1).source().line());
    }

    @Test
    void unknownColumnIsOnlyAWarning(@TempDir Path dir) throws IOException {
        Path file = write(dir, "extra.csv", "BilledCost,ChargePeriodStart,CostCentreCode,x_Anything\n3.00,2025-01-01,CC-9,foo\n");
        CollectingSink sink = read(reader, file);
        assertEquals(1, sink.lines.size());
        assertEquals(List.of(), sink.errors());
        assertEquals(1, sink.warnings().size()); // x_ columns are FOCUS's own extension point, not warned about
        assertEquals("CostCentreCode", sink.warnings().get(0).column());
        assertEquals(1, sink.warnings().get(0).line());
    }

    @ParameterizedTest
    @ValueSource(strings = {"FOCUS-Sample-Data_1.0_focus_sample.csv", "FOCUS_Spec_v1.2_saas_spend_agreements_b2.csv",
            "FOCUS_Spec_v1.2_simple_saas_agreements_c.csv", "FOCUS_Spec_v1.2_virtual_currency_pricing_model_a2.csv",
            "focus_1.3_ai_tokens.csv"})
    void detectionPicksFocus(String name) throws IOException {
        assertEquals("focus", UsageReaders.detect(fixture(FORMAT, name)).orElseThrow().format());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Tokens|1", "1K tokens|1000", "1000 Tokens|1000", "1M Tokens|1000000", "Input Tokens|1"})
    void tokenUnits(String spec) {
        String[] p = spec.split("\\|");
        assertEquals(0, new BigDecimal(p[1]).compareTo(FocusReader.tokenBlock(p[0])));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hours", "GB-Months", "Requests", "Execution", "1K"})
    void otherUnitsAreNotTokens(String unit) {
        assertEquals(null, FocusReader.tokenBlock(unit));
    }
}

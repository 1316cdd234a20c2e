package com.aifinops.workbench.importers.usage.cloud;

import com.aifinops.workbench.importers.usage.ReaderFixtures;
import com.aifinops.workbench.importers.usage.ReaderFixtures.CollectingSink;
import com.aifinops.workbench.model.Usd;
import com.aifinops.workbench.model.usage.ImportProblem;
import com.aifinops.workbench.model.usage.UsageLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static com.aifinops.workbench.importers.usage.ReaderFixtures.atLine;
import static com.aifinops.workbench.importers.usage.ReaderFixtures.errors;
import static com.aifinops.workbench.importers.usage.ReaderFixtures.sum;
import static com.aifinops.workbench.importers.usage.ReaderFixtures.warnings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AwsCurReaderTest {
    private final AwsCurReader reader = new AwsCurReader();

    @Test
    void bedrockLinesAreScaledByTheirPricingUnitAndKeepTheirExactCost() throws IOException {
        CollectingSink s = ReaderFixtures.read(reader, "usage/aws-cur/bedrock-cur2.csv");
        assertEquals(List.of(), errors(s));
        // lines 2–6, 9, 10, 11 are Bedrock; 7 (EC2) and 8 (S3) are not
        assertEquals(8, s.lines.size());
        // input: 29.481 × 1K = 29,481 (line 2) + 100 × 1K = 100,000 (line 6) + 1,000 × Units = 1,000 (line 11)
        assertEquals(29_481 + 100_000 + 1_000, sum(s.lines, UsageLine::uncachedInputTokens));
        assertEquals(12_500, sum(s.lines, UsageLine::outputTokens));            // 12.5 × 1K tokens
        assertEquals(2_900_000, sum(s.lines, UsageLine::cacheReadTokens));      // 2,900,000 × tokens
        assertEquals(400_000, sum(s.lines, UsageLine::cacheWrite5mTokens));     // 0.4 × 1M tokens
        // 0.0972873 + 0.20625 + 0.87 + 1.5 + 0.003 + 0.35 (tax) − 0.50 (credit) + 0.003 = 2.5295373
        BigDecimal total = ReaderFixtures.billed(s.lines);
        assertEquals(0, new BigDecimal("2.5295373").compareTo(total), total.toPlainString());
        assertEquals(new BigDecimal("2.53"), Usd.cents(total));
    }

    @Test
    void modelPrincipalAndTagsBecomeTheAllocation() throws IOException {
        CollectingSink s = ReaderFixtures.read(reader, "usage/aws-cur/bedrock-cur2.csv");
        UsageLine input = atLine(s.lines, 2);
        assertEquals("aws-bedrock", input.provider());
        assertEquals("Claude3.5Sonnet", input.model());
        assertEquals(Instant.parse("2026-05-01T00:00:00Z"), input.start());
        assertEquals(Instant.parse("2026-05-02T00:00:00Z"), input.end());
        assertEquals("alice", input.allocation().user());
        assertEquals("search", input.allocation().team());
        assertEquals("rag-bot", input.allocation().project());
        assertEquals("arn:aws:iam::123456789012:user/alice", input.allocation().tags().get("iam_principal"));
        assertEquals("123456789012", input.allocation().tags().get("aws_account"));
        assertEquals("USD", input.currency());

        UsageLine cacheRead = atLine(s.lines, 4);
        assertEquals("session-42", cacheRead.allocation().user());      // federated session name after the last '/'
        assertEquals("platform", cacheRead.allocation().team());       // from the iamPrincipal/team tag

        UsageLine batch = atLine(s.lines, 6);
        assertTrue(batch.batch());
        assertEquals("NovaLite", batch.model());
        assertEquals("BedrockAPIKey-234s", batch.allocation().apiKey());

        UsageLine marketplace = atLine(s.lines, 11);
        assertEquals("Claude Sonnet 4.6", marketplace.model());
        assertEquals(1_000, marketplace.uncachedInputTokens());
    }

    @Test
    void taxAndCreditLinesKeepTheirCostWithoutTokens() throws IOException {
        CollectingSink s = ReaderFixtures.read(reader, "usage/aws-cur/bedrock-cur2.csv");
        UsageLine tax = atLine(s.lines, 9);
        assertEquals("Tax", tax.allocation().tags().get("charge_category"));
        assertEquals(0, new BigDecimal("0.35").compareTo(tax.billedCost()));
        assertEquals(0, tax.inputTokens() + tax.outputTokens());
        UsageLine credit = atLine(s.lines, 10);
        assertEquals("Credit", credit.allocation().tags().get("charge_category"));
        assertEquals(0, new BigDecimal("-0.50").compareTo(credit.billedCost()));
        assertEquals(0, credit.inputTokens()); // a credit on an input usage type is money, not tokens
        assertNull(atLine(s.lines, 2).allocation().tags().get("charge_category"));
    }

    @Test
    void otherServicesAreSummarisedInOneWarning() throws IOException {
        CollectingSink s = ReaderFixtures.read(reader, "usage/aws-cur/bedrock-cur2.csv");
        List<ImportProblem> w = warnings(s);
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).message().startsWith("2 rows of other services"), w.get(0).message());
    }

    @Test
    void malformedValuesNameLineColumnAndValue() throws IOException {
        CollectingSink s = ReaderFixtures.read(reader, "usage/aws-cur/bedrock-cur2-bad.csv");
        assertEquals(1, s.lines.size()); // only line 2 is good
        List<ImportProblem> e = errors(s);
        assertEquals(3, e.size(), e.toString());
        assertEquals(3, e.get(0).line());
        assertEquals("line_item_usage_amount", e.get(0).column());
        assertEquals("12.5x", e.get(0).value());
        assertEquals(4, e.get(1).line());
        assertEquals("pricing_unit", e.get(1).column());
        assertEquals("Hours", e.get(1).value());
        assertTrue(e.get(1).message().contains("token unit"), e.get(1).message());
        assertEquals(5, e.get(2).line());
        assertEquals("line_item_usage_start_date", e.get(2).column());
        List<ImportProblem> w = warnings(s);
        assertEquals(1, w.size(), w.toString());
        assertEquals("my_extra_column", w.get(0).column());
        assertEquals(1, w.get(0).line());
    }

    @Test
    void aFileWithoutThePricingUnitIsRefusedNotGuessed(@TempDir Path dir) throws IOException {
        Path f = ReaderFixtures.write(dir, "cur.csv", "line_item_usage_start_date,line_item_product_code,line_item_usage_type,line_item_usage_amount,line_item_unblended_cost\n"
                + "2026-05-01T00:00:00Z,AmazonBedrock,USE1-Claude3.5Sonnet-input-tokens,10,0.033\n");
        CollectingSink s = ReaderFixtures.read(reader, f);
        assertEquals(List.of(), s.lines);
        assertEquals("pricing_unit", errors(s).get(0).column());
    }

    @Test
    void legacyCurHeadersReadTheSame(@TempDir Path dir) throws IOException {
        Path f = ReaderFixtures.write(dir, "legacy.csv", "\uFEFFlineItem/UsageStartDate,lineItem/ProductCode,lineItem/UsageType,lineItem/UsageAmount,lineItem/UnblendedCost,pricing/unit,resourceTags/user:team\r\n"
                + "2026-05-01T00:00:00Z,AmazonBedrock,USE1-Claude3.5Sonnet-input-tokens,2.5,0.00825,1K tokens,search\r\n");
        CollectingSink s = ReaderFixtures.read(reader, f);
        assertEquals(List.of(), s.problems);
        assertEquals(2_500, s.lines.get(0).uncachedInputTokens()); // 2.5 × 1K
        assertEquals("search", s.lines.get(0).allocation().team());
        assertEquals(2, s.lines.get(0).source().line());
    }

    @Test
    void brokenQuotingIsAProblemAtItsLineNotAnException(@TempDir Path dir) throws IOException {
        Path f = ReaderFixtures.write(dir, "cur.csv", "line_item_usage_start_date,line_item_product_code,line_item_usage_type,line_item_usage_amount,line_item_unblended_cost,pricing_unit,resource_tags\n"
                + "2026-05-01T00:00:00Z,AmazonBedrock,USE1-Claude3.5Sonnet-input-tokens,1,0.0033,1K tokens,\"{\"\"user_team\"\":\"\"a\"\",\n"
                + "\"\"user_env\"\":\"\"b\"\"}\"\n"
                + "2026-05-01T00:00:00Z,AmazonBedrock,USE1-Claude3.5Sonnet-input-tokens,1,0.0033,1K tokens,\"{\"\"x\"\" \"oops\n");
        CollectingSink s = ReaderFixtures.read(reader, f);
        assertEquals(1, s.lines.size(), s.problems.toString()); // the quoted multi-line cell is one record (lines 2–3)
        assertEquals("a", s.lines.get(0).allocation().team());
        assertEquals("b", s.lines.get(0).allocation().environment());
        List<ImportProblem> e = errors(s);
        assertEquals(1, e.size(), e.toString());
        assertEquals(4, e.get(0).line());                    // the record after it starts on line 4
        assertTrue(e.get(0).message().startsWith("broken CSV quoting"));

        Path header = ReaderFixtures.write(dir, "h.csv", "\"line_item_usage_type,x\n");
        CollectingSink h = ReaderFixtures.read(reader, header);
        assertEquals(1, errors(h).get(0).line());
    }

    @Test
    void usageTypesNameTokenClassAndModel() {
        assertEquals(AwsCurReader.TokenClass.CACHE_WRITE_5M,
                AwsCurReader.tokenClass("USW2-anthropic.claude-opus-4-8-mantle-cache-write-tokens-standard"));
        assertEquals("anthropic.claude-opus-4-8",
                AwsCurReader.modelFromUsageType("USW2-anthropic.claude-opus-4-8-mantle-cache-write-tokens-standard"));
        assertEquals(AwsCurReader.TokenClass.OUTPUT, AwsCurReader.tokenClass("USW2-MP:USW2_output_tokens_global_standard-Units"));
        assertEquals(AwsCurReader.TokenClass.CACHE_READ, AwsCurReader.tokenClass("USE1-MP:USE1_CacheReadInputTokenCount_Global-Units"));
        assertEquals(AwsCurReader.TokenClass.INPUT, AwsCurReader.tokenClass("USE1-Claude4Sonnet-input-tokens-cross-region-global"));
        assertEquals("Claude4Sonnet", AwsCurReader.modelFromUsageType("USE1-Claude4Sonnet-input-tokens-cross-region-global"));
        assertEquals(AwsCurReader.TokenClass.NONE, AwsCurReader.tokenClass("USE1-ProvisionedThroughput-ModelUnits"));
        assertNull(AwsCurReader.modelFromUsageType("USE1-MP:USE1_InputTokenCount-Units"));
        assertFalse(AwsCurReader.tokenClass("USE1-Nova2.0Lite-input-tokens") == AwsCurReader.TokenClass.NONE);
    }
}

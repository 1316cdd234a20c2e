package com.aifinops.workbench.importers.usage.cloud;

import com.aifinops.workbench.importers.usage.ReaderFixtures;
import com.aifinops.workbench.importers.usage.ReaderFixtures.CollectingSink;
import com.aifinops.workbench.model.usage.ImportProblem;
import com.aifinops.workbench.model.usage.UsageLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static com.aifinops.workbench.importers.usage.ReaderFixtures.atLine;
import static com.aifinops.workbench.importers.usage.ReaderFixtures.errors;
import static com.aifinops.workbench.importers.usage.ReaderFixtures.sum;
import static com.aifinops.workbench.importers.usage.ReaderFixtures.warnings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AzureCostReaderTest {
    private final AzureCostReader reader = new AzureCostReader();

    @Test
    void openAiMetersAreScaledToTokensWithExactCost() throws IOException {
        CollectingSink s = ReaderFixtures.read(reader, "usage/azure-cost/aoai-ea-actual.csv");
        assertEquals(List.of(), errors(s));
        assertEquals(6, s.lines.size()); // lines 7 (VM) and 8 (storage) skipped
        // input: 12.5 × 1K = 12,500 + 1.5 × 1M = 1,500,000 + 10 × 1K = 10,000 (batch)
        assertEquals(12_500 + 1_500_000 + 10_000, sum(s.lines, UsageLine::uncachedInputTokens));
        assertEquals(400_000, sum(s.lines, UsageLine::cacheReadTokens));        // 400 × "1K Tokens"
        // output: 3.2 × 1K = 3,200 + line 9, whose quantity is already tokens (800 / 1000 × 0.01 = 0.008) = 800
        assertEquals(3_200 + 800, sum(s.lines, UsageLine::outputTokens));
        // 0.03125 + 0.032 + 0.225 + 0.04 + 0.15 + 0.008 = 0.48625
        assertEquals(0, new BigDecimal("0.48625").compareTo(ReaderFixtures.billed(s.lines)));
        assertTrue(s.lines.stream().allMatch(l -> l.currency().equals("USD") && l.provider().equals("azure-openai")));
    }

    @Test
    void meterNamesGiveModelBatchAndDays() throws IOException {
        CollectingSink s = ReaderFixtures.read(reader, "usage/azure-cost/aoai-ea-actual.csv");
        UsageLine first = atLine(s.lines, 2);
        assertEquals("gpt 4o 0513", first.model());
        assertEquals(Instant.parse("2026-05-01T00:00:00Z"), first.start()); // 05/01/2026 is MM/dd/yyyy
        assertEquals(Instant.parse("2026-05-02T00:00:00Z"), first.end());
        assertEquals("search", first.allocation().team());                 // tags without braces
        assertEquals("rag-bot", first.allocation().project());             // tag beats the resource group
        assertEquals("contoso-aoai", first.allocation().workspace());      // the Cognitive Services account
        assertEquals("ai-prod", first.allocation().tags().get("subscription"));
        UsageLine mini = atLine(s.lines, 4);
        assertEquals("gpt-4o-mini-0718", mini.model());
        assertEquals(Instant.parse("2026-05-02T00:00:00Z"), mini.start()); // ISO date
        assertEquals("prod", mini.allocation().environment());
        assertEquals("gpt 4.1 mini", atLine(s.lines, 5).model());
        UsageLine batch = atLine(s.lines, 6);
        assertTrue(batch.batch());
        assertEquals("gpt-4-8K", batch.model());
        assertEquals("rg-batch", batch.allocation().project());            // no tags: the resource group
        assertFalse(first.batch());
    }

    @Test
    void semicolonFilesReadDecimalCommas() throws IOException {
        CollectingSink s = ReaderFixtures.read(reader, "usage/azure-cost/aoai-mca-eu.csv");
        assertEquals(List.of(), s.problems);
        assertEquals(1_234_500, sum(s.lines, UsageLine::uncachedInputTokens)); // 1.234,5 × 1K
        assertEquals(500, sum(s.lines, UsageLine::outputTokens));             // 0,5 × 1K
        // 2,83935 + 0,0046 = 2.84395 EUR
        assertEquals(0, new BigDecimal("2.84395").compareTo(ReaderFixtures.billed(s.lines)));
        assertEquals("EUR", s.lines.get(0).currency());
        assertEquals("rg-ai", s.lines.get(0).allocation().project());
        assertEquals("contoso-eu", s.lines.get(0).allocation().workspace());
    }

    @Test
    void otherServicesAreOneWarning() throws IOException {
        CollectingSink s = ReaderFixtures.read(reader, "usage/azure-cost/aoai-ea-actual.csv");
        List<ImportProblem> w = warnings(s);
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).message().startsWith("2 rows of other services"));
    }

    @Test
    void malformedValuesNameLineAndColumn() throws IOException {
        CollectingSink s = ReaderFixtures.read(reader, "usage/azure-cost/aoai-bad.csv");
        assertEquals(1, s.lines.size());
        List<ImportProblem> e = errors(s);
        assertEquals(3, e.size(), e.toString());
        assertEquals(3, e.get(0).line());
        assertEquals("Quantity", e.get(0).column());
        assertEquals("abc", e.get(0).value());
        assertEquals(4, e.get(1).line());
        assertEquals("Date", e.get(1).column());
        assertEquals("13/45/2026", e.get(1).value());
        assertEquals(5, e.get(2).line());
        assertEquals("Tags", e.get(2).column());
        List<ImportProblem> w = warnings(s);
        assertEquals(1, w.size(), w.toString());
        assertEquals("MyCustomColumn", w.get(0).column());
    }

    @Test
    void legacyEaDownloadSpellings(@TempDir Path dir) throws IOException {
        Path f = ReaderFixtures.write(dir, "legacy.csv", "AccountName,SubscriptionGuid,Date,Month,Day,Year,Product,MeterCategory,MeterSubCategory,MeterName,ConsumedQuantity,ResourceRate,ExtendedCost,UnitOfMeasure,InstanceId,ResourceGroup,Tags\n"
                + "Contoso,0000,5/3/2026,5,3,2026,Azure OpenAI,Cognitive Services,Azure OpenAI,gpt 4o 0513 Input global Tokens,2,0.0025,0.005,1K,/subscriptions/0000/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/acct,rg,\n");
        assertEquals(90, reader.detect("legacy.csv", Files.readString(f)));
        CollectingSink s = ReaderFixtures.read(reader, f);
        assertEquals(List.of(), s.problems);
        assertEquals(2_000, s.lines.get(0).uncachedInputTokens()); // 2 × 1K
        assertEquals(0, new BigDecimal("0.005").compareTo(s.lines.get(0).billedCost()));
        assertEquals(Instant.parse("2026-05-03T00:00:00Z"), s.lines.get(0).start());
        assertEquals("acct", s.lines.get(0).allocation().workspace());
    }

    @Test
    void meterGrammarVariants() {
        assertEquals(new AzureCostReader.Meter("R1", AwsCurReader.TokenClass.OUTPUT, false), AzureCostReader.meter("R1 Outp glbl Tokens"));
        assertEquals(new AzureCostReader.Meter("GPT 5", AwsCurReader.TokenClass.INPUT, false), AzureCostReader.meter("GPT 5 Inpt Glbl"));
        assertEquals(AwsCurReader.TokenClass.CACHE_READ, AzureCostReader.meter("gpt-4o cached Inp DZone").tokenClass());
        assertEquals(AwsCurReader.TokenClass.NONE, AzureCostReader.meter("gpt-4-8K PTU Inp Gl Tokens").tokenClass());
        assertEquals(AwsCurReader.TokenClass.NONE, AzureCostReader.meter("Standard Training Hour").tokenClass());
    }

    @Test
    void quantityIsTakenAsTokensOnlyWhenThePriceSaysSo() {
        // 12.5 blocks × 0.0025 = 0.03125: blocks
        assertFalse(AzureCostReader.quantityIsTokens(new BigDecimal("12.5"), new BigDecimal("1000"), new BigDecimal("0.0025"), new BigDecimal("0.03125")));
        // 12,500 × 0.0025 = 31.25 ≠ 0.03125, 12,500 / 1000 × 0.0025 = 0.03125: tokens
        assertTrue(AzureCostReader.quantityIsTokens(new BigDecimal("12500"), new BigDecimal("1000"), new BigDecimal("0.0025"), new BigDecimal("0.03125")));
        // no price: trust the unit
        assertFalse(AzureCostReader.quantityIsTokens(new BigDecimal("12500"), new BigDecimal("1000"), null, new BigDecimal("0.03125")));
    }
}

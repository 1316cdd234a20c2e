package com.aifinops.workbench.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code invoice import}: a statement CSV lands whole or not at all, and reading it again adds nothing. */
class InvoiceImportCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void aStatementOfTwoInvoicesIsImportedOnceWithExactTotals() throws Exception {
        // INV-0501: 1200.50 + 3400.25 − 500.00 + 329.61 = 4430.36 (the "Total" row is not a line);
        // INV-0601: 1050.00 + 210.00 + 100.00 − 12.34 = 1347.66
        Path csv = write("statements.csv", """
                Invoice Number,Billing Month,Description,Model,Type,Amount,Currency
                INV-0501,2026-05,GPT-5.5 input tokens,gpt-5.5,,1200.50,USD
                INV-0501,2026-05,GPT-5.5 output tokens,gpt-5.5,,3400.25,USD
                INV-0501,2026-05,Promotional credit,,,-500.00,USD
                INV-0501,2026-05,Sales tax,,,329.61,USD
                INV-0501,2026-05,Total,,,4430.36,USD
                INV-0601,2026-06,GPT-5-mini usage,gpt-5-mini,Usage,"1,050.00",USD
                INV-0601,2026-06,VAT 20%,,Tax,210.00,USD
                INV-0601,2026-06,Support plan,,Fee,100.00,USD
                INV-0601,2026-06,Billing correction,,Adjustment,-12.34,USD
                """);
        String db = dir.resolve("ledger").toString();
        CliRun first = CliRun.of("invoice", "import", csv.toString(), "--provider", "openai", "--db", db, "--json");
        assertEquals(0, first.status(), first.err());
        JsonNode j = JSON.readTree(first.out());
        assertEquals(2, j.get("added").asInt());
        assertEquals(0, j.get("alreadyEntered").asInt());
        assertEquals("4430.36", j.get("invoices").get(0).get("totalUsd").asText());
        assertEquals("2026-05-01", j.get("invoices").get(0).get("periodStart").asText());
        assertEquals("2026-05-31", j.get("invoices").get(0).get("periodEnd").asText());
        assertEquals("1347.66", j.get("invoices").get(1).get("totalUsd").asText());

        CliRun again = CliRun.of("invoice", "import", csv.toString(), "--provider", "openai", "--db", db, "--json");
        JsonNode k = JSON.readTree(again.out());
        assertEquals(0, k.get("added").asInt());
        assertEquals(2, k.get("alreadyEntered").asInt());

        JsonNode list = JSON.readTree(CliRun.of("invoice", "list", "--db", db, "--json").out());
        assertEquals(2, list.get("invoices").size(), "still two invoices after the second import");
        assertEquals("-500.00", list.get("invoices").get(0).get("creditUsd").asText());
        assertEquals("329.61", list.get("invoices").get(0).get("taxUsd").asText());
    }

    @Test
    void aBadLineRejectsTheWholeFileAndNamesLineAndColumn() throws Exception {
        Path csv = write("bad.csv", """
                Invoice Number,Billing Month,Description,Amount
                INV-1,2026-05,Usage,100.00
                INV-1,2026-05,Tax,12.5x
                INV-2,2026-05,Usage,20.00
                """);
        String db = dir.resolve("ledger").toString();
        CliRun r = CliRun.of("invoice", "import", csv.toString(), "--provider", "openai", "--db", db);
        assertEquals(1, r.status());
        assertTrue(r.out().contains("rejected, nothing added"), r.out());
        assertTrue(r.out().contains("bad.csv:3") && r.out().contains("Amount") && r.out().contains("12.5x"), r.out());
        JsonNode list = JSON.readTree(CliRun.of("invoice", "list", "--db", db, "--json").out());
        assertEquals(0, list.get("invoices").size(), "nothing was stored");
    }
}

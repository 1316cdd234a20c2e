package com.aifinops.workbench.importers.invoice;

import com.aifinops.workbench.importers.usage.ReaderFixtures;
import com.aifinops.workbench.model.invoice.Invoice;
import com.aifinops.workbench.model.invoice.InvoiceLine;
import com.aifinops.workbench.model.usage.ImportProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InvoiceCsvReaderTest {
    private static void assertAmount(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + " but was " + actual);
    }

    @Test
    void oneFileHoldsTwoInvoicesWithInferredKinds() throws IOException {
        InvoiceRead r = InvoiceCsvReader.read(ReaderFixtures.path("invoice/openai-statements.csv"), "OpenAI");
        assertFalse(r.hasErrors(), r.problems().toString());
        assertEquals(2, r.invoices().size());
        Invoice may = r.invoices().get(0);
        assertEquals("openai", may.provider());
        assertEquals("INV-2026-0501", may.invoiceNo());
        assertEquals(LocalDate.of(2026, 5, 1), may.periodStart());
        assertEquals(LocalDate.of(2026, 5, 31), may.periodEnd());
        assertEquals(4, may.lines().size()); // the Total row is skipped
        assertAmount("4600.75", may.total(InvoiceLine.Kind.USAGE));   // 1200.50 + 3400.25
        assertAmount("-500.00", may.total(InvoiceLine.Kind.CREDIT));  // "Promotional credit"
        assertAmount("329.61", may.total(InvoiceLine.Kind.TAX));      // "Sales tax"
        assertAmount("4430.36", may.total());                         // 4600.75 − 500.00 + 329.61, as the Total row says
        assertEquals("gpt-5.5", may.lines().get(0).model());
        assertEquals(2, may.source().line());

        Invoice june = r.invoices().get(1);
        assertEquals(LocalDate.of(2026, 6, 30), june.periodEnd());
        assertAmount("1050.00", june.total(InvoiceLine.Kind.USAGE));  // "1,050.00"
        assertAmount("210.00", june.total(InvoiceLine.Kind.TAX));
        assertAmount("100.00", june.total(InvoiceLine.Kind.FEE));
        assertAmount("-12.34", june.total(InvoiceLine.Kind.ADJUSTMENT)); // type column beats the sign
        assertAmount("1347.66", june.total());                       // 1050 + 210 + 100 − 12.34
        List<ImportProblem> w = r.problems();
        assertEquals(1, w.size(), w.toString());
        assertEquals(6, w.get(0).line());
        assertTrue(w.get(0).message().contains("summary row 'Total' skipped"));
    }

    @Test
    void providerColumnPeriodColumnsAndAccountingNegatives() throws IOException {
        InvoiceRead r = InvoiceCsvReader.read(ReaderFixtures.path("invoice/anthropic-statement.csv"), null);
        assertFalse(r.hasErrors(), r.problems().toString());
        Invoice inv = r.invoices().get(0);
        assertEquals("anthropic", inv.provider());
        assertEquals("AN-7781", inv.invoiceNo());
        assertEquals(LocalDate.of(2026, 5, 1), inv.periodStart());
        assertEquals(LocalDate.of(2026, 5, 31), inv.periodEnd()); // exclusive end 2026-06-01
        assertAmount("2810.40", inv.total(InvoiceLine.Kind.USAGE)); // "$2,500.00" + $310.40
        assertAmount("-40.00", inv.total(InvoiceLine.Kind.CREDIT)); // "(40.00)", "Refund for outage"
        assertAmount("27.04", inv.total(InvoiceLine.Kind.TAX));     // GST
        assertAmount("2797.44", inv.total());
        assertEquals(1, r.problems().size());
        assertEquals("po_reference", r.problems().get(0).column()); // unknown column: a warning
        assertEquals(ImportProblem.Severity.WARNING, r.problems().get(0).severity());
    }

    @Test
    void badCellsNameLineColumnAndValue() throws IOException {
        InvoiceRead r = InvoiceCsvReader.read(ReaderFixtures.path("invoice/bad-invoice.csv"), "openai");
        List<ImportProblem> e = r.errors();
        assertEquals(3, e.size(), e.toString());
        assertEquals(2, e.get(0).line());
        assertEquals("amount", e.get(0).column());
        assertEquals("12.5x", e.get(0).value());
        assertEquals(3, e.get(1).line());
        assertEquals("type", e.get(1).column());
        assertEquals("Bogus", e.get(1).value());
        assertEquals(4, e.get(2).line());
        assertEquals("month", e.get(2).column());
        assertEquals("2026-13", e.get(2).value());
        assertEquals(1, r.invoices().size());
        assertAmount("20.00", r.invoices().get(0).total()); // only line 5 stands
    }

    @Test
    void withoutProviderOrPeriodNothingIsGuessed(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("x.csv");
        Files.writeString(f, "invoice,month,description,amount\nI-1,2026-05,Usage,10\n");
        InvoiceRead noProvider = InvoiceCsvReader.read(f, null);
        assertEquals(List.of(), noProvider.invoices());
        assertTrue(noProvider.errors().get(0).message().contains("no provider"));

        Path g = dir.resolve("y.csv");
        Files.writeString(g, "invoice,description,amount\nI-1,Usage,10\n");
        assertTrue(InvoiceCsvReader.read(g, "openai").errors().get(0).message().contains("no billing period"));
    }

    @Test
    void kindInference() {
        assertEquals(InvoiceLine.Kind.TAX, InvoiceCsvReader.kind(null, "VAT (20%)", new BigDecimal("5"), "type"));
        assertEquals(InvoiceLine.Kind.CREDIT, InvoiceCsvReader.kind(null, "Startup credits applied", new BigDecimal("-5"), "type"));
        assertEquals(InvoiceLine.Kind.CREDIT, InvoiceCsvReader.kind(null, "Goodwill", new BigDecimal("-5"), "type"));
        assertEquals(InvoiceLine.Kind.FEE, InvoiceCsvReader.kind(null, "Platform fee", new BigDecimal("5"), "type"));
        assertEquals(InvoiceLine.Kind.USAGE, InvoiceCsvReader.kind(null, "Claude Sonnet 4.6 usage", new BigDecimal("5"), "type"));
        assertEquals(InvoiceLine.Kind.USAGE, InvoiceCsvReader.kind(null, "Taxonomy API", new BigDecimal("5"), "type")); // a word, not "tax"
    }

    @Test
    void aPositiveCreditIsReadAsNegativeWithAWarning(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("c.csv");
        Files.writeString(f, "invoice,month,description,type,amount\nI-1,May 2026,Usage,usage,100\nI-1,May 2026,Credit applied,credit,30\n");
        InvoiceRead r = InvoiceCsvReader.read(f, "openai");
        assertAmount("70", r.invoices().get(0).total());
        assertTrue(r.problems().get(0).message().contains("read as -30"));
    }
}

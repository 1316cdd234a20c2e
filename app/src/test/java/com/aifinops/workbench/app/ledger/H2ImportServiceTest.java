package com.aifinops.workbench.app.ledger;

import com.aifinops.workbench.app.bench.ImportBenchmark;
import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.model.ledger.DailyRollup;
import com.aifinops.workbench.model.ledger.ImportBatch;
import com.aifinops.workbench.model.ledger.ImportResult;
import com.aifinops.workbench.model.ledger.ImportService;
import com.aifinops.workbench.model.ledger.ImportService.RejectPolicy;
import com.aifinops.workbench.model.usage.ImportProblem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static com.aifinops.workbench.app.ledger.LedgerFixtures.contentDigest;
import static com.aifinops.workbench.app.ledger.LedgerFixtures.count;
import static com.aifinops.workbench.app.ledger.LedgerFixtures.decimal;
import static com.aifinops.workbench.app.ledger.LedgerFixtures.fixture;
import static com.aifinops.workbench.app.ledger.LedgerFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ledger on a real H2 file database. The fixture {@code spendlogs-june.csv} (hand-written LiteLLM spend logs,
 * priced with the built-in catalogue):
 * <pre>
 * line 2 req-1 gpt-5.5  2026-06-01  prompt 1500 (500 cached) out 750  spend 0.028125
 *        priced 1000×$5 + 500×$0.50 + 750×$30 per MTok = 0.005 + 0.00025 + 0.0225 = 0.02775
 * line 3 req-2 gpt-5.5  2026-06-01  prompt 2000             out 1000 spend 0.03
 *        priced 2000×$5 + 1000×$30 = 0.01 + 0.03 = 0.04
 * line 4 req-3 claude-sonnet-4-6 2026-06-02 prompt 10000 (6000 read, 2000 written 5m) out 500 spend 0.0228
 *        priced 2000×$3 + 6000×$0.30 + 2000×$3.75 + 500×$15 = 0.006 + 0.0018 + 0.0075 + 0.0075 = 0.0228
 * line 5 req-4 acme-llm-1 (not in the catalogue) 2026-06-02 prompt 100 out 50 spend 0.004075 → unpriced
 * billed 0.028125 + 0.03 + 0.0228 + 0.004075 = 0.085 exactly ($0.09 half-up; half-even would say $0.08)
 * priced 0.02775 + 0.04 + 0.0228 = 0.09055; input 13,600 tokens, output 2,300
 * </pre>
 */
class H2ImportServiceTest {
    @TempDir
    Path dir;
    Database db;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(dir.resolve("ledger"));
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    private H2ImportService service(boolean keepRows) {
        return new H2ImportService(db, H2ImportService.Options.DEFAULT.withKeepRows(keepRows));
    }

    private ImportResult importFile(H2ImportService s, Path file, RejectPolicy policy) throws Exception {
        return s.importFile(file, null, policy, ImportService.ImportProgress.NONE);
    }

    @ParameterizedTest(name = "keep rows {0}")
    @ValueSource(booleans = {true, false})
    void importsTheFixtureWithHandComputedTotals(boolean keepRows) throws Exception {
        ImportResult r = importFile(service(keepRows), fixture(dir, "spendlogs-june.csv"), RejectPolicy.ALL_OR_NOTHING);

        assertEquals(ImportResult.Status.IMPORTED, r.status());
        assertEquals("litellm-spendlogs", r.format());
        assertEquals(4, r.imported());
        assertEquals(0, r.rejected());
        assertEquals(0, new BigDecimal("0.085").compareTo(r.billedCost()));
        assertEquals(List.of("acme-llm-1"), r.unpricedModels());
        assertEquals(0, new BigDecimal("0.09055").compareTo(new LedgerQueries(db).batchPricedCost(r.batchId())));

        assertEquals(4, count(db, "SELECT SUM(requests) FROM usage_daily"));
        assertEquals(13_600, count(db, "SELECT SUM(uncached_input + cache_read + cache_write_5m + cache_write_1h) FROM usage_daily"));
        assertEquals(6_000 + 500, count(db, "SELECT SUM(cache_read) FROM usage_daily"));
        assertEquals(2_000, count(db, "SELECT SUM(cache_write_5m) FROM usage_daily"));
        assertEquals(2_300, count(db, "SELECT SUM(output_tokens) FROM usage_daily"));
        assertEquals(0, new BigDecimal("0.085").compareTo(decimal(db, "SELECT SUM(billed_cost) FROM usage_daily")));
        assertEquals("0.09", com.aifinops.workbench.model.Usd.cents(decimal(db, "SELECT SUM(billed_cost) FROM usage_daily")).toPlainString());
        assertEquals(0, new BigDecimal("0.06775").compareTo(decimal(db, "SELECT SUM(priced_cost) FROM usage_daily WHERE model_id = 'gpt-5.5'")));
        assertEquals(0, new BigDecimal("0.0228").compareTo(decimal(db,
                "SELECT SUM(priced_cost) FROM usage_daily WHERE model_id = 'claude-sonnet-4.6'")));
        // 2 gpt-5.5 requests of alice on June 1 with the same tags share one rollup row; June 2 has two models
        assertEquals(3, count(db, "SELECT COUNT(*) FROM usage_daily"));
        assertEquals(keepRows ? 4 : 0, count(db, "SELECT COUNT(*) FROM usage_row"));
        if (keepRows) {
            assertEquals(0, new BigDecimal("0.02775").compareTo(decimal(db, "SELECT priced_cost FROM usage_row WHERE source_line = 2")));
            assertEquals(1000, count(db, "SELECT uncached_input FROM usage_row WHERE source_line = 2"));
        }
    }

    /**
     * Gemini 2.5 Pro bills a whole request above 200K prompt tokens at $2.50 / $15 instead of $1.25 / $10:
     * 250,000 in + 1,000 out = 0.625 + 0.015 = 0.64; 1,000 in + 100 out = 0.00125 + 0.001 = 0.00225; total 0.64225.
     * (Pricing the day's sums at one tier would give 0.644 or less.) Rollups priced from their sums agree exactly
     * with rows priced one by one.
     */
    @ParameterizedTest(name = "keep rows {0}")
    @ValueSource(booleans = {true, false})
    void eachRequestIsPricedAtItsContextTier(boolean keepRows) throws Exception {
        String header = java.nio.file.Files.readString(fixture(dir, "spendlogs-june.csv")).lines().findFirst().orElseThrow();
        Path f = write(dir, "gemini.csv", header + "\n"
                + "g1,acompletion,hk,0.64,251000,250000,1000,2026-06-03 10:00:00,,gemini-2.5-pro,,gemini,u,t,,{},[],False,success\n"
                + "g2,acompletion,hk,0.00225,1100,1000,100,2026-06-03 11:00:00,,gemini-2.5-pro,,gemini,u,t,,{},[],False,success\n");
        ImportResult r = importFile(service(keepRows), f, RejectPolicy.ALL_OR_NOTHING);

        assertEquals(0, new BigDecimal("0.64225").compareTo(new LedgerQueries(db).batchPricedCost(r.batchId())));
        assertEquals(0, new BigDecimal("0.64225").compareTo(decimal(db, "SELECT SUM(priced_cost) FROM usage_daily")));
        assertEquals(2, count(db, "SELECT COUNT(*) FROM usage_daily")); // one rollup per tier
    }

    @Test
    void anUnknownModelIsUnpricedNotZero() throws Exception {
        importFile(service(true), fixture(dir, "spendlogs-june.csv"), RejectPolicy.ALL_OR_NOTHING);

        assertEquals(1, count(db, "SELECT COUNT(*) FROM usage_daily WHERE model_raw = 'acme-llm-1' AND model_id IS NULL AND priced_cost IS NULL"));
        assertEquals(1, count(db, "SELECT COUNT(*) FROM usage_row WHERE model_raw = 'acme-llm-1' AND model_id IS NULL AND priced_cost IS NULL"));
        assertEquals(0, count(db, "SELECT COUNT(*) FROM usage_daily WHERE priced_cost = 0"));
        DailyRollup acme = new LedgerQueries(db).dailyRollups(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 7, 1)).stream()
                .filter(d -> d.modelRaw().equals("acme-llm-1")).findFirst().orElseThrow();
        assertFalse(acme.priced());
        assertNull(acme.pricedCost());
        assertEquals(0, new BigDecimal("0.004075").compareTo(acme.billedCost()));
    }

    @Test
    void dailyRollupsMapEveryDimension() throws Exception {
        importFile(service(false), fixture(dir, "spendlogs-june.csv"), RejectPolicy.ALL_OR_NOTHING);

        List<DailyRollup> june1 = new LedgerQueries(db).dailyRollups(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 2));
        assertEquals(1, june1.size());
        DailyRollup d = june1.get(0);
        assertEquals(LocalDate.of(2026, 6, 1), d.day());
        assertEquals("openai", d.provider());
        assertEquals("gpt-5.5", d.modelId());
        assertEquals("alice", d.allocation().user());
        assertEquals("team-search", d.allocation().team());
        assertEquals("hk-alice", d.allocation().apiKey());
        assertEquals("cust-1", d.allocation().customer());
        assertEquals(Map.of("prod", "", "feature", "search"), d.allocation().tags());
        assertEquals(2, d.requests());
        assertEquals(1000 + 2000, d.uncachedInput());
        assertEquals(500, d.cacheRead());
        assertEquals(1750, d.outputTokens());
        assertEquals(0, new BigDecimal("0.06775").compareTo(d.pricedCost()));
        assertEquals(0, new BigDecimal("0.058125").compareTo(d.billedCost()));
    }

    @Test
    void importingTheSameFileTwiceIsADuplicateAndChangesNothing() throws Exception {
        H2ImportService s = service(false);
        Path file = fixture(dir, "spendlogs-june.csv");
        importFile(s, file, RejectPolicy.ALL_OR_NOTHING);
        String before = contentDigest(db);

        ImportResult again = importFile(s, write(dir, "copy-of-june.csv", java.nio.file.Files.readString(file)), RejectPolicy.ALL_OR_NOTHING);

        assertEquals(ImportResult.Status.DUPLICATE, again.status());
        assertEquals(4, again.duplicates());
        assertEquals(0, again.imported());
        assertNull(again.batchId());
        assertEquals(before, contentDigest(db));
        assertEquals(0, new BigDecimal("0.085").compareTo(decimal(db, "SELECT SUM(billed_cost) FROM usage_daily")));
        assertEquals(1, s.batches().size());
    }

    @Test
    void aBadValueRejectsTheWholeFileAndLeavesTheDatabaseUnchanged() throws Exception {
        H2ImportService s = service(true);
        importFile(s, fixture(dir, "spendlogs-june02-restated.csv"), RejectPolicy.ALL_OR_NOTHING);
        String before = contentDigest(db);

        Path bad = fixture(dir, "spendlogs-june-bad-line3.csv");
        ImportResult r = importFile(s, bad, RejectPolicy.ALL_OR_NOTHING);

        assertEquals(ImportResult.Status.REJECTED, r.status());
        assertEquals(1, r.rejected());
        assertEquals(0, r.imported());
        assertNull(r.batchId());
        ImportProblem p = r.problems().get(0);
        assertEquals(bad.toString(), p.file());
        assertEquals(3, p.line());
        assertEquals("prompt_tokens", p.column());
        assertEquals("2O00", p.value());
        assertTrue(p.message().contains("whole number"), p.message());
        assertEquals(before, contentDigest(db));
    }

    @Test
    void validRestKeepsTheValidLinesAndRecordsTheRejectedOne() throws Exception {
        H2ImportService s = service(true);
        ImportResult r = importFile(s, fixture(dir, "spendlogs-june-bad-line3.csv"), RejectPolicy.IMPORT_VALID_REST);

        assertEquals(ImportResult.Status.IMPORTED, r.status());
        assertEquals(3, r.imported());
        assertEquals(1, r.rejected());
        // without req-2 (0.03): 0.085 − 0.03 = 0.055
        assertEquals(0, new BigDecimal("0.055").compareTo(r.billedCost()));
        assertEquals(3, count(db, "SELECT SUM(requests) FROM usage_daily"));
        List<ImportProblem> recorded = s.problems(r.batchId());
        assertEquals(1, recorded.size());
        assertEquals(3, recorded.get(0).line());
        assertEquals("2O00", recorded.get(0).value());
        assertEquals(ImportProblem.Severity.ERROR, recorded.get(0).severity());
        ImportBatch b = s.batches().get(0);
        assertEquals(3, b.rows());
        assertEquals(1, b.rejected());
    }

    @Test
    void unknownColumnsAreWarningsAndNeverReject() throws Exception {
        String csv = java.nio.file.Files.readString(fixture(dir, "spendlogs-june.csv"));
        String[] lines = csv.split("\n");
        StringBuilder b = new StringBuilder(lines[0]).append(",shoe_size\n");
        for (int i = 1; i < lines.length; i++) b.append(lines[i]).append(",44\n");
        H2ImportService s = service(false);
        ImportResult r = importFile(s, write(dir, "extra-column.csv", b.toString()), RejectPolicy.ALL_OR_NOTHING);

        assertEquals(ImportResult.Status.IMPORTED, r.status());
        assertEquals(4, r.imported());
        assertEquals(1, r.problems().size());
        assertEquals(ImportProblem.Severity.WARNING, r.problems().get(0).severity());
        assertEquals("shoe_size", r.problems().get(0).column());
        assertEquals(1, s.problems(r.batchId()).size());
        assertEquals(1, s.batches().get(0).warnings());
    }

    @ParameterizedTest(name = "keep rows {0}")
    @ValueSource(booleans = {true, false})
    void aRestatingFileReplacesTheOverlappingPeriod(boolean keepRows) throws Exception {
        H2ImportService s = service(keepRows);
        ImportResult first = importFile(s, fixture(dir, "spendlogs-june.csv"), RejectPolicy.ALL_OR_NOTHING);

        // June 2 restated: req-3 now with 1000 output tokens, req-4 gone, req-5 new
        ImportResult restated = importFile(s, fixture(dir, "spendlogs-june02-restated.csv"), RejectPolicy.ALL_OR_NOTHING);

        assertEquals(ImportResult.Status.IMPORTED, restated.status());
        assertEquals(2, restated.imported());
        assertEquals(2, restated.replaced()); // req-3 and req-4 of the first file
        // June 1 of the first file (2 requests) + the restated June 2 (2)
        assertEquals(4, count(db, "SELECT SUM(requests) FROM usage_daily"));
        // 0.028125 + 0.03 (June 1) + 0.0303 + 0.01 (restated)
        assertEquals(0, new BigDecimal("0.098425").compareTo(decimal(db, "SELECT SUM(billed_cost) FROM usage_daily")));
        // priced: 0.06775 (June 1) + claude 2000×3 + 6000×0.3 + 2000×3.75 + 1000×15 = 0.0303 + gpt-5.5 2000×5 = 0.01
        assertEquals(0, new BigDecimal("0.10805").compareTo(decimal(db, "SELECT SUM(priced_cost) FROM usage_daily")));
        assertEquals(0, count(db, "SELECT COUNT(*) FROM usage_daily WHERE model_raw = 'acme-llm-1'"));
        assertEquals(keepRows ? 4 : 0, count(db, "SELECT COUNT(*) FROM usage_row"));
        ImportBatch old = s.batches().stream().filter(b -> b.id() == first.batchId()).findFirst().orElseThrow();
        assertEquals(2, old.rows());
        // the first file stays known: importing it again is a duplicate, it does not undo the restatement
        assertEquals(ImportResult.Status.DUPLICATE, importFile(s, dir.resolve("spendlogs-june.csv"), RejectPolicy.ALL_OR_NOTHING).status());
    }

    @Test
    void withRowsKeptARestatementInsideADayKeepsTheRestOfThatDay() throws Exception {
        H2ImportService s = service(true);
        importFile(s, fixture(dir, "spendlogs-june.csv"), RejectPolicy.ALL_OR_NOTHING);
        String header = java.nio.file.Files.readString(dir.resolve("spendlogs-june.csv")).lines().findFirst().orElseThrow();
        // restates 2026-06-02 11:00 to 13:00:01 only: req-4 (12:00) goes, req-3 (08:00) stays
        Path partial = write(dir, "afternoon.csv", header + "\n"
                + "req-6,acompletion,hk-bob,0.002,100,100,0,2026-06-02 11:00:00,2026-06-02 11:00:01,gpt-5.5,gpt-5.5,openai,bob,team-support,,{},[],False,success\n"
                + "req-7,acompletion,hk-bob,0.002,100,100,0,2026-06-02 13:00:00,2026-06-02 13:00:01,gpt-5.5,gpt-5.5,openai,bob,team-support,,{},[],False,success\n");

        ImportResult r = importFile(s, partial, RejectPolicy.ALL_OR_NOTHING);

        assertEquals(1, r.replaced());
        assertEquals(1, count(db, "SELECT SUM(requests) FROM usage_daily WHERE model_raw = 'claude-sonnet-4-6' AND usage_day = DATE '2026-06-02'"));
        assertEquals(0, count(db, "SELECT COUNT(*) FROM usage_daily WHERE model_raw = 'acme-llm-1'"));
        // 2 (June 1) + req-3 + req-6 + req-7
        assertEquals(5, count(db, "SELECT SUM(requests) FROM usage_daily"));
        assertEquals(count(db, "SELECT COUNT(*) FROM usage_row"), count(db, "SELECT SUM(source_rows) FROM usage_daily"));
    }

    @Test
    void rollupsOnlyRestateWholeDaysAndSaySoWhenTheEarlierFileHadMoreOfThatDay() throws Exception {
        H2ImportService s = service(false);
        ImportResult first = importFile(s, fixture(dir, "spendlogs-june.csv"), RejectPolicy.ALL_OR_NOTHING);
        String header = java.nio.file.Files.readString(dir.resolve("spendlogs-june.csv")).lines().findFirst().orElseThrow();
        Path partial = write(dir, "afternoon.csv", header + "\n"
                + "req-6,acompletion,hk-bob,0.002,100,100,0,2026-06-02 11:00:00,2026-06-02 11:00:01,gpt-5.5,gpt-5.5,openai,bob,team-support,,{},[],False,success\n");

        ImportResult r = importFile(s, partial, RejectPolicy.ALL_OR_NOTHING);

        // without source rows June 2 goes as a whole: req-3 (08:00) with req-4 (12:00)
        assertEquals(2, r.replaced());
        assertEquals(3, count(db, "SELECT SUM(requests) FROM usage_daily"));
        ImportProblem w = r.problems().get(0);
        assertEquals(ImportProblem.Severity.WARNING, w.severity());
        assertTrue(w.message().contains("2026-06-02") && w.message().contains("batch " + first.batchId())
                && w.message().contains("--keep-rows"), w.message());
        assertEquals(ImportResult.Status.IMPORTED, r.status());
    }

    @Test
    void aFileOfAnotherSourceDoesNotReplace() throws Exception {
        H2ImportService s = service(false);
        importFile(s, fixture(dir, "spendlogs-june.csv"), RejectPolicy.ALL_OR_NOTHING);
        // same period, but every line names organisation org-b: another source
        String csv = java.nio.file.Files.readString(fixture(dir, "spendlogs-june02-restated.csv"))
                .replace("cache_hit,status", "cache_hit,status,organization_id").replace(",success\n", ",success,org-b\n");
        ImportResult r = importFile(s, write(dir, "org-b.csv", csv), RejectPolicy.ALL_OR_NOTHING);

        assertEquals(0, r.replaced());
        assertEquals(6, count(db, "SELECT SUM(requests) FROM usage_daily"));
    }

    @Test
    void cancellingMidImportLeavesNothing() throws Exception {
        H2ImportService s = service(true);
        importFile(s, fixture(dir, "spendlogs-june.csv"), RejectPolicy.ALL_OR_NOTHING);
        String before = contentDigest(db);
        Path big = dir.resolve("big.csv");
        ImportBenchmark.generate(big, 30_000, 7);
        AtomicInteger calls = new AtomicInteger();

        ImportResult r = s.importFile(big, null, RejectPolicy.ALL_OR_NOTHING, new ImportService.ImportProgress() {
            @Override
            public void progress(long rows, long bytes, long totalBytes) {
                calls.incrementAndGet();
                assertTrue(bytes > 0 && bytes < totalBytes, bytes + " of " + totalBytes);
            }

            @Override
            public boolean cancelled() {
                return calls.get() >= 2; // after 10,000 rows were written
            }
        });

        assertEquals(ImportResult.Status.CANCELLED, r.status());
        assertNull(r.batchId());
        assertEquals(before, contentDigest(db));
    }

    @Test
    void progressIsReportedEveryFewThousandRows() throws Exception {
        Path big = dir.resolve("big.csv");
        ImportBenchmark.generate(big, 12_000, 3);
        List<Long> rows = new java.util.ArrayList<>();
        ImportResult r = service(false).importFile(big, null, RejectPolicy.ALL_OR_NOTHING, new ImportService.ImportProgress() {
            @Override
            public void progress(long n, long bytes, long totalBytes) {
                rows.add(n);
            }
        });
        assertEquals(12_000, r.imported());
        assertEquals(List.of(5_000L, 10_000L, 12_000L), rows);
        // the generated rows sum to what the rollups hold
        assertEquals(12_000, count(db, "SELECT SUM(source_rows) FROM usage_daily"));
        assertEquals(0, r.billedCost().compareTo(decimal(db, "SELECT SUM(billed_cost) FROM usage_daily")));
    }

    @Test
    void removingABatchRemovesItsRowsRollupsAndProblems() throws Exception {
        H2ImportService s = service(true);
        // another source (organisation org-b), so the second file restates nothing of it
        String csv = java.nio.file.Files.readString(fixture(dir, "spendlogs-june02-restated.csv"))
                .replace("cache_hit,status", "cache_hit,status,organization_id").replace(",success\n", ",success,org-b\n");
        ImportResult keep = importFile(s, write(dir, "org-b.csv", csv), RejectPolicy.ALL_OR_NOTHING);
        String before = contentDigest(db);
        ImportResult r = importFile(s, fixture(dir, "spendlogs-june-bad-line3.csv"), RejectPolicy.IMPORT_VALID_REST);
        assertEquals(0, r.replaced());
        assertEquals(3, count(db, "SELECT COUNT(*) FROM usage_daily WHERE batch_id = " + r.batchId()));
        assertEquals(3, count(db, "SELECT COUNT(*) FROM usage_row WHERE batch_id = " + r.batchId()));
        assertEquals(1, count(db, "SELECT COUNT(*) FROM import_problem WHERE batch_id = " + r.batchId()));

        assertTrue(s.removeBatch(r.batchId()));

        assertEquals(before, contentDigest(db));
        assertFalse(s.removeBatch(r.batchId()));
        assertEquals(List.of(keep.batchId()), s.batches().stream().map(ImportBatch::id).toList());
    }

    @Test
    void anUndetectableFileIsRejectedWithAReason() throws Exception {
        Path f = write(dir, "notes.txt", "hello\nworld\n");
        ImportResult r = importFile(service(false), f, RejectPolicy.ALL_OR_NOTHING);
        assertEquals(ImportResult.Status.REJECTED, r.status());
        assertNull(r.format());
        assertTrue(r.problems().get(0).message().contains("--format"));
        assertEquals(0, count(db, "SELECT COUNT(*) FROM import_batch"));
    }

    @Test
    void aFileWithoutARequiredColumnIsRejectedEvenWhenKeepingValidLines() throws Exception {
        Path f = write(dir, "no-spend.csv", "request_id,call_type,startTime,model,prompt_tokens,completion_tokens\n"
                + "r1,acompletion,2026-06-01 00:00:00,gpt-5.5,10,10\n");
        ImportResult r = importFile(service(false), f, RejectPolicy.IMPORT_VALID_REST);
        assertEquals(ImportResult.Status.REJECTED, r.status());
        assertEquals("spend", r.problems().get(0).column());
        assertEquals(0, count(db, "SELECT COUNT(*) FROM import_batch"));
    }
}

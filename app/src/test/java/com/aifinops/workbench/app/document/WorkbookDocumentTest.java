package com.aifinops.workbench.app.document;

import com.aifinops.workbench.app.JsonWorkbookStore;
import com.aifinops.workbench.app.SampleWorkbook;
import com.aifinops.workbench.importers.io.AtomicFiles;
import com.aifinops.workbench.importers.workbook.WorkbookJson;
import com.aifinops.workbench.model.workbook.WorkbookStore;
import com.aifinops.workbench.model.workload.Workload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkbookDocumentTest {
    @TempDir
    Path dir;

    private final WorkbookStore store = new JsonWorkbookStore();

    private WorkbookDocument doc() {
        return new WorkbookDocument(store, w -> w, SampleWorkbook.load(), null);
    }

    @Test
    void editsMarkDirtyAndTheTitleSaysSo() throws Exception {
        WorkbookDocument d = doc();
        assertFalse(d.dirty());
        assertEquals("Sample: RAG support agent — App", d.title("App"));
        Workload w = d.current().workloads().get(0);
        d.editWorkload(0, w.withCacheHitRate(new BigDecimal("0.5000")));
        assertFalse(d.dirty(), "0.5000 is the same figure as 0.50");
        d.editWorkload(0, w.withCacheHitRate(new BigDecimal("0.80")));
        assertTrue(d.dirty());
        assertEquals("*Sample: RAG support agent — App", d.title("App"));
        Path f = dir.resolve("mine.afw.json");
        d.saveAs(f);
        assertFalse(d.dirty());
        assertEquals("mine.afw.json — App", d.title("App"));
        assertEquals(new BigDecimal("0.80"), WorkbookJson.read(f).workloads().get(0).cacheHitRate(), "the studio's edit is saved");
        d.editWorkload(0, w.withOverhead(new BigDecimal("1.50")));
        d.save();
        assertEquals(new BigDecimal("0.80"), WorkbookJson.read(AtomicFiles.backupOf(f)).workloads().get(0).cacheHitRate(),
                "the previous save is the backup");
    }

    @Test
    void autosaveWritesOnlyWhenDirtyAndIsOfferedBack() throws Exception {
        WorkbookDocument d = doc();
        Path rec = dir.resolve("recovery");
        try (Autosaver a = new Autosaver(rec, d, e -> { throw new AssertionError(e); })) {
            a.tick();
            assertFalse(Files.exists(a.recoveryFile()), "nothing to recover while clean");
            Path f = dir.resolve("w.afw.json");
            d.saveAs(f);
            d.editWorkload(0, d.current().workloads().get(0).withOverhead(new BigDecimal("2.00")));
            a.tick();
            var pending = Autosaver.pending(rec).orElseThrow();
            assertEquals(new BigDecimal("2.00"), pending.workbook().workloads().get(0).overhead());
            assertEquals(f.toAbsolutePath(), pending.originalFile());
            a.clear();
            assertTrue(Autosaver.pending(rec).isEmpty());
        }
    }

    @Test
    void autosaveRunsOnItsOwnThreadPeriodically() throws Exception {
        WorkbookDocument d = doc();
        d.editWorkload(0, d.current().workloads().get(0).withOverhead(new BigDecimal("2.00")));
        Path rec = dir.resolve("recovery");
        try (Autosaver a = new Autosaver(rec, d, e -> { })) {
            a.start(1);
            long deadline = System.currentTimeMillis() + 5000;
            while (Autosaver.pending(rec).isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            var pending = Autosaver.pending(rec).orElseThrow();
            assertNull(pending.originalFile(), "never saved: no original file");
        }
    }

    @Test
    void aDamagedRecoveryFileIsIgnored() throws Exception {
        Path rec = Files.createDirectories(dir.resolve("recovery"));
        Files.writeString(rec.resolve("autosave.afw.json"), "{ half a wor");
        assertTrue(Autosaver.pending(rec).isEmpty());
    }
}

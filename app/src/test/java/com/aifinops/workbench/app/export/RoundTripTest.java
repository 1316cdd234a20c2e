package com.aifinops.workbench.app.export;

import com.aifinops.workbench.app.TestWorkbooks;
import com.aifinops.workbench.importers.workbook.WorkbookJson;
import com.aifinops.workbench.model.workbook.Workbook;
import com.aifinops.workbench.pricing.catalog.BuiltInCatalog;
import com.aifinops.workbench.pricing.catalog.PriceCatalog;
import com.aifinops.workbench.pricing.engine.WorkbookCosts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Save → open reproduces every figure exactly, also where the opening machine's catalogue differs. */
class RoundTripTest {
    @TempDir
    Path dir;

    @Test
    void saveThenOpenGivesIdenticalFigures() throws Exception {
        Workbook wb = WorkbookCosts.withPricesUsed(TestWorkbooks.richer(), BuiltInCatalog.get());
        Path f = dir.resolve("rt.afw.json");
        WorkbookJson.write(wb, f);
        Workbook back = WorkbookJson.read(f);
        assertEquals(wb, back);
        List<WorkbookCosts.Case> before = WorkbookCosts.of(wb, BuiltInCatalog.get());
        // the reader's machine has no catalogue at all: the workbook's own price rows reproduce everything
        List<WorkbookCosts.Case> after = WorkbookCosts.of(back, new PriceCatalog(List.of()));
        assertEquals(18, before.size()); // 4 + 3 base, 7 + 4 under the two scenarios
        assertEquals(before, after, "every case: workload, price row and exact cost (BigDecimal equals, scale included)");
    }

    @Test
    void aMigratedVersion1FileGivesTheSameFiguresAsTheSample() throws Exception {
        Workbook v1 = WorkbookJson.read(TestWorkbooks.v1(dir));
        Workbook sample = WorkbookJson.read(TestWorkbooks.sample(dir));
        List<WorkbookCosts.Case> a = WorkbookCosts.of(v1, new PriceCatalog(List.of()));
        List<WorkbookCosts.Case> b = WorkbookCosts.of(sample, new PriceCatalog(List.of())).subList(0, a.size());
        assertEquals(b, a);
    }
}

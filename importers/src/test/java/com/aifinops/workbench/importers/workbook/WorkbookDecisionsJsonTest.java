package com.aifinops.workbench.importers.workbook;

import com.aifinops.workbench.model.decision.Decisions;
import com.aifinops.workbench.model.workbook.Workbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The optional {@code decisions} section: read, written back exactly, absent as none, bad values named. */
class WorkbookDecisionsJsonTest {
    private static final Path SAMPLE = Path.of("../app/src/main/resources/samples/rag-support-agent.afw.json");

    @TempDir
    Path dir;

    @Test
    void theSamplesDecisionsRoundTripExactly() throws Exception {
        Workbook wb = WorkbookJson.read(SAMPLE);
        Decisions d = wb.decisions();
        assertEquals(3, d.tco().apis().size());
        assertEquals(new BigDecimal("3.00"), d.tco().neoclouds().get(0).gpuHourUsd());
        assertEquals(8, d.tco().factories().get(0).capacity().gpusPerStep());
        assertEquals(24, d.provisioned().get(0).demandProfile().size());
        assertEquals("OpenAI", d.negotiations().get(0).provider());
        Path f = dir.resolve("back.afw.json");
        WorkbookJson.write(wb, f);
        assertEquals(wb, WorkbookJson.read(f));
        assertFalse(Files.readString(f).contains("\"hasOptions\""), "only the record components are written");
    }

    @Test
    void aWorkbookWithoutDecisionsReadsAsNoneAndWritesNoSection() throws Exception {
        Workbook wb = WorkbookFixtures.full();
        assertFalse(wb.decisions().hasAny());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WorkbookJson.write(wb, out);
        assertFalse(out.toString(StandardCharsets.UTF_8).contains("decisions"));
    }

    @Test
    void aBadDecisionValueNamesItsPath() throws Exception {
        String json = Files.readString(SAMPLE).replace("\"utilisation\" : 0.55", "\"utilisation\" : 1.55");
        Path f = dir.resolve("bad.afw.json");
        Files.writeString(f, json);
        WorkbookFormatException e = assertThrows(WorkbookFormatException.class, () -> WorkbookJson.read(f));
        assertTrue(e.getMessage().contains("decisions.tco.neoclouds[0].capacity"), e.getMessage());
        assertTrue(e.getMessage().contains("utilisation must be between 0 and 1: 1.55"), e.getMessage());
    }
}

package com.aifinops.workbench.importers.workbook;

import com.aifinops.workbench.model.price.ModelPrice;
import com.aifinops.workbench.model.price.TokenPrices;
import com.aifinops.workbench.model.workbook.Workbook;
import com.aifinops.workbench.model.workload.Workload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkbookJsonTest {
    @TempDir
    Path dir;

    private static Workbook sample() {
        Workload w = new Workload("RAG", new BigDecimal("10000"), new BigDecimal("10"), new BigDecimal("1500"),
                new BigDecimal("750"), new BigDecimal("0.5"), new BigDecimal("1.20"), 30, "gpt-5.5");
        ModelPrice p = new ModelPrice("gpt-5.5", "GPT-5.5", "OpenAI", List.of(), TokenPrices.of("5.00", "0.50", "30.00"),
                "article", "2026-06-20");
        return new Workbook("Sample", List.of(w), List.of("gpt-5-mini"), List.of(p));
    }

    @Test
    void roundTripKeepsEveryValueExactly() throws Exception {
        Path f = dir.resolve("a.afw.json");
        WorkbookJson.write(sample(), f);
        Workbook back = WorkbookJson.read(f);
        assertEquals(sample(), back);
        assertEquals(new BigDecimal("1.20"), back.workloads().get(0).overhead(), "scale kept: 1.20 not 1.2");
    }

    @Test
    void newerSchemaIsRefusedWithAClearMessage() throws Exception {
        Path f = dir.resolve("new.afw.json");
        Files.writeString(f, "{\"format\":\"ai-finops-workbook\",\"schemaVersion\":99,\"name\":\"x\",\"workloads\":[]}");
        WorkbookFormatException e = assertThrows(WorkbookFormatException.class, () -> WorkbookJson.read(f));
        assertTrue(e.getMessage().contains("newer version"), e.getMessage());
    }

    @Test
    void damagedFileNamesLineAndColumn() throws Exception {
        Path f = dir.resolve("bad.afw.json");
        Files.writeString(f, "{\"format\":\"ai-finops-workbook\",\n\"schemaVersion\":1,\n\"workloads\": [ { \"users\": } ]}",
                StandardCharsets.UTF_8);
        WorkbookFormatException e = assertThrows(WorkbookFormatException.class, () -> WorkbookJson.read(f));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    }

    @Test
    void failedWriteLeavesPreviousFileIntact() throws Exception {
        Path f = dir.resolve("keep.afw.json");
        WorkbookJson.write(sample(), f);
        String before = Files.readString(f);
        assertThrows(NullPointerException.class, () -> WorkbookJson.write(null, f), "a write that fails midway");
        assertEquals(before, Files.readString(f));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }
}

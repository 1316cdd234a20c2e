package com.aifinops.workbench.importers.workbook;

import com.aifinops.workbench.model.workbook.Workbook;
import com.aifinops.workbench.model.workload.Conversation;
import com.aifinops.workbench.model.workload.VolumeBasis;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The optional modelling keys (volume, conversation, overhead parts, outcome, routing mixes, levers) read, write and validate. */
class ModelingSectionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static Workbook portfolio() throws Exception {
        try (InputStream in = ModelingSectionsTest.class.getResourceAsStream("/workbooks/support-portfolio.afw.json")) {
            return WorkbookJson.read(in, "support-portfolio.afw.json");
        }
    }

    @Test
    void theOptionalKeysAreRead() throws Exception {
        Workbook wb = portfolio();
        assertEquals(3, wb.workloads().size());
        var chat = wb.workloads().get(1);
        assertEquals(VolumeBasis.CONVERSATIONS, chat.volume());
        assertEquals(Conversation.HistoryCap.SLIDING_WINDOW, chat.conversation().cap());
        assertEquals(4, chat.conversation().windowTurns());
        // overhead parts compound: 1.05 · 1.02 · 1.10 · 1.03 = 1.213443 (the file's "overhead": 1 is replaced)
        assertEquals(0, new BigDecimal("1.213443").compareTo(chat.overhead()));
        assertEquals("resolved ticket", wb.workloads().get(0).outcome().unit());
        assertEquals(0, new BigDecimal("600000").compareTo(wb.workloads().get(2).requestsPerMonth()));
        assertEquals("frontier", wb.routingMixes().get(0).mix().shares().get(1).qualityTier());
        assertEquals(0, new BigDecimal("600").compareTo(wb.levers().get(0).outputCapTokens()));
        assertEquals(7, wb.scenarios().get(0).priceChanges().get(0).fromMonth());
    }

    @Test
    void writtenAndReadBackUnchangedAndValidAgainstTheSchema() throws Exception {
        Workbook wb = portfolio();
        Path f = dir.resolve("p.afw.json");
        WorkbookJson.write(wb, f);
        assertEquals(wb, WorkbookJson.read(f));
        try (InputStream in = WorkbookJson.class.getResourceAsStream(WorkbookJson.SCHEMA_RESOURCE)) {
            assertEquals(List.of(), new SchemaSubsetValidator(JSON.readTree(in)).validate(JSON.readTree(f.toFile())));
        }
        assertEquals(2, JSON.readTree(f.toFile()).get("schemaVersion").asInt(), "optional keys do not bump the version");
    }

    @Test
    void anOlderFileWithoutTheKeysReadsWithDefaults() throws Exception {
        Workbook wb = WorkbookJson.read(Path.of("../app/src/main/resources/samples/rag-support-agent.afw.json"));
        var w = wb.workloads().get(0);
        assertEquals(VolumeBasis.USERS_PER_DAY, w.volume());
        assertEquals(0, w.reasoningTokens().signum());
        assertNull(w.conversation());
        assertTrue(wb.routingMixes().isEmpty() && wb.levers().isEmpty());
    }

    @Test
    void aSummaryLongerThanItsTriggerIsRejectedWithItsPath() throws Exception {
        String bad = new String(ModelingSectionsTest.class.getResourceAsStream("/workbooks/support-portfolio.afw.json").readAllBytes())
                .replace("\"cap\" : \"SLIDING_WINDOW\", \"windowTurns\" : 4", "\"cap\" : \"SUMMARY\", \"summaryTriggerTokens\" : 100, \"summaryTokens\" : 500");
        var e = org.junit.jupiter.api.Assertions.assertThrows(WorkbookFormatException.class,
                () -> WorkbookJson.read(new java.io.ByteArrayInputStream(bad.getBytes()), "bad.afw.json"));
        assertTrue(e.getMessage().contains("workloads[1]") && e.getMessage().contains("summary"), e.getMessage());
    }
}

package com.aifinops.workbench.app.mapping;

import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.app.store.H2MappingStore;
import com.aifinops.workbench.model.ledger.ColumnMappings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoredColumnMappingsTest {
    @TempDir
    Path dir;

    @Test
    void thePreviewStopsAfterTheRowsAskedForAndKeepsTheDelimiter() throws Exception {
        StringBuilder b = new StringBuilder("day;vendor;tokens_in\n");
        for (int i = 1; i <= 100; i++) b.append("2026-06-").append(String.format("%02d", i % 28 + 1)).append(";openai;").append(i).append('\n');
        Path f = Files.writeString(dir.resolve("semi.csv"), b);
        try (Database db = Database.open(dir.resolve("workbench"))) {
            ColumnMappings m = new StoredColumnMappings(new H2MappingStore(db));
            ColumnMappings.Preview p = m.preview(f, 5);
            assertEquals(List.of("day", "vendor", "tokens_in"), p.header());
            assertEquals(5, p.rows().size());
            assertEquals(List.of("2026-06-06", "openai", "5"), p.rows().get(4), "row 5: day 5 % 28 + 1 = 6");
            assertEquals(";", p.delimiter());
            ColumnMappings.Draft d = m.suggest("semi", p);
            assertEquals(Map.of("startTime", "day", "provider", "vendor", "input", "tokens_in"), d.columns());
            assertEquals(";", d.delimiter());
            assertEquals(List.of(), m.problems(d, p), "complete, and the five rows read");
        }
    }

    @Test
    void aPipeDelimitedFileSplitsOnThePipe() throws Exception {
        Path f = Files.writeString(dir.resolve("pipe.txt"), "timestamp|provider|output_tokens\n2026-06-01T00:00:00Z|openai|7\n");
        try (Database db = Database.open(dir.resolve("workbench"))) {
            ColumnMappings m = new StoredColumnMappings(new H2MappingStore(db));
            ColumnMappings.Preview p = m.preview(f, 5);
            assertEquals(List.of("timestamp", "provider", "output_tokens"), p.header());
            assertEquals(List.of(List.of("2026-06-01T00:00:00Z", "openai", "7")), p.rows());
            ColumnMappings.Draft d = m.suggest("pipe", p);
            assertEquals("|", d.delimiter());
            assertEquals(List.of(), m.problems(d, p), "the reader reads it with the pipe too");
        }
    }

    @Test
    void problemsNameAHeaderTheFileLacksAndABadRowAndSaveLoadRoundTrips() throws Exception {
        Path f = Files.writeString(dir.resolve("u.csv"), "ts,vendor,input,output\n2026-06-01T00:00:00Z,openai,10,-3\n");
        try (Database db = Database.open(dir.resolve("workbench"))) {
            ColumnMappings m = new StoredColumnMappings(new H2MappingStore(db));
            ColumnMappings.Preview p = m.preview(f, 5);
            ColumnMappings.Draft d = m.suggest("u", p);
            Map<String, String> cols = new HashMap<>(d.columns());
            cols.put("team", "squad");
            ColumnMappings.Draft withTeam = new ColumnMappings.Draft("u", cols, ",", null, null, "auto", true, true, "1", List.of());
            assertEquals(List.of("column 'squad' (team) is not in this file"), m.problems(withTeam, p));
            // the one row has negative output tokens
            List<String> rowProblems = m.problems(d, p);
            assertEquals(1, rowProblems.size(), rowProblems.toString());
            assertTrue(rowProblems.get(0).startsWith("line 2, column output, value '-3': "), rowProblems.get(0));

            ColumnMappings.Draft constant = new ColumnMappings.Draft("Constant", Map.of("startTime", "ts", "output", "out"),
                    ",", " anthropic ", "EUR", "auto", false, true, "1000", List.of());
            m.save(constant);
            ColumnMappings.Draft back = m.load("Constant").orElseThrow();
            assertEquals("anthropic", back.providerConstant(), "trimmed");
            assertEquals("EUR", back.currencyConstant());
            assertEquals("1000", back.tokenMultiplier());
            assertEquals(Map.of("startTime", "ts", "output", "out"), back.columns());
            assertEquals(List.of("Constant"), m.names());
            assertTrue(m.load("nope").isEmpty());

            ColumnMappings.Draft badMultiplier = new ColumnMappings.Draft("x", Map.of("startTime", "ts", "output", "output"),
                    ",", "openai", null, "auto", true, true, "a lot", List.of());
            assertEquals(List.of("the token multiplier must be a whole number, not 'a lot'"), m.problems(badMultiplier, p));
            assertThrows(IllegalArgumentException.class, () -> m.save(badMultiplier));
            assertEquals(List.of("Constant"), m.names(), "nothing else saved");
        }
    }
}

package com.aifinops.workbench.app.store;

import com.aifinops.workbench.importers.usage.mapped.ColumnMapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class H2MappingStoreTest {
    @TempDir
    Path dir;

    static ColumnMapping gateway(String name, String input) {
        return new ColumnMapping(name, ";", "ts", null, "vendor", null, "model_name", input, false,
                "cached_tokens", null, null, "completion_tokens", true, null, null, "cost_usd", null, "EUR",
                Map.of("team", "team"), List.of("env"), "dd/MM/yyyy HH:mm", 1000);
    }

    @Test
    void aSavedMappingComesBackFieldForFieldAfterTheDatabaseIsReopened() throws Exception {
        Path file = dir.resolve("workbench");
        ColumnMapping m = gateway("Gateway log", "prompt_tokens");
        try (Database db = Database.open(file)) {
            new H2MappingStore(db).save(m);
        }
        try (Database db = Database.open(file)) {
            H2MappingStore store = new H2MappingStore(db);
            ColumnMapping back = store.get("Gateway log");
            assertEquals(m, back, "every field, the delimiter, the multiplier and the time pattern survive");
            assertEquals(";", back.delimiter());
            assertEquals(1000, back.tokenMultiplier());
            assertFalse(back.inputIncludesCached());
            assertEquals(Map.of("team", "team"), back.allocation());
            assertEquals(List.of("Gateway log"), store.names());
            assertEquals(1, store.list().size());
            assertTrue(store.list().get(0).savedAt() != null);
        }
    }

    @Test
    void savingTheSameNameReplacesAndRemoveTakesItOut() throws Exception {
        try (Database db = Database.open(dir.resolve("workbench"))) {
            H2MappingStore store = new H2MappingStore(db);
            store.save(gateway("b", "prompt_tokens"));
            store.save(gateway("a", "prompt_tokens"));
            store.save(gateway("b", "input_tokens"));
            assertEquals(List.of("a", "b"), store.names(), "sorted, one row per name");
            assertEquals("input_tokens", store.get("b").input(), "the second save replaced the first");
            assertTrue(store.remove("b"));
            assertFalse(store.remove("b"), "already gone");
            assertNull(store.get("b"));
            assertTrue(store.find("b").isEmpty());
            assertEquals(List.of("a"), store.names());
        }
    }

    @Test
    void anInvalidMappingIsRefusedAndAHandEditedDefinitionIsNamed() throws Exception {
        try (Database db = Database.open(dir.resolve("workbench"))) {
            H2MappingStore store = new H2MappingStore(db);
            ColumnMapping noTime = new ColumnMapping("x", ",", null, null, "vendor", null, null, "in", true, null, null,
                    null, null, true, null, null, null, null, null, null, null, null, 1);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.save(noTime));
            assertTrue(e.getMessage().contains("map a column to the start time"), e.getMessage());
            assertEquals(List.of(), store.names(), "nothing saved");

            try (Statement s = db.connection().createStatement()) {
                s.execute("INSERT INTO column_mapping (name, definition) VALUES ('edited', '{\"name\":\"edited\",\"colour\":\"red\"}')");
            }
            IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> store.get("edited"));
            assertTrue(bad.getMessage().contains("saved mapping 'edited'") && bad.getMessage().contains("unknown key 'colour'"),
                    bad.getMessage());
            assertEquals(List.of("edited"), store.names(), "names still list it so it can be removed");
            assertTrue(store.remove("edited"));
        }
    }
}

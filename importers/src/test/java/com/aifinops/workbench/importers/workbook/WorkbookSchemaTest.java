package com.aifinops.workbench.importers.workbook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The schema in the repository describes what the writer writes and what ships as the sample. */
class WorkbookSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static SchemaSubsetValidator validator() throws Exception {
        try (InputStream in = WorkbookJson.class.getResourceAsStream(WorkbookJson.SCHEMA_RESOURCE)) {
            return new SchemaSubsetValidator(JSON.readTree(in));
        }
    }

    @Test
    void aWrittenWorkbookMatchesTheSchema() throws Exception {
        Path f = dir.resolve("w.afw.json");
        WorkbookJson.write(WorkbookFixtures.full(), f);
        assertEquals(List.of(), validator().validate(JSON.readTree(f.toFile())));
    }

    @Test
    void theBundledSampleMatchesTheSchema() throws Exception {
        // the app module's sample; tests run with the module directory as working directory
        Path sample = Path.of("../app/src/main/resources/samples/rag-support-agent.afw.json");
        assertEquals(List.of(), validator().validate(JSON.readTree(sample.toFile())));
        WorkbookJson.read(sample);
    }

    @Test
    void theSchemaCatchesAMissingRequiredFieldAndABadValue() throws Exception {
        Path f = dir.resolve("w.afw.json");
        WorkbookJson.write(WorkbookFixtures.full(), f);
        JsonNode doc = JSON.readTree(f.toFile());
        ((ObjectNode) doc.get("workloads").get(0)).remove("modelId");
        ((ObjectNode) doc.get("notes").get(0)).put("internal", "no");
        List<String> errors = validator().validate(doc);
        assertTrue(errors.contains("$.workloads[0]: missing required \"modelId\""), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("$.notes[0].internal: expected type")), errors.toString());
        assertFalse(errors.isEmpty());
    }

    @Test
    void theSchemaRequiresWhatTheReaderRequires() throws Exception {
        JsonNode schema;
        try (InputStream in = WorkbookJson.class.getResourceAsStream(WorkbookJson.SCHEMA_RESOURCE)) {
            schema = JSON.readTree(in);
        }
        assertEquals(2, schema.get("properties").get("schemaVersion").get("const").asInt());
        List<String> required = JSON.convertValue(schema.get("required"), JSON.getTypeFactory().constructCollectionType(List.class, String.class));
        assertEquals(List.of("format", "schemaVersion", "name", "workloads"), required);
    }
}

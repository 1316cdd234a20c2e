package com.aifinops.workbench.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code import} and {@code batches} through the real CLI on a file database; fixture totals as in H2ImportServiceTest. */
class ImportCommandTest {
    @TempDir
    Path dir;
    private String db;
    private Path june;
    private Path bad;

    @BeforeEach
    void setUp() throws Exception {
        db = dir.resolve("ledger").toString();
        june = copy("spendlogs-june.csv");
        bad = copy("spendlogs-june-bad-line3.csv");
    }

    private Path copy(String name) throws Exception {
        Path p = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/fixtures/ledger/" + name)) {
            Files.copy(in, p);
        }
        return p;
    }

    private static Set<String> keys(JsonNode n) {
        Set<String> k = new TreeSet<>();
        n.fieldNames().forEachRemaining(k::add);
        return k;
    }

    @Test
    void importJsonHasTheDocumentedShape() throws Exception {
        CliRun r = CliRun.of("import", "--db", db, "--json", june.toString());
        assertEquals(0, r.status(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(Set.of("files"), keys(root));
        JsonNode f = root.get("files").get(0);
        assertTrue(keys(f).containsAll(List.of("file", "format", "imported", "replaced", "duplicates", "rejected", "billedCostUsd", "errors")));
        assertEquals(june.toString(), f.get("file").asText());
        assertEquals("litellm-spendlogs", f.get("format").asText());
        assertEquals("IMPORTED", f.get("status").asText());
        assertEquals(4, f.get("imported").asLong());
        assertEquals(0, f.get("replaced").asLong());
        assertEquals(0, f.get("duplicates").asLong());
        assertEquals(0, f.get("rejected").asLong());
        assertEquals("0.09", f.get("billedCostUsd").asText()); // 0.085 half-up
        assertEquals("0.09", f.get("pricedCostUsd").asText()); // 0.09055
        assertEquals("acme-llm-1", f.get("unpricedModels").get(0).asText());
        assertEquals(0, f.get("errors").size());

        JsonNode again = new ObjectMapper().readTree(CliRun.of("import", "--db", db, "--json", june.toString()).out()).get("files").get(0);
        assertEquals("DUPLICATE", again.get("status").asText());
        assertEquals(4, again.get("duplicates").asLong());
        assertEquals(0, again.get("imported").asLong());
    }

    @Test
    void aRejectedFileExitsOneAndNamesLineColumnAndValue() throws Exception {
        CliRun r = CliRun.of("import", "--db", db, "--json", june.toString(), bad.toString());
        assertEquals(1, r.status());
        JsonNode files = new ObjectMapper().readTree(r.out()).get("files");
        assertEquals(2, files.size());
        // the first file is a new import; the second (a corrupted copy) is rejected whole
        JsonNode b = files.get(1);
        assertEquals("REJECTED", b.get("status").asText());
        assertEquals(0, b.get("imported").asLong());
        assertEquals(1, b.get("rejected").asLong());
        JsonNode e = b.get("errors").get(0);
        assertEquals(Set.of("line", "column", "value", "message"), keys(e));
        assertEquals(3, e.get("line").asLong());
        assertEquals("prompt_tokens", e.get("column").asText());
        assertEquals("2O00", e.get("value").asText());
    }

    @Test
    void textOutputSaysWhatHappenedPerFile() {
        CliRun r = CliRun.of("import", "--db", db, bad.toString());
        assertEquals(1, r.status());
        assertEquals(bad + " (litellm-spendlogs): rejected, 0 imported, 0 replaced, 0 duplicates skipped, 1 rejected;"
                + " billed $0.06, priced —", r.out().lines().findFirst().orElseThrow()); // 0.028125 + 0.0228 + 0.004075 = 0.055
        assertTrue(r.out().contains("  error: " + bad + ":3, column prompt_tokens, value '2O00': expected a whole number"), r.out());

        CliRun rest = CliRun.of("import", "--db", db, "--valid-rest", bad.toString());
        assertEquals(0, rest.status(), rest.err());
        assertTrue(rest.out().startsWith(bad + " (litellm-spendlogs): imported, 3 imported, 0 replaced, 0 duplicates skipped, 1 rejected;"
                + " billed $0.06, priced $0.05"), rest.out()); // priced 0.02775 + 0.0228 = 0.05055
        assertTrue(rest.out().contains("  unpriced models (not in the catalogue): acme-llm-1"), rest.out());
    }

    @Test
    void usageErrorsExitTwo() {
        CliRun unknown = CliRun.of("import", "--db", db, "--format", "openai-magic", june.toString());
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("unknown format 'openai-magic'"), unknown.err());
        assertTrue(unknown.err().contains("litellm-spendlogs"), unknown.err());
        assertEquals(2, CliRun.of("import", "--db", db, dir.resolve("missing.csv").toString()).status());
        assertEquals(2, CliRun.of("import", "--db", db).status());
    }

    @Test
    void batchesListsAndRemoves() throws Exception {
        assertEquals(0, CliRun.of("import", "--db", db, june.toString()).status());
        CliRun list = CliRun.of("batches", "--db", db, "--json");
        assertEquals(0, list.status(), list.err());
        JsonNode batches = new ObjectMapper().readTree(list.out());
        assertEquals(1, batches.size());
        JsonNode b = batches.get(0);
        assertTrue(keys(b).containsAll(List.of("id", "file", "format", "rows", "importedAt")));
        assertEquals(june.toString(), b.get("file").asText());
        assertEquals("litellm-spendlogs", b.get("format").asText());
        assertEquals(4, b.get("rows").asLong());
        assertTrue(b.get("importedAt").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), b.toString());
        long id = b.get("id").asLong();

        CliRun text = CliRun.of("batches", "--db", db);
        assertTrue(text.out().contains("litellm-spendlogs"), text.out());
        assertTrue(text.out().trim().endsWith("1 batches"), text.out());

        CliRun removed = CliRun.of("batches", "remove", String.valueOf(id), "--db", db);
        assertEquals(0, removed.status(), removed.err());
        assertEquals("removed batch " + id + " (" + june + ", 4 rows)", removed.out().trim());
        assertEquals("[]", CliRun.of("batches", "--db", db, "--json").out().trim());
        assertEquals(1, CliRun.of("batches", "remove", String.valueOf(id), "--db", db).status());
        assertEquals(2, CliRun.of("batches", "remove", "x", "--db", db).status());
        // removed means gone: the same file imports anew
        assertTrue(CliRun.of("import", "--db", db, june.toString()).out().contains(": imported, 4 imported"));
    }
}

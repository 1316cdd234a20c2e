package com.aifinops.workbench.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code unit import}: outcome counts from a CSV, all or nothing, set rather than added. */
class UnitImportCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void importsCountsOnceAndRejectsABadFileWhole() throws Exception {
        String db = dir.resolve("ledger").toString();
        Path csv = Files.writeString(dir.resolve("outcomes.csv"), """
                node,month,outcome,count,source
                team:support,2026-01,resolved tickets,400,zendesk
                team:support,2026-02,resolved tickets,500,zendesk
                """);
        CliRun first = CliRun.of("unit", "import", csv.toString(), "--db", db);
        assertEquals(0, first.status(), first.err());
        assertEquals("outcomes.csv: 2 outcome counts, 2 changed", first.out().strip());
        assertTrue(first.err().contains("warning: outcomes.csv line 1, column source: unknown column, ignored"), first.err());

        CliRun again = CliRun.of("unit", "import", csv.toString(), "--db", db);
        assertEquals("outcomes.csv: 2 outcome counts, 0 changed", again.out().strip(), "the same file twice changes nothing");

        Path bad = Files.writeString(dir.resolve("bad.csv"), """
                node,month,outcome,count
                team:support,2026-01,resolved tickets,1
                team:support,2026-02,resolved tickets,12.5
                """);
        CliRun rejected = CliRun.of("unit", "import", bad.toString(), "--db", db);
        assertEquals(1, rejected.status());
        assertTrue(rejected.err().contains("error: bad.csv line 3, column count: expected a whole number ≥ 0, got \"12.5\""), rejected.err());
        assertEquals("bad.csv: rejected, nothing imported", rejected.out().strip());

        JsonNode show = JSON.readTree(CliRun.of("unit", "show", "--node", "team:support", "--outcome", "resolved tickets", "--db", db, "--json").out());
        assertEquals(400, show.get("months").get(0).get("outcomes").asInt(), "line 2 of the bad file was not written");
        assertEquals(500, show.get("months").get(1).get("outcomes").asInt());
        assertEquals(2, CliRun.of("unit", "import", "--db", db).status(), "no FILE: a usage error");
    }
}

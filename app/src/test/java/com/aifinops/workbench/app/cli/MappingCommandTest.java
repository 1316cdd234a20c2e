package com.aifinops.workbench.app.cli;

import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.app.store.H2MappingStore;
import com.aifinops.workbench.importers.usage.mapped.ColumnMapping;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MappingCommandTest {
    static final String HEADER = "ts,vendor,model_name,prompt_tokens,cached_tokens,completion_tokens,cost_usd,team";
    /** What the suggester must propose for {@link #HEADER}: every column has an obvious field. */
    static final String SUGGESTED = """
            {
              "name" : "Gateway log",
              "delimiter" : ",",
              "startTime" : "ts",
              "provider" : "vendor",
              "model" : "model_name",
              "input" : "prompt_tokens",
              "inputIncludesCached" : true,
              "cacheRead" : "cached_tokens",
              "output" : "completion_tokens",
              "outputIncludesReasoning" : true,
              "billedCost" : "cost_usd",
              "allocation" : {
                "team" : "team"
              },
              "timeFormat" : "auto",
              "tokenMultiplier" : 1
            }
            """;
    static final String COLUMNS = "start time <- ts, provider <- vendor, model <- model_name, input <- prompt_tokens, "
            + "cache read <- cached_tokens, output <- completion_tokens, billed cost <- cost_usd, team <- team";

    @TempDir
    Path dir;
    private String db;
    private Path csv;

    @BeforeEach
    void setUp() throws Exception {
        db = dir.resolve("workbench").toString();
        csv = Files.writeString(dir.resolve("gateway.csv"), HEADER + "\n2026-06-01T10:00:00Z,openai,gpt-5.5,1500,500,750,0.03,search\n");
    }

    @Test
    void suggestPrintsTheProposalAsJsonAndSavesNothingWithoutSave() throws Exception {
        CliRun r = CliRun.of("mapping", "suggest", csv.toString(), "--name", "Gateway log", "--db", db);
        assertEquals(0, r.status(), r.err());
        assertEquals(SUGGESTED, r.out());
        assertEquals("", r.err(), "nothing is missing");
        assertEquals("no saved mappings\n", CliRun.of("mapping", "list", "--db", db).out());
    }

    @Test
    void suggestSaveThenListShowAndRemove() throws Exception {
        CliRun saved = CliRun.of("mapping", "suggest", csv.toString(), "--name", "Gateway log", "--save", "--db", db);
        assertEquals(0, saved.status(), saved.err());
        assertEquals("saved mapping 'Gateway log'\n", saved.err());

        CliRun list = CliRun.of("mapping", "list", "--db", db);
        assertEquals(0, list.status(), list.err());
        String[] lines = list.out().split("\n");
        assertEquals(3, lines.length, list.out());
        assertEquals("NAME         SAVED (UTC)       COLUMNS", lines[0]);
        assertTrue(lines[1].matches("Gateway log  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d  \\Q" + COLUMNS + "\\E"), lines[1]);
        assertEquals("1 mapping", lines[2]);

        CliRun json = CliRun.of("mapping", "list", "--json", "--db", db);
        assertTrue(json.out().matches("\\[\\{\"name\":\"Gateway log\",\"savedAt\":\"\\d{4}-[^\"]+Z\",\"columns\":\\{\"start time\":\"ts\","
                + "\"provider\":\"vendor\",\"model\":\"model_name\",\"input\":\"prompt_tokens\",\"cache read\":\"cached_tokens\","
                + "\"output\":\"completion_tokens\",\"billed cost\":\"cost_usd\",\"team\":\"team\"}}]\n"), json.out());

        CliRun show = CliRun.of("mapping", "show", "Gateway log", "--db", db);
        assertEquals(0, show.status(), show.err());
        assertEquals(SUGGESTED, show.out());

        CliRun removed = CliRun.of("mapping", "remove", "Gateway log", "--db", db);
        assertEquals(0, removed.status(), removed.err());
        assertEquals("removed mapping 'Gateway log'\n", removed.out());
        assertEquals("no saved mappings\n", CliRun.of("mapping", "list", "--db", db).out());

        CliRun again = CliRun.of("mapping", "remove", "Gateway log", "--db", db);
        assertEquals(2, again.status());
        assertEquals("error: no mapping named 'Gateway log' (none saved)\n", again.err());
    }

    @Test
    void saveFromAFileTakesTheCommandLineNameAndReplacesOnASecondSave() throws Exception {
        // no "name" key: the command line names it
        Path json = Files.writeString(dir.resolve("m.json"), """
                {"delimiter": ";", "startTime": "day", "providerConstant": "anthropic", "input": "in_k",
                 "output": "out_k", "timeFormat": "dd/MM/yyyy", "tokenMultiplier": 1000,
                 "allocation": {"project": "proj"}}
                """);
        CliRun first = CliRun.of("mapping", "save", "Thousands", "--from", json.toString(), "--db", db);
        assertEquals(0, first.status(), first.err());
        assertEquals("saved mapping 'Thousands' (start time <- day, input <- in_k, output <- out_k, project <- proj, "
                + "provider = anthropic)\n", first.out());
        CliRun second = CliRun.of("mapping", "save", "Thousands", "--from", json.toString(), "--db", db);
        assertEquals("replaced mapping 'Thousands' (start time <- day, input <- in_k, output <- out_k, project <- proj, "
                + "provider = anthropic)\n", second.out());
        try (Database d = Database.open(Path.of(db))) {
            ColumnMapping m = new H2MappingStore(d).get("Thousands");
            assertEquals("Thousands", m.name());
            assertEquals(';', m.delimiterChar());
            assertEquals(1000, m.tokenMultiplier());
            assertEquals("dd/MM/yyyy", m.timeFormat());
            assertEquals(Map.of("project", "proj"), m.allocation());
        }
    }

    @Test
    void aBadKeyOrAnIncompleteMappingIsNamedAndNothingIsSaved() throws Exception {
        Path typo = Files.writeString(dir.resolve("typo.json"), "{\n  \"startTime\": \"ts\",\n  \"provder\": \"vendor\"\n}\n");
        CliRun bad = CliRun.of("mapping", "save", "x", "--from", typo.toString(), "--db", db);
        assertEquals(1, bad.status());
        assertTrue(bad.err().startsWith("error: " + typo + ": column mapping: unknown key 'provder' (line 3; expected one of "),
                bad.err());
        assertTrue(bad.err().contains("provider, providerConstant"), bad.err());

        Path incomplete = Files.writeString(dir.resolve("inc.json"), "{\"startTime\": \"ts\", \"input\": \"in\"}");
        CliRun inc = CliRun.of("mapping", "save", "x", "--from", incomplete.toString(), "--db", db);
        assertEquals(1, inc.status());
        assertEquals("error: " + incomplete + ": column mapping 'x': map a column to the provider or give a constant provider\n",
                inc.err());

        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"startTime\": ");
        CliRun br = CliRun.of("mapping", "save", "x", "--from", broken.toString(), "--db", db);
        assertEquals(1, br.status());
        assertTrue(br.err().startsWith("error: " + broken + ": column mapping: not valid JSON at line 1"), br.err());

        assertEquals("no saved mappings\n", CliRun.of("mapping", "list", "--db", db).out());
    }

    @Test
    void usageErrorsExitTwoWithOneLine() {
        CliRun noFrom = CliRun.of("mapping", "save", "x", "--db", db);
        assertEquals(2, noFrom.status());
        assertEquals("error: missing --from (mapping save)\n", noFrom.err());
        CliRun missing = CliRun.of("mapping", "save", "x", "--from", dir.resolve("nope.json").toString(), "--db", db);
        assertEquals(2, missing.status());
        assertEquals("error: --from: no such file: " + dir.resolve("nope.json") + "\n", missing.err());
        CliRun noName = CliRun.of("mapping", "suggest", csv.toString(), "--db", db);
        assertEquals(2, noName.status());
        assertEquals("error: missing --name (mapping suggest)\n", noName.err());
        CliRun unknown = CliRun.of("mapping", "show", "nothing", "--db", db);
        assertEquals(2, unknown.status());
        assertEquals("error: no mapping named 'nothing' (none saved)\n", unknown.err());
        assertEquals(2, CliRun.of("mapping", "rename", "a").status());
    }

    @Test
    void anIncompleteSuggestionSaysWhatIsMissingAndRefusesToSave() throws Exception {
        Path noProvider = Files.writeString(dir.resolve("np.csv"), "day;model;tokens_in;tokens_out\n2026-06-01;m;1;2\n");
        CliRun r = CliRun.of("mapping", "suggest", noProvider.toString(), "--name", "np", "--save", "--db", db);
        assertEquals(1, r.status());
        assertTrue(r.out().contains("\"delimiter\" : \";\"") && r.out().contains("\"input\" : \"tokens_in\""), r.out());
        assertEquals("missing: map a column to the provider or give a constant provider\n"
                + "error: not saved: the suggestion is incomplete; edit the JSON and use 'mapping save np --from FILE'\n", r.err());
        assertEquals("no saved mappings\n", CliRun.of("mapping", "list", "--db", db).out());
    }
}

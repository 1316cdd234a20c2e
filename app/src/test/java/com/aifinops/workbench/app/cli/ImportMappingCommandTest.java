package com.aifinops.workbench.app.cli;

import com.aifinops.workbench.app.store.Database;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.sql.ResultSet;
import java.sql.Statement;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code import --mapping NAME}: any other CSV, read through a mapping saved with {@code mapping}. */
class ImportMappingCommandTest {
    @TempDir
    Path dir;

    @Test
    void aGatewayLogImportsThroughItsSavedMapping() throws Exception {
        Path csv = Files.writeString(dir.resolve("gateway.csv"), """
                ts,vendor,model_name,prompt_tokens,cached_tokens,completion_tokens,cost_usd,team
                2026-06-01T10:00:00Z,openai,gpt-5.5,1500,500,750,0.03,support
                2026-06-01T11:00:00Z,openai,gpt-5.5,2000,0,1000,0.04,support
                """);
        String db = dir.resolve("ledger").toString();
        CliRun saved = CliRun.of("mapping", "suggest", csv.toString(), "--name", "Gateway log", "--save", "--db", db);
        assertEquals(0, saved.status(), saved.out() + saved.err());

        CliRun r = CliRun.of("import", "--db", db, "--mapping", "Gateway log", "--json", csv.toString());
        assertEquals(0, r.status(), r.out() + r.err());
        JsonNode f = new ObjectMapper().readTree(r.out()).get("files").get(0);
        assertEquals("mapping:Gateway log", f.get("format").asText());
        assertEquals(2, f.get("imported").asLong());
        assertEquals("0.07", f.get("billedCostUsd").asText()); // 0.03 + 0.04
        // gpt-5.5 at $5 / $0.50 / $30 per MTok, input includes the cached tokens:
        // (1000·5 + 500·0.50 + 750·30 + 2000·5 + 1000·30) / 1e6 = 0.06775 → $0.07
        assertEquals("0.07", f.get("pricedCostUsd").asText());
        try (Database d = Database.open(dir.resolve("ledger"));
             Statement st = d.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT SUM(priced_cost) FROM usage_daily")) {
            rs.next();
            // exact, unrounded: a cached token billed as uncached would give 0.07025
            assertEquals(0, new BigDecimal("0.06775").compareTo(rs.getBigDecimal(1)), rs.getBigDecimal(1).toPlainString());
        }

        JsonNode report = new ObjectMapper().readTree(CliRun.of("report", "--db", db, "--by", "team", "--json").out());
        JsonNode row = report.get("rows").get(0);
        assertEquals("support", row.get("team").asText());
        assertEquals(1000 + 2000, row.get("inputTokens").asLong(), "uncached input");
        assertEquals(500, row.get("cachedInputTokens").asLong());
        assertEquals(1750, row.get("outputTokens").asLong());
    }

    @Test
    void anUnknownMappingIsAUsageErrorThatListsTheSavedOnes() throws Exception {
        Path csv = Files.writeString(dir.resolve("x.csv"), "a,b\n1,2\n");
        CliRun r = CliRun.of("import", "--db", dir.resolve("ledger").toString(), "--mapping", "nope", csv.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("no mapping named 'nope'") && r.err().contains("saved: none"), r.err());
        CliRun both = CliRun.of("import", "--format", "focus", "--mapping", "nope", csv.toString());
        assertEquals(2, both.status());
    }
}

package com.aifinops.workbench.app.analysis;

import com.aifinops.workbench.app.bench.RollupWriter;
import com.aifinops.workbench.app.cli.CliRun;
import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.model.ledger.DailyRollup;
import com.aifinops.workbench.model.usage.Allocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Governance on a small hand-made ledger, as of 2026-03-31: the last 30 days are 03-02 … 03-31, the 30 before
 * 01-31 … 03-01; "unused" means last seen before 03-01.
 */
class GovernanceTest {
    @TempDir
    Path dir;

    private static DailyRollup row(String day, String key, String workspace, String env, Map<String, String> tags, String model,
                                   String priced, String billed) {
        return new DailyRollup(LocalDate.parse(day), "openai", model, priced == null ? null : model,
                new Allocation(null, null, null, null, null, key, workspace, env, null, null, tags), 10, 1000, 0, 0, 0, 100, 0,
                priced == null ? null : new BigDecimal(priced), billed == null ? null : new BigDecimal(billed));
    }

    private Path ledger() throws Exception {
        Path db = dir.resolve("gov");
        try (Database d = Database.open(db)) {
            RollupWriter.write(d, "gov.csv", List.of(
                    row("2026-03-10", "k-prod", "ws-a", "prod", Map.of(), "gpt-5", "10.00", null),
                    row("2026-02-10", "k-prod", "ws-a", "prod", Map.of(), "gpt-5", "2.00", null),
                    row("2026-04-02", "k-prod", "ws-a", "prod", Map.of(), "gpt-5", "100.00", null), // after as-of: ignored
                    row("2026-03-20", "k-dev", null, null, Map.of("env", "prod"), "gpt-5-mini", "4.00", null),
                    row("2026-03-21", "k-dev", null, null, Map.of(), "gpt-5-mini", "1.00", null),
                    row("2026-03-15", "k-orphan", null, "prod", Map.of(), "claude-x", null, "3.00"),
                    row("2026-02-25", "k-old", null, null, Map.of(), "gpt-5", "0.50", null),
                    row("2026-03-05", null, "ws-b", "prod", Map.of(), "gpt-5", "1.50", null)));
        }
        String p = db.toString();
        assertEquals(0, CliRun.of("allocation", "key", "--db", p, "--api-key", "k-prod", "--owner", "alice", "--team", "support",
                "--environment", "prod", "--declared-use", "support bot").status());
        assertEquals(0, CliRun.of("allocation", "key", "--db", p, "--api-key", "k-dev", "--owner", "bob", "--environment", "dev").status());
        assertEquals(0, CliRun.of("allocation", "key", "--db", p, "--api-key", "k-old", "--owner", "carol", "--environment", "staging").status());
        assertEquals(0, CliRun.of("allocation", "key", "--db", p, "--api-key", "k-never", "--team", "eng").status());
        assertEquals(0, CliRun.of("governance", "approve", "--db", p, "--environment", "prod", "--model", "gpt-5").status());
        assertEquals(0, CliRun.of("governance", "approve", "--db", p, "--environment", "prod", "--model", "o9").status());
        assertEquals(0, CliRun.of("governance", "approve", "--db", p, "--environment", "dev", "--model", "gpt-5-mini").status());
        assertEquals(0, CliRun.of("governance", "unapprove", "--db", p, "--environment", "prod", "--model", "o9").status());
        assertEquals(1, CliRun.of("governance", "unapprove", "--db", p, "--environment", "prod", "--model", "o9").status(), "already gone");
        return db;
    }

    @Test
    void inventoryAndFindingsAreTheHandComputedOnes() throws Exception {
        Path db = ledger();
        CliRun run = CliRun.of("governance", "--db", db.toString(), "--as-of", "2026-03-31", "--json");
        assertEquals(0, run.status(), run.err());
        JsonNode j = new ObjectMapper().readTree(run.out());
        assertEquals("2026-03-31", j.get("asOf").asText());

        // findings, by kind then subject:
        //   no_owner k-orphan $3.00 (billed, not in the inventory)
        //   unused k-never (never seen), k-old (last seen 02-25 < 03-01: 34 days)
        //   environment_drift k-dev: declared dev, $4.00 tagged env=prod on 03-20
        //   spend_surge k-prod: last 30 days $10.00 > 3 × $2.00 the 30 before
        //   unapproved_model in prod (list: gpt-5): claude-x $3.00, gpt-5-mini $4.00 (k-dev's prod-tagged row)
        List<String> findings = new ArrayList<>();
        j.get("findings").forEach(f -> findings.add(f.get("kind").asText() + " " + f.get("subject").asText() + " "
                + f.get("environment").asText() + " " + f.get("costUsd").asText()));
        assertEquals(List.of("no_owner k-orphan null 3.00", "unused k-never null 0.00", "unused k-old staging 0.00",
                "environment_drift k-dev prod 4.00", "spend_surge k-prod prod 10.00",
                "unapproved_model claude-x prod 3.00", "unapproved_model gpt-5-mini prod 4.00"), findings);
        assertTrue(j.get("findings").get(2).get("detail").asText().contains("34 days"), j.get("findings").get(2).toString());
        // amounts in the detail as money: $10.00 vs $2.00, ×5.00
        assertEquals("last 30 days $10.00 vs $2.00 the 30 days before (×5.00)", j.get("findings").get(4).get("detail").asText());

        // keys: inventory ∪ ledger, sorted
        JsonNode keys = j.get("keys");
        assertEquals(5, keys.size());
        assertEquals("k-dev", keys.get(0).get("apiKey").asText());
        assertEquals("5.00", keys.get(0).get("costUsd").asText(), "4.00 + 1.00");
        assertEquals("[\"prod\"]", keys.get(0).get("environmentsSeen").toString());
        JsonNode prod = keys.get(4);
        assertEquals("k-prod", prod.get("apiKey").asText());
        assertEquals("12.00", prod.get("costUsd").asText(), "10 + 2; the April row is after as-of");
        assertEquals("10.00", prod.get("last30DaysUsd").asText());
        assertEquals("2.00", prod.get("previous30DaysUsd").asText());
        assertEquals("alice", prod.get("owner").asText());
        assertEquals("2026-03-10", prod.get("lastSeen").asText());
        JsonNode orphan = keys.get(3);
        assertEquals("k-orphan", orphan.get("apiKey").asText());
        assertTrue(!orphan.get("inInventory").asBoolean());
        assertTrue(keys.get(1).get("lastSeen").isNull(), "k-never was never seen");

        // environments: prod = 12 (k-prod) + 4 (k-dev tagged) + 3 (k-orphan) + 1.50 (no key) = 20.50, outside 7.00;
        // dev = k-dev's untagged 1.00 (its declared environment), nothing outside; staging = k-old 0.50, no list
        JsonNode envs = j.get("environments");
        assertEquals(3, envs.size());
        assertEquals("dev 1.00 0.00", env(envs.get(0)));
        assertEquals("prod 20.50 7.00", env(envs.get(1)));
        assertEquals("staging 0.50 null", env(envs.get(2)));
        assertEquals("[\"gpt-5\"]", envs.get(1).get("approvedModels").toString());

        // workspaces: ws-a 12.00 (k-prod), ws-b 1.50 (no key), unallocated 4 + 1 + 3 + 0.50 = 8.50
        JsonNode ws = j.get("workspaces");
        assertEquals("unallocated 8.50 [\"k-dev\",\"k-old\",\"k-orphan\"]", ws.get(0).get("name").asText() + " "
                + ws.get(0).get("costUsd").asText() + " " + ws.get(0).get("apiKeys"));
        assertEquals("ws-a 12.00", ws.get(1).get("name").asText() + " " + ws.get(1).get("costUsd").asText());
        assertEquals("ws-b 1.50", ws.get(2).get("name").asText() + " " + ws.get(2).get("costUsd").asText());
    }

    @Test
    void textOutputListsTheFindingsAndDefaultsToTheLedgersLastDay() throws Exception {
        Path db = ledger();
        CliRun run = CliRun.of("governance", "--db", db.toString());
        assertEquals(0, run.status(), run.err());
        // the last day is 04-02: the last 30 days 03-04 … 04-02 hold 100 + 4 + 1 + 3 + 10; k-prod's previous window
        // (02-02 … 03-03) holds 2.00, so 110 > 3 × 2 is still a surge
        assertTrue(run.out().startsWith("Governance as of 2026-04-02"), run.out());
        assertTrue(run.out().contains("spend_surge        k-prod"), run.out());
        assertTrue(run.out().contains("$110.00"), run.out());
        assertTrue(run.out().contains("no approved list"), run.out());
    }

    private static String env(JsonNode e) {
        return e.get("environment").asText() + " " + e.get("costUsd").asText() + " " + e.get("outsideApprovedUsd").asText();
    }
}

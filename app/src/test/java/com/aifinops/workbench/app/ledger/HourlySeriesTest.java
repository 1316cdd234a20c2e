package com.aifinops.workbench.app.ledger;

import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.model.ledger.ImportResult;
import com.aifinops.workbench.model.ledger.ImportService;
import com.aifinops.workbench.model.ledger.ImportService.RejectPolicy;
import com.aifinops.workbench.model.usage.Allocation;
import com.aifinops.workbench.model.usage.UsageLine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static com.aifinops.workbench.app.ledger.LedgerFixtures.count;
import static com.aifinops.workbench.app.ledger.LedgerFixtures.decimal;
import static com.aifinops.workbench.app.ledger.LedgerFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hourly series an import keeps for anomaly detection (usage_hourly_day, unpacked), on a real H2 file database. The file below
 * (LiteLLM spend logs; spend is the billed cost, so each line's best-known cost is its spend):
 * <pre>
 * r1 agent triage  team-a  2026-06-01 09:05  in 1000 out 100  $0.01
 * r2 agent triage  team-a  2026-06-01 09:40  in 2000 out 200  $0.02
 * r3 agent triage  team-a  2026-06-01 10:10  in 4000 out 400  $0.04
 * r4 (no agent, no team)   2026-06-01 09:30  in  500 out  50  $0.005   key hk-x
 * </pre>
 * agent triage: 09:00 = 2 requests, 3000 in, 300 out, $0.03; 10:00 = 1, 4000, 400, $0.04; agent none: 09:00 = r4.
 * team-a the same as triage; the team-less r4 is a team row keyed by its API key. model gpt-5.5: 09:00 = r1 + r2 + r4
 * = 3 requests, 3500 in, 350 out, $0.035; 10:00 = r3.
 */
class HourlySeriesTest {
    static final String HEAD = "request_id,call_type,api_key,spend,total_tokens,prompt_tokens,completion_tokens,startTime,endTime,"
            + "model,model_group,custom_llm_provider,user,team_id,end_user,metadata,request_tags,cache_hit,status,agent_id\n";

    @TempDir
    Path dir;
    Database db;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(dir.resolve("ledger"));
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    static String line(String id, String key, String spend, int in, int out, String start, String team, String agent) {
        return String.join(",", id, "acompletion", key, spend, String.valueOf(in + out), String.valueOf(in), String.valueOf(out),
                start, start.substring(0, 17) + "59.000", "gpt-5.5", "gpt-5.5", "openai", "u-" + key, team, "", "{}", "[]", "False",
                "success", agent) + "\n";
    }

    static final String FILE = HEAD
            + line("r1", "hk-a", "0.01", 1000, 100, "2026-06-01 09:05:00.000", "team-a", "triage")
            + line("r4", "hk-x", "0.005", 500, 50, "2026-06-01 09:30:00.000", "", "")
            + line("r2", "hk-a", "0.02", 2000, 200, "2026-06-01 09:40:00.000", "team-a", "triage")
            + line("r3", "hk-a", "0.04", 4000, 400, "2026-06-01 10:10:00.000", "team-a", "triage");

    private ImportResult importFile(H2ImportService s, Path file) throws Exception {
        return s.importFile(file, null, RejectPolicy.ALL_OR_NOTHING, ImportService.ImportProgress.NONE);
    }

    /** "dimension key hour requests in out cost" per series hour, summed over batches, sorted. */
    private List<String> series() throws Exception {
        // as SQL's ORDER BY dimension, key, api key (nulls, shown as '-', first), hour
        Map<List<Object>, long[]> counts = new TreeMap<>(Comparator.comparing((List<Object> k) -> (String) k.get(0))
                .thenComparing(k -> (String) k.get(1), Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(k -> (String) k.get(2), Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(k -> (LocalDateTime) k.get(3)));
        Map<List<Object>, BigDecimal> cost = new HashMap<>();
        for (LedgerFixtures.HourPoint p : LedgerFixtures.hourPoints(db)) {
            List<Object> k = Arrays.asList(p.dimension(), p.key(), p.apiKey(), p.hour());
            long[] c = counts.computeIfAbsent(k, x -> new long[4]);
            c[0] += p.requests();
            c[1] += p.inputTokens();
            c[2] += p.outputTokens();
            c[3] += p.unpricedRequests();
            cost.merge(k, p.cost(), BigDecimal::add);
        }
        List<String> out = new ArrayList<>();
        counts.forEach((k, c) -> out.add(k.get(0) + " " + (k.get(1) == null ? "-" : k.get(1)) + " " + (k.get(2) == null ? "-" : k.get(2))
                + " " + ((LocalDateTime) k.get(3)).getHour() + "h " + c[0] + " " + c[1] + " " + c[2] + " "
                + cost.get(k).stripTrailingZeros().toPlainString() + " " + c[3]));
        return out;
    }

    private BigDecimal hourlyCost(String dimension) throws Exception {
        return LedgerFixtures.hourPoints(db).stream().filter(p -> p.dimension().equals(dimension)).map(LedgerFixtures.HourPoint::cost)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private long hourlyPoints(String dimension) throws Exception {
        return LedgerFixtures.hourPoints(db).stream().filter(p -> p.dimension().equals(dimension)).count();
    }

    private String apiKeyOfTheTeamlessLine() throws Exception {
        try (PreparedStatement ps = db.connection().prepareStatement("SELECT api_key FROM usage_daily WHERE team IS NULL");
             ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    @Test
    void anImportKeepsHourlySeriesPerAgentTeamAndModel() throws Exception {
        ImportResult r = importFile(new H2ImportService(db), write(dir, "spend-logs.csv", FILE));
        assertEquals(ImportResult.Status.IMPORTED, r.status());

        String key = apiKeyOfTheTeamlessLine();
        assertEquals(List.of(
                "agent - - 9h 1 500 50 0.005 0",
                "agent triage - 9h 2 3000 300 0.03 0",
                "agent triage - 10h 1 4000 400 0.04 0",
                "model gpt-5.5 - 9h 3 3500 350 0.035 0",
                "model gpt-5.5 - 10h 1 4000 400 0.04 0",
                "team - " + key + " 9h 1 500 50 0.005 0",
                "team team-a - 9h 2 3000 300 0.03 0",
                "team team-a - 10h 1 4000 400 0.04 0"), series());
        // every series adds up to the file's billed total: 0.01 + 0.005 + 0.02 + 0.04 = 0.075
        for (String d : List.of("agent", "team", "model")) {
            assertEquals(0, new BigDecimal("0.075").compareTo(hourlyCost(d)));
        }

        assertTrue(new H2ImportService(db).removeBatch(r.batchId()));
        assertEquals(0, count(db, "SELECT COUNT(*) FROM usage_hourly_day"));
    }

    @Test
    void aRestatementWithRowsKeptReplacesOnlyTheRestatedRequestsHours() throws Exception {
        H2ImportService s = new H2ImportService(db, H2ImportService.Options.DEFAULT.withKeepRows(true));
        importFile(s, write(dir, "spend-logs.csv", FILE));
        // the same source again for 10:10–10:10:59 only: r3 restated with $0.05, 5000 in, 500 out
        ImportResult again = importFile(s, write(dir, "restated.csv", HEAD
                + line("r3", "hk-a", "0.05", 5000, 500, "2026-06-01 10:10:00.000", "team-a", "triage")));
        assertEquals(1, again.replaced());

        String key = apiKeyOfTheTeamlessLine();
        assertEquals(List.of(
                "agent - - 9h 1 500 50 0.005 0",
                "agent triage - 9h 2 3000 300 0.03 0",
                "agent triage - 10h 1 5000 500 0.05 0",
                "model gpt-5.5 - 9h 3 3500 350 0.035 0",
                "model gpt-5.5 - 10h 1 5000 500 0.05 0",
                "team - " + key + " 9h 1 500 50 0.005 0",
                "team team-a - 9h 2 3000 300 0.03 0",
                "team team-a - 10h 1 5000 500 0.05 0"), series());
    }

    @Test
    void aRollupsOnlyRestatementReplacesTheWholeDaysHours() throws Exception {
        H2ImportService s = new H2ImportService(db);
        importFile(s, write(dir, "spend-logs.csv", FILE));
        importFile(s, write(dir, "restated.csv", HEAD
                + line("r3", "hk-a", "0.05", 5000, 500, "2026-06-01 10:10:00.000", "team-a", "triage")));
        // the earlier batch keeps no rows: June 1 goes with it, hourly series as the daily rollups
        assertEquals(List.of(
                "agent triage - 10h 1 5000 500 0.05 0",
                "model gpt-5.5 - 10h 1 5000 500 0.05 0",
                "team team-a - 10h 1 5000 500 0.05 0"), series());
        assertEquals(0, new BigDecimal("0.05").compareTo(decimal(db, "SELECT SUM(billed_cost) FROM usage_daily")));
    }

    /**
     * Three days of 10 users × 2 requests each, in time order, with room for only 50 combinations: each new day writes
     * out the one before (threshold 50 / 25 = 2 held), so every (day, user) is one rollup row and the sums are whole.
     */
    @Test
    void aFileInTimeOrderWritesEachDayOnceWhateverIsHeld() throws Exception {
        StringBuilder b = new StringBuilder(HEAD);
        int n = 0;
        for (int day = 1; day <= 3; day++) {
            for (int rep = 0; rep < 2; rep++) {
                for (int u = 0; u < 10; u++) {
                    String t = String.format("2026-06-0%d %02d:%02d:00.000", day, 8 + rep, u);
                    b.append(line("q" + n++, "hk-" + u, "0.001", 100, 10, t, "team-" + (u % 2), "agent-" + u));
                }
            }
        }
        H2ImportService s = new H2ImportService(db, new H2ImportService.Options(false, 5_000, 50, 5_000));
        assertEquals(60, importFile(s, write(dir, "three-days.csv", b.toString())).imported());
        assertEquals(30, count(db, "SELECT COUNT(*) FROM usage_daily"));
        assertEquals(60, count(db, "SELECT SUM(requests) FROM usage_daily"));
        assertEquals(0, new BigDecimal("0.06").compareTo(decimal(db, "SELECT SUM(billed_cost) FROM usage_daily")));
        // hourly: 10 agents × 3 days × 2 hours, each hour one request
        assertEquals(60, hourlyPoints("agent"));
        assertEquals(60, LedgerFixtures.hourPoints(db).stream().filter(p -> p.dimension().equals("model"))
                .mapToLong(LedgerFixtures.HourPoint::requests).sum());
        assertEquals(12, hourlyPoints("team")); // 2 teams × 6 hours
    }

    @Test
    void onlyLinesFinerThanADayAreHourly() {
        Instant t = Instant.parse("2026-06-01T09:00:00Z");
        assertTrue(HourlySeries.finerThanADay(line(t, null)));
        assertTrue(HourlySeries.finerThanADay(line(t, t.plusSeconds(3_600))));
        assertFalse(HourlySeries.finerThanADay(line(t, t.plusSeconds(86_400))));
        assertEquals(494_529, HourlySeries.hourOf(t)); // 2026-06-01 is day 20,605 since 1970: 20,605 × 24 + 9
        assertEquals(-1, HourlySeries.hourOf(Instant.parse("1969-12-31T23:59:59Z")));
    }

    /** A line without a price or a billed cost counts its requests as unpriced and adds nothing to the cost. */
    @Test
    void anUnpricedLineIsCountedNotPricedAtZero() throws Exception {
        try (Connection c = db.newConnection()) {
            c.setAutoCommit(false);
            long batch;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO import_batch (file_name, content_hash, format, source_key,"
                    + " row_count, rejected, warnings, keeps_rows) VALUES ('f', 'h', 'x', 'x', 0, 0, 0, FALSE)",
                    java.sql.Statement.RETURN_GENERATED_KEYS)) {
                ps.executeUpdate();
                try (ResultSet k = ps.getGeneratedKeys()) {
                    k.next();
                    batch = k.getLong(1);
                }
            }
            HourlySeries h = new HourlySeries(c, batch, 100);
            Instant t = Instant.parse("2026-06-01T09:15:00Z");
            h.add(line(t, null), "acme-llm-1", null);
            h.add(line(t.plusSeconds(600), null), "acme-llm-1", new BigDecimal("0.25"));
            h.write(Long.MAX_VALUE);
            h.close();
            c.commit();
        }
        assertEquals(List.of("agent bot - 9h 2 200 40 0.25 1", "model acme-llm-1 - 9h 2 200 40 0.25 1",
                "team ops - 9h 2 200 40 0.25 1"), series()); // 2 × 100 in, 2 × 20 out
    }

    private static UsageLine line(Instant start, Instant end) {
        return new UsageLine(start, end, "acme", "acme-llm-1", 100, 0, 0, 0, 20, 0, 1, false, null, null, null, "USD",
                new Allocation(null, "ops", null, "bot", null, null, null, null, null, null, Map.of()), null);
    }
}

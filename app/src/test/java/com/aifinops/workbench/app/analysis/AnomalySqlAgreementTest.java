package com.aifinops.workbench.app.analysis;

import com.aifinops.workbench.app.bench.RollupWriter;
import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.model.analysis.AllocationRules;
import com.aifinops.workbench.model.analysis.Anomaly;
import com.aifinops.workbench.model.analysis.AnomalyDetector;
import com.aifinops.workbench.model.ledger.DailyRollup;
import com.aifinops.workbench.model.usage.Allocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The H2 path (series summed from SQL rows, rows behind fetched per finding, unpriced models from the monthly
 * summary) and the in-memory {@link AnomalyDetector#detect(List, AllocationRules, LocalDate, LocalDate,
 * AnomalyDetector.Options)} must report the same findings, field by field and to the last digit of the extra cost,
 * on seeded random ledgers full of events: spikes, prompt growth, model switches, team-less keys, an unpriced model.
 */
class AnomalySqlAgreementTest {
    private static final LocalDate FIRST = LocalDate.of(2026, 3, 1);
    private static final int DAYS = 75;
    private static final String[] MODELS = {"gpt-5-mini", "gpt-5.5", "claude-sonnet-4.6", "claude-haiku-4.5"};
    private static final BigDecimal[] PER_REQUEST = {new BigDecimal("0.00123"), new BigDecimal("0.0211"), new BigDecimal("0.0098"),
            new BigDecimal("0.0031")};

    @TempDir
    Path dir;

    @Test
    void sqlAndInMemoryDetectionAgreeOnSeededLedgers() throws Exception {
        int total = 0;
        for (long seed : new long[]{1, 2, 3}) {
            List<DailyRollup> rows = ledger(seed);
            AllocationRules rules = rules();
            LocalDate from = FIRST.plusDays(AnomalyDetector.lookback(AnomalyDetector.DEFAULTS));
            LocalDate to = FIRST.plusDays(DAYS - 1);
            List<Anomaly> memory = AnomalyDetector.detect(rows, rules, from, to, AnomalyDetector.DEFAULTS);
            List<Anomaly> sql;
            try (Database db = Database.open(dir.resolve("ledger-" + seed))) {
                RollupWriter.write(db, "seeded-" + seed + ".csv", rows);
                H2AllocationRuleStore store = new H2AllocationRuleStore(db);
                for (AllocationRules.Rule r : rules.rules()) {
                    store.put(r);
                }
                sql = new SpendAnalysis(db).anomalies(from, to, AnomalyDetector.DEFAULTS);
            }
            assertEquals(memory.stream().map(AnomalySqlAgreementTest::line).toList(), sql.stream().map(AnomalySqlAgreementTest::line).toList(),
                    "seed " + seed);
            for (int i = 0; i < memory.size(); i++) {
                Anomaly m = memory.get(i), s = sql.get(i);
                String what = "seed " + seed + " #" + i + " " + line(m);
                assertEquals(m.date(), s.date(), what);
                assertEquals(m.lastDate(), s.lastDate(), what);
                assertEquals(m.dimension(), s.dimension(), what);
                assertEquals(m.key(), s.key(), what);
                assertEquals(m.cause(), s.cause(), what);
                assertEquals(m.days(), s.days(), what);
                assertEquals(m.detail(), s.detail(), what);
                assertEquals(m.rows().size(), s.rows().size(), what);
                if (m.extraCost() == null) {
                    assertEquals(null, s.extraCost(), what);
                } else {
                    assertEquals(0, m.extraCost().compareTo(s.extraCost()), what + ": " + m.extraCost() + " vs " + s.extraCost());
                }
            }
            total += memory.size();
        }
        assertTrue(total >= 15, "the seeds plant enough events to compare: " + total);
    }

    private static String line(Anomaly a) {
        return a.date() + ".." + a.lastDate() + " " + a.dimension() + " " + a.key() + " " + a.cause().label();
    }

    /** Teams: stated on the row, by an api_key rule, by a workspace rule, or nowhere. */
    private static AllocationRules rules() {
        List<AllocationRules.Rule> r = new ArrayList<>();
        for (int a = 0; a < 30; a++) {
            if (a % 4 == 1) {
                r.add(new AllocationRules.Rule(AllocationRules.Field.API_KEY, "key-" + a, "team-" + (a % 5), null));
            }
        }
        for (int t = 0; t < 5; t++) {
            r.add(new AllocationRules.Rule(AllocationRules.Field.WORKSPACE, "ws-" + t, "team-" + t, null));
        }
        return new AllocationRules(r);
    }

    private static List<DailyRollup> ledger(long seed) {
        Random random = new Random(seed);
        List<DailyRollup> rows = new ArrayList<>();
        int agents = 30;
        int[] base = new int[agents], model = new int[agents], in = new int[agents];
        for (int a = 0; a < agents; a++) {
            base[a] = 50 + random.nextInt(900);
            model[a] = random.nextInt(MODELS.length);
            in[a] = 500 + random.nextInt(4000);
        }
        // per agent: an event kind, its first day and length
        int[] kind = new int[agents], start = new int[agents], length = new int[agents];
        for (int a = 0; a < agents; a++) {
            kind[a] = random.nextInt(6); // 0 none, 1 loop, 2 prompt, 3 switch, 4 growth, 5 a second model line
            start[a] = 20 + random.nextInt(DAYS - 25);
            length[a] = 1 + random.nextInt(kind[a] == 3 ? 40 : 4);
        }
        for (int d = 0; d < DAYS; d++) {
            LocalDate day = FIRST.plusDays(d);
            boolean weekend = day.getDayOfWeek().getValue() >= 6;
            for (int a = 0; a < agents; a++) {
                boolean on = d >= start[a] && d < start[a] + length[a];
                long req = Math.round(base[a] * (weekend ? 0.6 : 1.0) * (0.9 + 0.2 * random.nextDouble()));
                int m = model[a];
                long inTok = in[a];
                if (on && kind[a] == 1) {
                    req *= 4 + random.nextInt(8);
                } else if (on && kind[a] == 2) {
                    inTok *= 3;
                } else if (d >= start[a] && kind[a] == 3) {
                    m = 1;
                } else if (on && kind[a] == 4) {
                    req = req * 5 / 2;
                }
                rows.add(row(day, a, m, req, inTok, false));
                if (kind[a] == 5 && d % 3 == 0) {
                    rows.add(row(day, a, (m + 1) % MODELS.length, req / 3, inTok, false));
                }
            }
            if (d >= 50) {
                rows.add(row(day, 7, -1, 40, 900, true)); // an unpriced fine-tune from day 50
            }
        }
        return rows;
    }

    private static DailyRollup row(LocalDate day, int a, int m, long req, long inTok, boolean unpriced) {
        String team = a % 4 == 0 ? "team-" + (a % 5) : null;
        String workspace = a % 4 == 2 ? "ws-" + (a % 5) : null;
        Allocation alloc = new Allocation("acme", team, null, "agent-" + a, null, "key-" + a, workspace, "prod", null, null, Map.of());
        long input = req * inTok;
        if (unpriced) {
            return new DailyRollup(day, "openai", "ft:gpt-5-mini:acme:x", null, alloc, req, input, 0, 0, 0, req * 100, 0, null,
                    BigDecimal.valueOf(req).multiply(new BigDecimal("0.0007")));
        }
        // cost per request scales with the input per request, so prompt growth moves it too
        BigDecimal priced = PER_REQUEST[m].multiply(BigDecimal.valueOf(req)).multiply(BigDecimal.valueOf(inTok))
                .divide(BigDecimal.valueOf(1000));
        String provider = MODELS[m].startsWith("claude") ? "anthropic" : "openai";
        BigDecimal billed = m == 0 ? priced.multiply(new BigDecimal("1.01")) : provider.equals("anthropic") ? priced : null;
        return new DailyRollup(day, provider, MODELS[m], MODELS[m], alloc, req, input * 3 / 4, input - input * 3 / 4, 0, 0, req * 300, 0,
                priced, billed);
    }
}

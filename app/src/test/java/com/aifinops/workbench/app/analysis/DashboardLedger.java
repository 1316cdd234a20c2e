package com.aifinops.workbench.app.analysis;

import com.aifinops.workbench.app.bench.RollupWriter;
import com.aifinops.workbench.app.cli.CliRun;
import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.model.ledger.DailyRollup;
import com.aifinops.workbench.model.usage.Allocation;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A small ledger for the home dashboard, last day 2026-03-10 (March has 31 days). Every row has 10 requests.
 * <pre>
 * 2026-02-03 openai    gpt-5      team support  agent triage   4.00 priced   (input 1000)
 * 2026-02-20 openai    gpt-5      team support  agent triage  50.00 priced   (input 1000)
 * 2026-03-01 openai    gpt-5      team support  agent triage  10.00 priced   (input 1000)
 * 2026-03-05 openai    gpt-5-mini team eng      agent coder   20.00 priced   (input 600 + 400 cache reads)
 * 2026-03-10 anthropic claude-x   no team       no agent       5.00 billed   (input 100, unpriced)
 * 2026-03-10 openai    mystery    no team       no agent       0    neither  (input 100)
 * budgets 2026-03: team:support $40, team:eng $60; invoice openai 2026-02; outcomes team:support 2026-03 tickets 20
 * </pre>
 */
public final class DashboardLedger {
    private DashboardLedger() {
    }

    private static DailyRollup row(String day, String provider, String model, String team, String agent, long uncached, long cached,
                                   String priced, String billed) {
        return new DailyRollup(LocalDate.parse(day), provider, model, priced == null ? null : model,
                new Allocation(null, team, null, agent, null, null, null, null, null, null, Map.of()), 10, uncached, cached, 0, 0, 100, 0,
                priced == null ? null : new BigDecimal(priced), billed == null ? null : new BigDecimal(billed));
    }

    /** Writes the ledger into the database at {@code db} (without H2's .mv.db suffix). */
    public static void write(Path db) throws Exception {
        try (Database d = Database.open(db)) {
            RollupWriter.write(d, "dashboard.csv", List.of(
                    row("2026-02-03", "openai", "gpt-5", "support", "triage", 1000, 0, "4.00", null),
                    row("2026-02-20", "openai", "gpt-5", "support", "triage", 1000, 0, "50.00", null),
                    row("2026-03-01", "openai", "gpt-5", "support", "triage", 1000, 0, "10.00", null),
                    row("2026-03-05", "openai", "gpt-5-mini", "eng", "coder", 600, 400, "20.00", null),
                    row("2026-03-10", "anthropic", "claude-x", null, null, 100, 0, null, "5.00"),
                    row("2026-03-10", "openai", "mystery", null, null, 100, 0, null, null)));
        }
        String p = db.toString();
        ok(CliRun.of("budget", "set", "--db", p, "--node", "team:support", "--month", "2026-03", "--usd", "40"));
        ok(CliRun.of("budget", "set", "--db", p, "--node", "team:eng", "--month", "2026-03", "--usd", "60"));
        ok(CliRun.of("invoice", "add", "--db", p, "--provider", "openai", "--number", "INV-2026-02", "--period", "2026-02", "--usage", "54"));
        ok(CliRun.of("unit", "outcomes", "--db", p, "--node", "team:support", "--month", "2026-03", "--outcome", "tickets", "--count", "20"));
    }

    private static void ok(CliRun r) {
        assertEquals(0, r.status(), r.err() + r.out());
    }
}

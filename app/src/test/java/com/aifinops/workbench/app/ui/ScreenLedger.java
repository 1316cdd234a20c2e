package com.aifinops.workbench.app.ui;

import com.aifinops.workbench.app.bench.RollupWriter;
import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.model.ledger.DailyRollup;
import com.aifinops.workbench.model.usage.Allocation;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small hand-made ledger for the analysis screens, written to an H2 file as the importer would leave it:
 * <ul>
 *   <li>agent {@code triage} (team support, openai gpt-5-mini): 100 requests and $1.00 every day from 2026-01-01 to
 *       2026-02-10, except a runaway loop on 2026-01-25: 1,000 requests, $10.00 (January: 30 × $1 + $10 = $40);</li>
 *   <li>agent {@code reply} (team support, gpt-5-mini): $9.00 a day from 2026-02-01 to 2026-02-10, so team support
 *       spends $10.00 a day in February, $100.00 by the 10th (the ledger's last day);</li>
 *   <li>agent {@code coder} (team eng, openai): on 02-05 an unpriced model billed $2.50, on 02-06 gpt-5-mini priced
 *       $4.003 billed $4.04, on 02-07 gpt-5-mini priced $0.004 with no billed cost.</li>
 * </ul>
 */
final class ScreenLedger {
    static final LocalDate LOOP_DAY = LocalDate.of(2026, 1, 25);

    private ScreenLedger() {
    }

    static Database create(Path file) throws Exception {
        Database db = Database.open(file);
        List<DailyRollup> rows = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2026, 1, 1); !d.isAfter(LocalDate.of(2026, 2, 10)); d = d.plusDays(1)) {
            boolean loop = d.equals(LOOP_DAY);
            rows.add(row(d, "gpt-5-mini", "gpt-5-mini", "support", "triage", loop ? 1000 : 100, loop ? "10.00" : "1.00", null));
            if (d.getMonthValue() == 2) {
                rows.add(row(d, "gpt-5-mini", "gpt-5-mini", "support", "reply", 300, "9.00", null));
            }
        }
        rows.add(row(LocalDate.of(2026, 2, 5), "ft:custom", null, "eng", "coder", 50, null, "2.50"));
        rows.add(row(LocalDate.of(2026, 2, 6), "gpt-5-mini", "gpt-5-mini", "eng", "coder", 60, "4.003", "4.04"));
        rows.add(row(LocalDate.of(2026, 2, 7), "gpt-5-mini", "gpt-5-mini", "eng", "coder", 1, "0.004", null));
        RollupWriter.write(db, "hand-made.csv", rows);
        return db;
    }

    /** 10 input and 1 output tokens per request, so a loop keeps tokens per request flat. */
    private static DailyRollup row(LocalDate day, String raw, String id, String team, String agent, long requests, String priced, String billed) {
        Allocation a = new Allocation(null, team, null, agent, null, null, null, "prod", null, null, Map.of());
        return new DailyRollup(day, "openai", raw, id, a, requests, requests * 10, 0, 0, 0, requests, 0,
                priced == null ? null : new BigDecimal(priced), billed == null ? null : new BigDecimal(billed));
    }
}

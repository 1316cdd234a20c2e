package com.aifinops.workbench.app.ledger;

import com.aifinops.workbench.app.analysis.H2DashboardQuery;
import com.aifinops.workbench.app.analysis.H2SpendQuery;
import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.model.analysis.Dashboard;
import com.aifinops.workbench.model.analysis.Dimension;
import com.aifinops.workbench.model.analysis.ReportRow;
import com.aifinops.workbench.model.ledger.ImportResult;
import com.aifinops.workbench.model.ledger.ImportService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * LiteLLM spend logs with failed requests, imported into an H2 file ledger: 8 requests on 2026-06-01 and 2026-06-02,
 * 2 of them {@code failure} (no spend) → the Home retry rate is 2 / 8 = 25 %, and {@code report --by tag:status}
 * shows the 2 failed requests apart.
 */
class ImportedRetryRateTest {
    @TempDir
    Path dir;

    @Test
    void failedRequestsAreTheHomeRetryRate() throws Exception {
        StringBuilder csv = new StringBuilder("request_id,startTime,model,custom_llm_provider,spend,prompt_tokens,completion_tokens,team_id,status\n");
        String[] status = {"success", "success", "failure", "success", "success", "success", "failure", "success"};
        for (int i = 0; i < status.length; i++) {
            boolean failed = status[i].equals("failure");
            csv.append(String.format("r%d,2026-06-0%d 10:00:%02d,gpt-5-mini,openai,%s,1000,%d,support,%s%n",
                    i, i < 4 ? 1 : 2, i, failed ? "0" : "0.01", failed ? 0 : 100, status[i]));
        }
        Path file = Files.writeString(dir.resolve("spend-logs.csv"), csv);
        try (Database db = Database.open(dir.resolve("ledger"))) {
            ImportResult r = new H2ImportService(db).importFile(file, null, ImportService.RejectPolicy.ALL_OR_NOTHING,
                    ImportService.ImportProgress.NONE);
            assertEquals(8, r.imported());

            Dashboard d = new H2DashboardQuery(db).dashboard(null);
            assertEquals(LocalDate.of(2026, 6, 2), d.asOf());
            assertEquals(0, d.retryRate().compareTo(new BigDecimal("0.25")), d.retryRate().toPlainString());

            List<ReportRow> rows = new H2SpendQuery(db).report(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 2),
                    List.of(Dimension.parse("tag:status")), Map.of()).rows();
            assertEquals(2, rows.stream().filter(x -> x.keys().get(0).equals("failure")).mapToLong(ReportRow::requests).sum());
            // 6 successes × $0.01
            assertEquals(0, rows.stream().filter(x -> x.keys().get(0).equals(Dimension.UNALLOCATED)).map(ReportRow::cost)
                    .reduce(BigDecimal.ZERO, BigDecimal::add).compareTo(new BigDecimal("0.06")));
        }
    }
}

package com.aifinops.workbench.importers.export;

import com.aifinops.workbench.model.price.ModelPrice;
import com.aifinops.workbench.model.workbook.Note;
import com.aifinops.workbench.model.workbook.Scenario;
import com.aifinops.workbench.model.workbook.UsageRollup;
import com.aifinops.workbench.model.workbook.Workbook;
import com.aifinops.workbench.model.workload.Workload;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The workbook's input sections as plain tables, for CSV export. Computed figures are added by the caller. */
public final class WorkbookTables {
    private WorkbookTables() {
    }

    public static List<Table> inputs(Workbook wb, List<ModelPrice> prices) {
        List<Table> out = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        for (Workload w : wb.workloads()) {
            rows.add(Arrays.asList(w.name(), w.modelId(), w.users(), w.requestsPerUserPerDay(), w.inputTokens(),
                    w.outputTokens(), w.cacheHitRate(), w.overhead(), w.daysPerMonth()));
        }
        out.add(new Table("workloads", List.of("workload", "model", "users", "requests_per_user_per_day", "input_tokens",
                "output_tokens", "cache_hit_rate", "overhead", "days_per_month"), rows));
        rows = new ArrayList<>();
        for (ModelPrice p : prices) {
            rows.add(Arrays.asList(p.id(), p.displayName(), p.provider(), p.prices().inputPerMTok(),
                    p.prices().cachedInputPerMTok(), p.prices().outputPerMTok(), p.source(), p.asOf()));
        }
        out.add(new Table("prices", List.of("model_id", "model", "provider", "input_per_mtok", "cached_input_per_mtok",
                "output_per_mtok", "source", "as_of"), rows));
        rows = new ArrayList<>();
        for (Scenario s : wb.scenarios()) {
            rows.add(Arrays.asList(s.name(), s.workload(), s.cacheHitRate(), s.overhead()));
        }
        out.add(new Table("scenarios", List.of("scenario", "workload", "cache_hit_rate", "overhead"), rows));
        rows = new ArrayList<>();
        for (Note n : wb.notes()) {
            rows.add(Arrays.asList(n.text(), n.internal()));
        }
        out.add(new Table("notes", List.of("note", "internal"), rows));
        if (!wb.usageRollups().isEmpty()) {
            out.add(rollups(wb.usageRollups()));
        }
        return out;
    }

    public static Table rollups(List<UsageRollup> rollups) {
        List<List<Object>> rows = new ArrayList<>();
        for (UsageRollup r : rollups) {
            rows.add(Arrays.asList(r.month(), r.team(), r.project(), r.model(), r.user(), r.apiKey(), r.customer(),
                    r.requests(), r.inputTokens(), r.cachedInputTokens(), r.outputTokens(), r.costUsd()));
        }
        return new Table("usage_rollups", List.of("month", "team", "project", "model", "user", "api_key", "customer",
                "requests", "input_tokens", "cached_input_tokens", "output_tokens", "cost_usd"), rows);
    }
}

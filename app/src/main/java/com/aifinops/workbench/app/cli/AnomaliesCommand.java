package com.aifinops.workbench.app.cli;

import com.aifinops.workbench.app.analysis.H2SpendQuery;
import com.aifinops.workbench.app.analysis.SpendAnalysis;
import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.model.analysis.Anomaly;
import com.aifinops.workbench.model.analysis.AnomalyDetector;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code anomalies}: days an agent, team or model left its baseline, with the likely cause and the extra cost. */
final class AnomaliesCommand implements Command {
    @Override
    public String name() {
        return "anomalies";
    }

    @Override
    public String summary() {
        return "spend anomalies per agent, team and model with their likely cause";
    }

    @Override
    public String help() {
        return """
                Usage: anomalies [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--band PCT] [--db PATH] [--json]

                Compares each day of every agent, team and model with its own trailing baseline (the up to 14
                previous normal days within 28 days) and names the cause:
                  runaway_loop    requests ≥ 5 × the 7-day mean
                  context_growth  input tokens per request ≥ 3 × the baseline
                  model_change    cost per request up more than the band (default 30 %) at flat tokens per request
                  volume_growth   requests ≥ 2 × the 14-day mean
                  unpriced_model  a model first seen in the period that the catalogue cannot price
                  other           cost ≥ 2 × the 7-day mean, none of the above
                Consecutive days with one cause are one finding; a team or model finding that an agent finding
                explains is folded into it. extraCostUsd is the cost above what the baseline predicts.
                  --from, --to   findings starting in this range (default: the ledger's last 30 days)
                  --band PCT     model_change band in percent (default 30)
                  --json         {"anomalies":[{"date","dimension","key","cause","extraCostUsd","lastDate","days",
                                  "detail","rows"}]}
                """;
    }

    @Override
    public int run(String[] tokens, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(name(), tokens, Set.of("from", "to", "band", "db"), Set.of("json"));
        LocalDate from = AnalysisArgs.date(a, "from");
        LocalDate to = AnalysisArgs.date(a, "to");
        AnalysisArgs.checkRange(from, to);
        AnomalyDetector.Options o = AnomalyDetector.DEFAULTS;
        if (a.has("band")) {
            BigDecimal band = a.decimal("band", new BigDecimal("1000")).orElseThrow().movePointLeft(2);
            o = new AnomalyDetector.Options(o.loopFactor(), o.contextFactor(), band, o.growthFactor(), o.otherFactor(),
                    o.shortBaselineDays(), o.longBaselineDays(), o.lookbackDays(), o.minBaselineDays());
        }
        List<Anomaly> found;
        try (Database db = DbOption.open(a)) {
            LocalDate[] span = new H2SpendQuery(db).span();
            if (span == null) {
                found = List.of();
            } else {
                if (to == null) {
                    to = span[1];
                }
                if (from == null) {
                    from = to.minusDays(29);
                }
                found = new SpendAnalysis(db).anomalies(from, to, o);
            }
        }
        if (a.has("json")) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (Anomaly f : found) {
                Map<String, Object> j = new LinkedHashMap<>();
                j.put("date", f.date().toString());
                j.put("dimension", f.dimension());
                j.put("key", f.key());
                j.put("cause", f.cause().label());
                j.put("extraCostUsd", AnalysisArgs.cents(f.extraCost()));
                j.put("lastDate", f.lastDate().toString());
                j.put("days", f.days());
                j.put("detail", f.detail());
                j.put("rows", f.rows().size());
                list.add(j);
            }
            out.println(Json.write(Map.of("anomalies", list)));
        } else if (found.isEmpty()) {
            out.println("No anomalies" + (from == null ? " (the ledger is empty)" : " from " + from + " to " + to));
        } else {
            for (Anomaly f : found) {
                out.printf("%-22s %-6s %-24s %-15s %12s  %s%n", f.date() + (f.days() > 1 ? " (" + f.days() + " days)" : ""),
                        f.dimension(), f.key(), f.cause().label(), AnalysisArgs.money(f.extraCost()), f.detail());
            }
        }
        return Cli.OK;
    }
}

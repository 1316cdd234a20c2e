package com.aifinops.workbench.app.cli;

import com.aifinops.workbench.app.analysis.H2SpendQuery;
import com.aifinops.workbench.app.analysis.SpendAnalysis;
import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.model.analysis.Anomaly;
import com.aifinops.workbench.model.analysis.AnomalyDetector;
import com.aifinops.workbench.model.analysis.HourlyAnomalyDetector;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code anomalies}: days (and hours) an agent, team or model left its baseline, with the likely cause and the extra cost. */
final class AnomaliesCommand implements Command {
    /** An hour as JSON and the table show it: UTC, to the minute. */
    static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'").withZone(ZoneOffset.UTC);

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
                Usage: anomalies [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--band PCT] [--min-extra USD]
                                 [--granularity both|day|hour] [--db PATH] [--json]

                Compares each day of every agent, team and model with its own trailing baseline (the up to 14
                previous normal days within 28 days) and names the cause:
                  runaway_loop    requests ≥ 5 × the 7-day mean
                  context_growth  input tokens per request ≥ 3 × the baseline
                  model_change    cost per request up more than the band (default 30 %) at flat tokens per request
                  volume_growth   requests ≥ 2 × the 14-day mean
                  unpriced_model  a model first seen in the period that the catalogue cannot price
                  other           cost ≥ 2 × the 7-day mean, none of the above
                Where the ledger has hourly rows (request-level or hourly imports), each hour is compared the same
                way with the series' normal hours of the previous 168 (the latest 24 for the mean hour and the
                per-request tests; the larger of that mean and the same hour of day's, so office hours are not a
                surge): runaway_loop ≥ 5 ×, context_growth ≥ 3 ×, model_change ≥ 1 + band, volume_growth ≥ 2 ×.
                An event a day total dilutes (a three-hour loop) is found by the hour; one both see is reported
                once, by the hour when the hours span its days, else by the day with the hour it began.
                Consecutive days (hours) with one cause are one finding; a team or model finding that an agent
                finding explains is folded into it. extraCostUsd is the cost above what the baseline predicts.
                  --from, --to     findings starting in this range (default: the ledger's last 30 days)
                  --band PCT       model_change band in percent (default 30)
                  --min-extra USD  daily findings with less extra cost are not reported (default 0.50; 0 shows all)
                  --granularity G  both (default), day (daily rollups only) or hour (hourly series only)
                  --json           {"anomalies":[{"date","dimension","key","cause","extraCostUsd","lastDate","days",
                                    "detail","rows","granularity","hour","lastHour","hours"}]}: granularity is day
                                    or hour; hour is the first anomalous hour (UTC, 2026-06-14T13:00Z) of an hourly
                                    finding and of a daily one the hours also caught, else null; lastHour and
                                    hours only for hourly findings (else null and 0)
                """;
    }

    @Override
    public int run(String[] tokens, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(name(), tokens, Set.of("from", "to", "band", "min-extra", "db", "granularity"), Set.of("json"));
        Set<Anomaly.Granularity> granularities = switch (a.get("granularity").orElse("both")) {
            case "both" -> EnumSet.allOf(Anomaly.Granularity.class);
            case "day" -> EnumSet.of(Anomaly.Granularity.DAY);
            case "hour" -> EnumSet.of(Anomaly.Granularity.HOUR);
            default -> throw new CliException("--granularity: expected both, day or hour, got '" + a.get("granularity").get() + "'");
        };
        LocalDate from = AnalysisArgs.date(a, "from");
        LocalDate to = AnalysisArgs.date(a, "to");
        AnalysisArgs.checkRange(from, to);
        AnomalyDetector.Options o = AnomalyDetector.DEFAULTS;
        if (a.has("band")) {
            BigDecimal band = a.decimal("band", new BigDecimal("1000")).orElseThrow().movePointLeft(2);
            o = o.withBand(band);
        }
        if (a.has("min-extra")) {
            o = o.withMinExtraCost(a.decimal("min-extra", new BigDecimal("1000000")).orElseThrow());
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
                found = new SpendAnalysis(db).anomalies(from, to, o, HourlyAnomalyDetector.DEFAULTS.withBand(o.costBand()), granularities);
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
                j.put("granularity", f.granularity().label());
                j.put("hour", hour(f.hour()));
                j.put("lastHour", hour(f.lastHour()));
                j.put("hours", f.hours());
                list.add(j);
            }
            out.println(Json.write(Map.of("anomalies", list)));
        } else if (found.isEmpty()) {
            out.println("No anomalies" + (from == null ? " (the ledger is empty)" : " from " + from + " to " + to));
        } else {
            for (Anomaly f : found) {
                out.printf("%-22s %-6s %-24s %-15s %12s  %s%n", when(f), f.dimension(), f.key(), f.cause().label(),
                        AnalysisArgs.money(f.extraCost()), f.detail());
            }
        }
        return Cli.OK;
    }

    private static String hour(Instant h) {
        return h == null ? null : HOUR.format(h);
    }

    /** {@code 2026-06-14 (3 days)}, {@code 2026-06-14 from 13:00Z}, or for an hourly run {@code 2026-06-14 13:00Z (3 h)}. */
    static String when(Anomaly f) {
        if (f.hourly()) {
            return f.date() + " " + HOUR.format(f.hour()).substring(11) + " (" + f.hours() + " h)";
        }
        return f.date() + (f.hour() != null ? " from " + HOUR.format(f.hour()).substring(11) : "") + (f.days() > 1 ? " (" + f.days() + " days)" : "");
    }
}

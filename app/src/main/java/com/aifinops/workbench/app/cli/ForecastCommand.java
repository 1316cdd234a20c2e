package com.aifinops.workbench.app.cli;

import com.aifinops.workbench.importers.workbook.WorkbookJson;
import com.aifinops.workbench.model.workbook.PriceChange;
import com.aifinops.workbench.model.workbook.Scenario;
import com.aifinops.workbench.model.workbook.UsageRollup;
import com.aifinops.workbench.model.workbook.Workbook;
import com.aifinops.workbench.pricing.catalog.BuiltInCatalog;
import com.aifinops.workbench.pricing.forecast.HistoryForecast;
import com.aifinops.workbench.pricing.forecast.WorkbookForecast;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** {@code forecast}: the monthly cost of each workload and in total over a horizon, with per-user percentiles. */
final class ForecastCommand implements Command {
    @Override
    public String name() {
        return "forecast";
    }

    @Override
    public String summary() {
        return "monthly cost forecast per workload and in total (growth, price changes, P50/P90/P99)";
    }

    @Override
    public String help() {
        return """
                Usage: forecast WORKBOOK [--scenario NAME] [--months N] [--start YYYY-MM] [--growth G]
                                [--price-change MONTH=FACTOR …] [--history] [--json]

                Month m (1 = the first forecast month) of each workload costs
                    cost_m = cost_1 · (1 + g)^(m−1) · Π factor of the price changes from a month ≤ m
                where cost_1 is the workload's monthly cost on its own model. A workload with a spend spread
                (spendSigma) also gets its per-user spend P50/P90/P99 by Monte Carlo (100,000 samples of a
                lognormal whose mean is the cost per user; growth adds users, prices move the percentiles):
                budget per user at P90, hard cap at P99.

                  --scenario NAME          apply the scenario's overrides, growth and price changes
                  --months N               horizon, 1..120 (default 12)
                  --start YYYY-MM          the calendar month of forecast month 1 (default: next month)
                  --growth G               compound monthly growth, e.g. 0.05 (overrides the scenario's)
                  --price-change M=F       prices × F from month M on, e.g. 7=2.5 or 4=0.5; M may be a date
                                           (2027-03 or 2027-03-15: from that calendar month on) (repeatable;
                                           replaces the scenario's)
                  --history                also fit a trend to the workbook's monthly usage totals and forecast it
                                           with a 90 % prediction interval
                  --json                   {"workbook","scenario","months","start","monthlyGrowth","priceChanges":[{"fromMonth","factor"}],
                                            "workloads":[{"name","modelId","monthly":[{"month","yearMonth","costUsd",
                                              "perUserP50Usd","perUserP90Usd","perUserP99Usd"}],
                                              "budgetPerUserUsd","hardCapPerUserUsd"}],
                                            "total":[{"month","yearMonth","costUsd"}],"unpriced":[…],
                                            "history":{"months":[…],"forecast":[{"month","costUsd","lowUsd","highUsd"}]}}
                                           amounts are decimal strings rounded half-up to the cent; the
                                           per-user keys and budgets are null without a spend spread
                """;
    }

    @Override
    public int run(String[] argv, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(name(), argv, Set.of("scenario", "months", "start", "growth", "price-change"), Set.of("json", "history"));
        Path file = WorkbookArg.single(name(), a);
        int months = a.integer("months", 12, 1, 120);
        YearMonth start;
        try {
            start = a.get("start").map(YearMonth::parse).orElse(YearMonth.now().plusMonths(1));
        } catch (java.time.format.DateTimeParseException e) {
            throw new CliException("--start: expected a month such as 2027-01, got '" + a.get("start").orElse("") + "'");
        }
        BigDecimal growth = a.decimal("growth", null).orElse(null);
        List<PriceChange> changes = null;
        if (!a.all("price-change").isEmpty()) {
            changes = new ArrayList<>();
            for (String spec : a.all("price-change")) {
                changes.add(priceChange(spec, start));
            }
        }
        Workbook wb = WorkbookJson.read(file);
        Scenario scenario = null;
        if (a.has("scenario")) {
            String n = a.get("scenario").orElseThrow();
            scenario = wb.scenarios().stream().filter(s -> s.name().equals(n)).findFirst()
                    .orElseThrow(() -> new CliException("no scenario '" + n + "' in " + file + " (it has: "
                            + String.join(", ", wb.scenarios().stream().map(Scenario::name).toList()) + ")"));
        }
        WorkbookForecast.Result r = WorkbookForecast.of(wb, BuiltInCatalog.get(), scenario, months, growth, changes);
        Map<String, Object> j = json(wb, scenario, months, start, r, a.has("history"));
        if (a.has("json")) {
            out.println(Json.write(j));
        } else {
            text(wb, scenario, r, j, out);
        }
        return Cli.OK;
    }

    /** MONTH=FACTOR where MONTH is a forecast month (1 = {@code start}) or a date, whose calendar month counts. */
    static PriceChange priceChange(String spec, YearMonth start) throws CliException {
        int eq = spec.indexOf('=');
        try {
            if (eq <= 0) {
                throw new NumberFormatException();
            }
            String when = spec.substring(0, eq).trim();
            int month;
            if (when.contains("-")) {
                YearMonth ym = when.length() > 7 ? YearMonth.from(java.time.LocalDate.parse(when)) : YearMonth.parse(when);
                month = (int) java.time.temporal.ChronoUnit.MONTHS.between(start, ym) + 1;
                if (month < 1) {
                    throw new CliException("--price-change " + spec + ": " + when + " is before the first forecast month " + start);
                }
            } else {
                month = Integer.parseInt(when);
            }
            return new PriceChange(month, new BigDecimal(spec.substring(eq + 1).trim()), null);
        } catch (java.time.format.DateTimeParseException e) {
            throw new CliException("--price-change: expected MONTH=FACTOR such as 7=2.5 or 2027-03=2.5, got '" + spec + "'");
        } catch (NumberFormatException e) {
            throw new CliException("--price-change: expected MONTH=FACTOR such as 7=2.5, got '" + spec + "'");
        } catch (IllegalArgumentException e) {
            throw new CliException("--price-change " + spec + ": " + e.getMessage());
        }
    }

    private static String usd(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static Map<String, Object> json(Workbook wb, Scenario s, int months, YearMonth start, WorkbookForecast.Result r,
                                            boolean history) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("workbook", wb.name());
        j.put("scenario", s == null ? null : s.name());
        j.put("months", months);
        j.put("start", start.toString());
        j.put("monthlyGrowth", BigDecimal.valueOf(r.growth()).stripTrailingZeros().toPlainString());
        List<Object> pcs = new ArrayList<>();
        for (PriceChange p : r.priceChanges()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("fromMonth", p.fromMonth());
            m.put("factor", p.factor().toPlainString());
            pcs.add(m);
        }
        j.put("priceChanges", pcs);
        List<Object> ws = new ArrayList<>();
        for (WorkbookForecast.WorkloadForecast f : r.workloads()) {
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("name", f.workload().name());
            w.put("modelId", f.model().id());
            List<Object> ms = new ArrayList<>();
            for (WorkbookForecast.Month m : f.months()) {
                Map<String, Object> mm = new LinkedHashMap<>();
                mm.put("month", m.month());
                mm.put("yearMonth", start.plusMonths(m.month() - 1).toString());
                mm.put("costUsd", usd(m.cost()));
                mm.put("perUserP50Usd", m.perUser() == null ? null : usd(m.perUser().p50()));
                mm.put("perUserP90Usd", m.perUser() == null ? null : usd(m.perUser().p90()));
                mm.put("perUserP99Usd", m.perUser() == null ? null : usd(m.perUser().p99()));
                ms.add(mm);
            }
            w.put("monthly", ms);
            WorkbookForecast.PerUser first = f.months().get(0).perUser();
            w.put("budgetPerUserUsd", first == null ? null : usd(first.p90()));
            w.put("hardCapPerUserUsd", first == null ? null : usd(first.p99()));
            ws.add(w);
        }
        j.put("workloads", ws);
        List<Object> total = new ArrayList<>();
        for (int i = 0; i < r.totals().length; i++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("month", i + 1);
            m.put("yearMonth", start.plusMonths(i).toString());
            m.put("costUsd", usd(r.totals()[i]));
            total.add(m);
        }
        j.put("total", total);
        j.put("unpriced", r.unpriced());
        if (history) {
            j.put("history", history(wb, months));
        }
        return j;
    }

    /** The workbook's usage rollups summed per month, and a least-squares trend forecast of them. */
    private static Map<String, Object> history(Workbook wb, int months) {
        TreeMap<String, BigDecimal> byMonth = new TreeMap<>();
        for (UsageRollup u : wb.usageRollups()) {
            byMonth.merge(u.month(), u.costUsd(), BigDecimal::add);
        }
        Map<String, Object> h = new LinkedHashMap<>();
        List<Object> seen = new ArrayList<>();
        byMonth.forEach((m, v) -> seen.add(Map.of("month", m, "costUsd", v.setScale(2, RoundingMode.HALF_UP).toPlainString())));
        h.put("months", seen);
        double[] y = byMonth.values().stream().mapToDouble(BigDecimal::doubleValue).toArray();
        List<Object> fc = new ArrayList<>();
        if (y.length >= 3) {
            for (HistoryForecast.Point p : HistoryForecast.forecast(y, 1, months, 0.90)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("month", p.step() - y.length + 1);
                m.put("costUsd", usd(p.value()));
                m.put("lowUsd", usd(p.low()));
                m.put("highUsd", usd(p.high()));
                fc.add(m);
            }
        }
        h.put("forecast", fc);
        return h;
    }

    @SuppressWarnings("unchecked")
    private static void text(Workbook wb, Scenario s, WorkbookForecast.Result r, Map<String, Object> j, PrintStream out) {
        out.printf("%s — %d-month forecast%s; growth %s %%/month%s%n", wb.name(), r.totals().length,
                s == null ? "" : " (scenario " + s.name() + ")",
                BigDecimal.valueOf(r.growth()).movePointRight(2).stripTrailingZeros().toPlainString(),
                r.priceChanges().isEmpty() ? "" : "; prices " + String.join(", ", r.priceChanges().stream()
                        .map(p -> "×" + p.factor().stripTrailingZeros().toPlainString() + " from month " + p.fromMonth()).toList()));
        StringBuilder head = new StringBuilder(String.format("%-9s", "Month"));
        for (WorkbookForecast.WorkloadForecast f : r.workloads()) {
            head.append(String.format(" %20s", shorten(f.workload().name(), 20)));
        }
        head.append(String.format(" %16s", "Total"));
        out.println(head);
        for (int i = 0; i < r.totals().length; i++) {
            StringBuilder line = new StringBuilder(String.format("%-9s", ((List<Map<String, Object>>) j.get("total")).get(i).get("yearMonth")));
            for (WorkbookForecast.WorkloadForecast f : r.workloads()) {
                line.append(String.format(" %20s", money(f.months().get(i).cost())));
            }
            line.append(String.format(" %16s", money(r.totals()[i])));
            out.println(line);
        }
        for (WorkbookForecast.WorkloadForecast f : r.workloads()) {
            WorkbookForecast.PerUser p = f.months().get(0).perUser();
            if (p != null) {
                out.printf("%s: per-user spend (σ %s) month 1 P50 %s · P90 %s · P99 %s → budget %s/user, hard cap %s/user%n",
                        f.workload().name(), f.sigma().toPlainString(), money(p.p50()), money(p.p90()), money(p.p99()),
                        money(p.p90()), money(p.p99()));
            }
        }
        if (!r.unpriced().isEmpty()) {
            out.println("Not priced (no price row): " + String.join(", ", r.unpriced()));
        }
        Map<String, Object> h = (Map<String, Object>) j.get("history");
        if (h != null) {
            List<Map<String, Object>> fc = (List<Map<String, Object>>) h.get("forecast");
            if (fc.isEmpty()) {
                out.println("History: fewer than 3 months of usage totals, no trend.");
            } else {
                out.println("History trend (90 % interval):");
                for (Map<String, Object> m : fc) {
                    out.printf("  +%-3s $%s  [$%s … $%s]%n", m.get("month"), m.get("costUsd"), m.get("lowUsd"), m.get("highUsd"));
                }
            }
        }
    }

    private static String money(double v) {
        return String.format("$%,.2f", BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP));
    }

    private static String shorten(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}

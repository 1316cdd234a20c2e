package com.aifinops.workbench.app.bench;

import com.aifinops.workbench.app.analysis.H2BudgetStore;
import com.aifinops.workbench.app.analysis.H2SpendQuery;
import com.aifinops.workbench.app.analysis.SpendAnalysis;
import com.aifinops.workbench.app.cli.Cli;
import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.model.analysis.Anomaly;
import com.aifinops.workbench.model.analysis.AnomalyDetector;
import com.aifinops.workbench.model.analysis.Budget;
import com.aifinops.workbench.model.analysis.Dimension;
import com.aifinops.workbench.model.analysis.HourlyAnomalyDetector;
import com.aifinops.workbench.model.analysis.Node;
import com.aifinops.workbench.model.ledger.DailyRollup;
import com.aifinops.workbench.model.usage.Allocation;

import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Spend analysis at scale (README: "Benchmarks"): one year of daily rollups for 1,000 agents (365,000 rows in
 * 50 teams, 8 models, 2 providers) in an H2 file database, the last 30 days also as hourly series (720,000
 * agent-hours plus the teams' and models' hours; those days' rollups are the sums of their hours); times
 * {@code report --by team,month}, {@code report --by agent}, budget status (50 team budgets) and anomaly detection
 * (the default last 30 days daily and hourly, and the whole year), each as the service call on an open database and
 * as the whole CLI command (which opens the database itself); the hourly scan also on a fresh connection each run
 * (its first read) and as a CLI run in a new JVM. Prints the median and p90 wall-clock time of 9 timed runs after 3 warm-ups (the whole-year
 * anomaly scan: 3 after 1), the median CPU time of the calling thread, and the system load average, since the
 * machine may be shared.
 *
 * <pre>java -cp app/target/ai-finops-workbench.jar com.aifinops.workbench.app.bench.AnalysisBenchmark [DB-PATH]</pre>
 * With DB-PATH the database is kept (and reused when it already holds the rows).
 */
public final class AnalysisBenchmark {
    private static final int AGENTS = 1000;
    private static final int DAYS = 365;
    private static final LocalDate FIRST = LocalDate.of(2025, 1, 1);
    private static final String[] MODELS = {"gpt-5-mini", "gpt-5.5", "gpt-5", "o4-mini", "claude-sonnet-4.6", "claude-haiku-4.5",
            "claude-opus-4.6", "gemini-2.5-pro"};
    private static final BigDecimal[] PER_MTOK_IN = prices("0.25", "5", "1.25", "1.10", "3", "1", "15", "1.25");
    private static final BigDecimal[] PER_MTOK_OUT = prices("2", "30", "10", "4.40", "15", "5", "75", "10");
    /** The last days of the year also kept as hourly series. */
    private static final int HOURLY_DAYS = 30;
    /** Share of a day's requests per UTC hour (sums to 124): quiet nights, busy working hours. */
    private static final int[] DIURNAL = {2, 1, 1, 1, 1, 2, 3, 5, 7, 9, 10, 10, 9, 10, 10, 9, 8, 7, 5, 4, 3, 3, 2, 2};
    private static final int DIURNAL_SUM = Arrays.stream(DIURNAL).sum();

    private AnalysisBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path file = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("afw-bench").resolve("ledger");
        try (Database db = Database.open(file)) {
            long have = new H2SpendQuery(db).report(null, null, List.of(), Map.of()).total().requests();
            if (have == 0) {
                long t0 = System.nanoTime();
                fill(db);
                System.out.printf("filled %,d daily rollups and %,d agent-hours (plus team and model hours) in %.1f s into %s.mv.db%n", AGENTS * DAYS,
                        AGENTS * HOURLY_DAYS * 24, (System.nanoTime() - t0) / 1e9, file);
            } else {
                System.out.println("reusing " + file + ".mv.db");
            }
            YearMonth last = YearMonth.from(FIRST.plusDays(DAYS - 1));
            H2BudgetStore budgets = new H2BudgetStore(db);
            for (int t = 0; t < 50; t++) {
                budgets.put(new Budget(Node.parse("team:team-" + t), last, new BigDecimal("2500")));
            }
            // H2 would otherwise hand back the previous result of an identical query on unchanged tables
            try (var st = db.connection().createStatement()) {
                st.execute("SET OPTIMIZE_REUSE_RESULTS FALSE");
            }
            H2SpendQuery q = new H2SpendQuery(db);
            long tb = System.nanoTime();
            q.report(null, null, List.of(Dimension.parse("team")), Map.of());
            System.out.printf("first report after the import (builds the monthly summary): %.0f ms%n", (System.nanoTime() - tb) / 1e6);
            SpendAnalysis analysis = new SpendAnalysis(db);
            LocalDate lastDay = FIRST.plusDays(DAYS - 1);
            List<Dimension> teamMonth = List.of(Dimension.parse("team"), Dimension.parse("month"));
            List<Dimension> agent = List.of(Dimension.parse("agent"));
            report("report --by team,month (service)", time(() -> q.report(null, null, teamMonth, Map.of()).rows().size()));
            report("report --by agent (service)", time(() -> q.report(null, null, agent, Map.of()).rows().size()));
            report("budget status, 50 team budgets (service)", time(() -> analysis.budgetStatus(last, null).size()));
            LocalDate from30 = lastDay.minusDays(29);
            HourlyAnomalyDetector.Options ho = HourlyAnomalyDetector.DEFAULTS;
            report("anomalies, last 30 days, day only (service)", time(() -> analysis.anomalies(from30, lastDay, AnomalyDetector.DEFAULTS, ho,
                    EnumSet.of(Anomaly.Granularity.DAY)).size()));
            report("anomalies, last 30 days, both, warm (service)", time(() -> analysis.anomalies(from30, lastDay, AnomalyDetector.DEFAULTS).size()));
            report("anomalies, last 30 days, both, fresh connection (service)", time(() -> {
                try (Database fresh = Database.open(file)) {
                    return new SpendAnalysis(fresh).anomalies(from30, lastDay, AnomalyDetector.DEFAULTS).size();
                }
            }));
            analysis.anomalies(from30, lastDay, AnomalyDetector.DEFAULTS).stream().filter(a -> a.granularity() == Anomaly.Granularity.HOUR)
                    .forEach(a -> System.out.println("  found hourly " + a.hour() + ".." + a.lastHour() + " " + a.dimension() + " " + a.key()
                            + " " + a.cause().label() + " extra " + com.aifinops.workbench.model.Usd.format(a.extraCost())));
            report("anomalies, whole year (service)", time(() -> analysis.anomalies(FIRST, lastDay, AnomalyDetector.DEFAULTS).size(), 1, 3));
            analysis.anomalies(FIRST, lastDay, AnomalyDetector.DEFAULTS).forEach(a -> System.out.println("  found " + a.date() + " "
                    + a.dimension() + " " + a.key() + " " + a.cause().label() + " extra " + com.aifinops.workbench.model.Usd.format(a.extraCost())));
        }
        String db = file.toString();
        report("CLI report --by team,month --json", time(() -> cli("report", "--db", db, "--by", "team,month", "--json")));
        report("CLI report --by agent --json", time(() -> cli("report", "--db", db, "--by", "agent", "--json")));
        report("CLI budget status --json", time(() -> cli("budget", "status", "--db", db, "--json")));
        report("CLI anomalies --granularity day --json", time(() -> cli("anomalies", "--db", db, "--granularity", "day", "--json")));
        report("CLI anomalies --json (both, last 30 days)", time(() -> cli("anomalies", "--db", db, "--json")));
        report("CLI anomalies --json, new JVM", time(() -> newJvm("anomalies", "--db", db, "--json"), 1, 5));
    }

    /** The command in a JVM of its own, as a user runs it (the wall time includes the JVM's start). */
    private static int newJvm(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), "com.aifinops.workbench.app.Launcher"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        int status = p.waitFor();
        if (status != 0) {
            throw new IllegalStateException("exit " + status + " for " + String.join(" ", args));
        }
        return status + 1;
    }

    private static int cli(String... args) {
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
        int status = Cli.standard().run(args, sink, sink);
        if (status != 0) {
            throw new IllegalStateException("exit " + status + " for " + String.join(" ", args));
        }
        return status + 1;
    }

    private static BigDecimal[] prices(String... p) {
        return Arrays.stream(p).map(BigDecimal::new).toArray(BigDecimal[]::new);
    }

    /**
     * 1,000 agents × 365 days, one model each, weekday/weekend volume and noise; three agents carry planted daily
     * events. The last {@link #HOURLY_DAYS} days are also written hour by hour (requests spread by {@link #DIURNAL},
     * the remainder in the 10:00 hour), with the teams' and models' sums; agent-123 loops for three hours (14:00 to
     * 16:59, six times its requests) ten days before the end, which its day total dilutes.
     */
    static void fill(Database db) throws Exception {
        Random r = new Random(7);
        int[] base = new int[AGENTS];
        int[] model = new int[AGENTS];
        int[] in = new int[AGENTS];
        int[] out = new int[AGENTS];
        for (int a = 0; a < AGENTS; a++) {
            base[a] = 50 + r.nextInt(2000);
            model[a] = r.nextInt(MODELS.length);
            in[a] = 300 + r.nextInt(6000);
            out[a] = 50 + r.nextInt(1000);
        }
        model[42] = 0; // gpt-5-mini until its silent switch
        List<DailyRollup> chunk = new ArrayList<>();
        HourlyWriter hourly = new HourlyWriter(db, "bench-hourly.jsonl");
        for (int d = 0; d < DAYS; d++) {
            LocalDate day = FIRST.plusDays(d);
            boolean weekend = day.getDayOfWeek().getValue() >= 6;
            boolean hours = d >= DAYS - HOURLY_DAYS;
            long[][] teamHours = new long[AGENTS / 20][];
            Map<String, long[]> modelHours = new java.util.TreeMap<>();
            Map<String, BigDecimal[]> teamCost = new java.util.HashMap<>(), modelCost = new java.util.HashMap<>();
            for (int a = 0; a < AGENTS; a++) {
                long req = Math.round(base[a] * (weekend ? 0.6 : 1.0) * (0.9 + 0.2 * r.nextDouble()));
                int m = model[a];
                long inTok = in[a];
                if (a == 17 && (d == 200 || d == 201)) {
                    req *= 10; // a runaway loop
                }
                if (a == 42 && d >= 300) {
                    m = 6; // a silent switch to the priciest model
                }
                if (a == 99 && d >= 330) {
                    inTok *= 3; // a tripled prompt
                }
                long input = req * inTok;
                long cached = input / 4;
                long output = req * out[a];
                int team = a / 20;
                String provider = MODELS[m].startsWith("claude") ? "anthropic" : MODELS[m].startsWith("gemini") ? "google" : "openai";
                BigDecimal priced = price(m, input, cached, output);
                if (hours) { // the day as the sum of its hours
                    long dayReq = req;
                    req = input = cached = output = 0;
                    priced = BigDecimal.ZERO;
                    for (int h = 0; h < 24; h++) {
                        long hReq = dayReq * DIURNAL[h] / DIURNAL_SUM + (h == 10 ? dayReq - spread(dayReq) : 0);
                        if (a == 123 && d == DAYS - 10 && h >= 14 && h <= 16) {
                            hReq *= 6;
                        }
                        if (hReq == 0) {
                            continue;
                        }
                        long hIn = hReq * inTok, hCached = hIn / 4, hOut = hReq * out[a];
                        BigDecimal hCost = price(m, hIn, hCached, hOut);
                        Instant at = day.atTime(h, 0).toInstant(ZoneOffset.UTC);
                        hourly.add(HourlyWriter.Row.of(at, "agent", "agent-" + a, hReq, hIn, hOut, hCost));
                        add(teamHours, team, teamCost, "team-" + team, h, hReq, hIn, hOut, hCost);
                        add(modelHours, MODELS[m], modelCost, h, hReq, hIn, hOut, hCost);
                        req += hReq;
                        input += hIn;
                        cached += hCached;
                        output += hOut;
                        priced = priced.add(hCost);
                    }
                }
                Allocation alloc = new Allocation("acme", "team-" + team, "project-" + (a / 5), "agent-" + a, null, "key-" + a, null,
                        a % 10 == 0 ? "staging" : "prod", null, null, Map.of("env", a % 10 == 0 ? "staging" : "prod"));
                chunk.add(new DailyRollup(day, provider, MODELS[m], MODELS[m], alloc, req, input - cached, cached, 0, 0, output, 0, priced,
                        provider.equals("anthropic") ? priced : null));
            }
            for (int t = 0; t < teamHours.length; t++) {
                write(hourly, day, "team", "team-" + t, teamHours[t], teamCost.get("team-" + t));
            }
            for (Map.Entry<String, long[]> e : modelHours.entrySet()) {
                write(hourly, day, "model", e.getKey(), e.getValue(), modelCost.get(e.getKey()));
            }
            if (chunk.size() >= 20_000 || d == DAYS - 1) {
                RollupWriter.write(db, "bench-" + d + ".csv", chunk);
                chunk.clear();
            }
        }
        hourly.close();
    }

    /** The requests {@link #DIURNAL} hands out before the remainder. */
    private static long spread(long dayReq) {
        long n = 0;
        for (int w : DIURNAL) {
            n += dayReq * w / DIURNAL_SUM;
        }
        return n;
    }

    private static BigDecimal price(int m, long input, long cached, long output) {
        return BigDecimal.valueOf(input - cached).multiply(PER_MTOK_IN[m])
                .add(BigDecimal.valueOf(cached).multiply(PER_MTOK_IN[m]).movePointLeft(1))
                .add(BigDecimal.valueOf(output).multiply(PER_MTOK_OUT[m])).movePointLeft(6);
    }

    /** Adds an agent's hour to a team's or model's day: requests, input, output per hour (72 longs), cost per hour. */
    private static void add(long[][] sums, int index, Map<String, BigDecimal[]> cost, String key, int h, long req, long in, long out,
                            BigDecimal c) {
        if (sums[index] == null) {
            sums[index] = new long[72];
        }
        add(sums[index], cost.computeIfAbsent(key, k -> zeros()), h, req, in, out, c);
    }

    private static void add(Map<String, long[]> sums, String key, Map<String, BigDecimal[]> cost, int h, long req, long in, long out,
                            BigDecimal c) {
        add(sums.computeIfAbsent(key, k -> new long[72]), cost.computeIfAbsent(key, k -> zeros()), h, req, in, out, c);
    }

    private static void add(long[] s, BigDecimal[] cost, int h, long req, long in, long out, BigDecimal c) {
        s[h] += req;
        s[24 + h] += in;
        s[48 + h] += out;
        cost[h] = cost[h].add(c);
    }

    private static BigDecimal[] zeros() {
        BigDecimal[] z = new BigDecimal[24];
        Arrays.fill(z, BigDecimal.ZERO);
        return z;
    }

    private static void write(HourlyWriter w, LocalDate day, String dimension, String key, long[] s, BigDecimal[] cost) throws Exception {
        if (s == null) {
            return;
        }
        for (int h = 0; h < 24; h++) {
            if (s[h] > 0) {
                w.add(HourlyWriter.Row.of(day.atTime(h, 0).toInstant(ZoneOffset.UTC), dimension, key, s[h], s[24 + h], s[48 + h], cost[h]));
            }
        }
    }

    private interface Work {
        Object run() throws Exception;
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /** Wall-clock and this thread's CPU milliseconds of each timed run (embedded H2 works in the caller's thread). */
    private record Timing(double[] wall, double[] cpu) {
    }

    private static Timing time(Work work) throws Exception {
        return time(work, 3, 9);
    }

    private static Timing time(Work work, int warmups, int runs) throws Exception {
        Object sink = null;
        for (int i = 0; i < warmups; i++) {
            sink = work.run();
        }
        double[] wall = new double[runs];
        double[] cpu = new double[runs];
        for (int i = 0; i < runs; i++) {
            long c0 = THREADS.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            sink = work.run();
            wall[i] = (System.nanoTime() - t0) / 1e6;
            cpu[i] = (THREADS.getCurrentThreadCpuTime() - c0) / 1e6;
        }
        if (sink == null) {
            throw new IllegalStateException();
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        return new Timing(wall, cpu);
    }

    private static void report(String what, Timing t) {
        double[] ms = t.wall();
        System.out.printf("%-45s median %7.1f ms, p90 %7.1f ms; CPU median %7.1f ms (%d runs, load %.1f)%n", what, ms[ms.length / 2],
                ms[(int) (ms.length * 0.9)], t.cpu()[t.cpu().length / 2], ms.length,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}

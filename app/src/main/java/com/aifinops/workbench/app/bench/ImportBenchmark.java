package com.aifinops.workbench.app.bench;

import com.aifinops.workbench.app.ledger.H2ImportService;
import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.model.ledger.ImportResult;
import com.aifinops.workbench.model.ledger.ImportService;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The ledger import's speed (README: "Benchmarks"): generates a request-level LiteLLM spend-logs CSV (default
 * 1,000,000 rows: 20 models, 1,000 users, 50 teams, June 2026, in time order) and imports it into a fresh file
 * database, end to end (hash, parse, price, write, commit), once keeping every request row and once rollups only.
 * Prints rows/s, the peak heap (heap in use sampled every 20 ms, and the heap pools' peaks) and the database size.
 *
 * <pre>java -Xmx512m -cp app/target/ai-finops-workbench.jar com.aifinops.workbench.app.bench.ImportBenchmark [ROWS] [rows|rollups|both] [RUNS]</pre>
 * With RUNS &gt; 1 each mode imports into a fresh database RUNS times in one JVM: the first run is cold (a CLI
 * import), the later ones warm (the window importing a second file). {@code -Dbench.cacheKb=N} sets H2's
 * CACHE_SIZE for the run (an experiment: 16 MiB and 256 MiB made no measurable difference).
 */
public final class ImportBenchmark {
    /** 16 models the built-in catalogue prices, 4 it does not (they import unpriced). */
    static final String[][] MODELS = {
            {"gpt-5.5", "openai"}, {"gpt-5.1", "openai"}, {"gpt-5", "openai"}, {"gpt-5-mini", "openai"},
            {"gpt-5.2", "openai"}, {"gpt-4.1", "openai"}, {"o1", "openai"}, {"claude-opus-4-6", "anthropic"},
            {"claude-sonnet-4-6", "anthropic"}, {"claude-haiku-4-5", "anthropic"}, {"gemini/gemini-2.5-pro", "gemini"},
            {"gemini/gemini-2.5-flash", "gemini"}, {"deepseek-chat", "deepseek"}, {"llama-3.3-70b", "together_ai"},
            {"mistral-small-3.2", "mistral"}, {"mistral-nemo", "mistral"}, {"azure/gpt-4o-eu", "azure"},
            {"bedrock/cohere.command-r-plus", "bedrock"}, {"ft:gpt-4.1-mini:acme:support:9x2", "openai"},
            {"vertex_ai/text-bison", "vertex_ai"}};

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        String mode = args.length > 1 ? args[1] : "both";
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        Path dir = Files.createTempDirectory("import-bench");
        try {
            Path csv = dir.resolve("litellm-spend-logs.csv");
            long g0 = System.nanoTime();
            generate(csv, rows, 42);
            System.out.printf(Locale.ROOT, "generated %,d rows, %,d bytes in %.1f s%n", rows, Files.size(csv), (System.nanoTime() - g0) / 1e9);
            System.out.printf(Locale.ROOT, "cores %d, load average %.2f, -Xmx %,d MiB%n", Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().maxMemory() >> 20);
            // the first run pays the JIT (what one CLI import sees); later runs are a warm JVM (the window)
            for (int i = 1; i <= runs; i++) {
                String n = runs == 1 ? "" : " #" + i;
                if (!mode.equals("rollups")) run("request rows kept" + n, csv, dir.resolve("rows" + i), true);
                if (!mode.equals("rows")) run("rollups only" + n, csv, dir.resolve("rollups" + i), false);
            }
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(String label, Path csv, Path dbDir, boolean keepRows) throws Exception {
        System.gc();
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        AtomicLong peakSampled = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakSampled.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long gc0 = gcMillis();
        long jit0 = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        long t0 = System.nanoTime();
        ImportResult r;
        Path dbFile = dbDir.resolve("ledger");
        try (Database db = Database.open(dbFile)) {
            String cacheKb = System.getProperty("bench.cacheKb");
            if (cacheKb != null) {
                try (java.sql.Statement st = db.connection().createStatement()) {
                    st.execute("SET CACHE_SIZE " + Integer.parseInt(cacheKb));
                }
            }
            long t1 = System.nanoTime();
            long mainCpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            r = new H2ImportService(db, H2ImportService.Options.DEFAULT.withKeepRows(keepRows))
                    .importFile(csv, null, ImportService.RejectPolicy.ALL_OR_NOTHING, ImportService.ImportProgress.NONE);
            double importSeconds = (System.nanoTime() - t1) / 1e9;
            double mainCpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - mainCpu0) / 1e9;
            System.out.printf(Locale.ROOT, "%s: %s %,d rows in %.2f s = %,.0f rows/s (import only); the importing thread"
                            + " used %.2f s CPU = %,.0f rows per CPU-second%n", label, r.status(), r.imported(), importSeconds,
                    r.imported() / importSeconds, mainCpu, r.imported() / mainCpu);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpu0) / 1e9;
        long gc = gcMillis() - gc0;
        long jit = ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jit0;
        sampler.interrupt();
        sampler.join();
        long poolPeaks = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long size = Files.size(Path.of(dbFile + ".mv.db"));
        System.out.printf(Locale.ROOT, "%s: %,.0f rows/s end to end (open + migrate + import + close, %.2f s wall, %.2f s CPU"
                        + " of the process on all threads, GC included); peak heap %,d MiB sampled (%,d MiB sum of pool peaks);"
                        + " database %,d MiB; billed $%s, unpriced %s%n",
                label, r.imported() / seconds, seconds, cpuSeconds, peakSampled.get() >> 20, poolPeaks >> 20, size >> 20,
                r.billedCost() == null ? "—" : r.billedCost().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString(),
                r.unpricedModels());
        System.out.printf(Locale.ROOT, "%s: GC %.2f s (collector time), JIT %.2f s (compiler time)%n", label, gc / 1e3, jit / 1e3);
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(g -> Math.max(0, g.getCollectionTime())).sum();
    }

    /**
     * A realistic month of proxy logs: each user belongs to one team, has one virtual key and mostly uses two or three
     * models; requests are spread over the month in time order; a third of the prompt is served from the cache.
     */
    public static void generate(Path file, int rows, long seed) throws IOException {
        Random r = new Random(seed);
        int users = 1000;
        int[][] userModels = new int[users][3];
        String[] keys = new String[users];
        for (int u = 0; u < users; u++) {
            for (int k = 0; k < 3; k++) userModels[u][k] = r.nextInt(MODELS.length);
            keys[u] = String.format(Locale.ROOT, "%016x%016x%016x%016x", r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong());
        }
        String[] tags = {"[\"prod\",\"feature:chat\"]", "[\"prod\",\"feature:search\"]", "[\"staging\"]", "[]"};
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT);
        long monthStart = LocalDateTime.of(2026, 6, 1, 0, 0).toEpochSecond(ZoneOffset.UTC) * 1000;
        long monthMillis = 30L * 86_400_000;
        StringBuilder b = new StringBuilder(1024);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("request_id,call_type,api_key,spend,total_tokens,prompt_tokens,completion_tokens,startTime,endTime,model,"
                    + "model_group,custom_llm_provider,user,team_id,end_user,metadata,request_tags,cache_hit,status\n");
            for (int i = 0; i < rows; i++) {
                int u = r.nextInt(users);
                String[] m = MODELS[userModels[u][r.nextInt(3)]];
                long startMs = monthStart + (long) ((double) i / rows * monthMillis) + r.nextInt(1000);
                long endMs = startMs + 300 + r.nextInt(8000);
                int prompt = 200 + r.nextInt(6000);
                int cached = r.nextInt(3) == 0 ? 0 : prompt / 3;
                int completion = 20 + r.nextInt(1200);
                int reasoning = m[0].startsWith("o1") || m[0].startsWith("gpt-5") ? completion / 4 : 0;
                double spend = (prompt - cached) * 2.5e-6 + cached * 0.25e-6 + completion * 10e-6;
                String team = "team-" + (u % 50);
                String user = String.format(Locale.ROOT, "user-%04d", u);
                b.setLength(0);
                b.append("chatcmpl-").append(Long.toHexString(r.nextLong())).append(Integer.toHexString(i)).append(',')
                        .append(i % 7 == 0 ? "aresponses" : "acompletion").append(',')
                        .append(keys[u]).append(',')
                        .append(String.format(Locale.ROOT, "%.9f", spend)).append(',')
                        .append(prompt + completion).append(',').append(prompt).append(',').append(completion).append(',')
                        .append(f.format(LocalDateTime.ofInstant(Instant.ofEpochMilli(startMs), ZoneOffset.UTC))).append(',')
                        .append(f.format(LocalDateTime.ofInstant(Instant.ofEpochMilli(endMs), ZoneOffset.UTC))).append(',')
                        .append(m[0]).append(',').append(m[0].substring(m[0].indexOf('/') + 1)).append(',').append(m[1]).append(',')
                        .append(user).append(',').append(team).append(',')
                        .append("cust-").append(u % 200).append(',')
                        .append("\"{\"\"user_api_key_alias\"\":\"\"key-").append(u).append("\"\",\"\"user_api_key_team_id\"\":\"\"")
                        .append(team).append("\"\",\"\"user_api_key_user_id\"\":\"\"").append(user)
                        .append("\"\",\"\"usage_object\"\":{\"\"completion_tokens\"\":").append(completion)
                        .append(",\"\"prompt_tokens\"\":").append(prompt).append(",\"\"total_tokens\"\":").append(prompt + completion)
                        .append(",\"\"prompt_tokens_details\"\":{\"\"cached_tokens\"\":").append(cached)
                        .append("},\"\"completion_tokens_details\"\":{\"\"reasoning_tokens\"\":").append(reasoning)
                        .append("}}}\",")
                        .append('"').append(tags[(u / 50) % tags.length].replace("\"", "\"\"")).append("\",")
                        .append(cached > 0 ? "True" : "False").append(",success\n");
                w.append(b);
            }
        }
    }

    static List<String> modelNames() {
        List<String> names = new ArrayList<>();
        for (String[] m : MODELS) names.add(m[0]);
        return names;
    }
}

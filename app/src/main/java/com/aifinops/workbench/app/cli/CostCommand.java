package com.aifinops.workbench.app.cli;

import com.aifinops.workbench.app.catalog.CatalogService;
import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.model.Usd;
import com.aifinops.workbench.model.price.PriceRow;
import com.aifinops.workbench.model.price.Rates;
import com.aifinops.workbench.model.workload.Workload;
import com.aifinops.workbench.pricing.catalog.Catalog;
import com.aifinops.workbench.pricing.engine.CacheBreakEven;
import com.aifinops.workbench.pricing.engine.WorkloadCost;
import com.aifinops.workbench.pricing.engine.WorkloadOptions;
import com.aifinops.workbench.pricing.engine.WorkloadPricer;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code cost}: the monthly cost of one workload on one model, from the catalogue or given prices. */
final class CostCommand implements Command {
    @Override
    public String name() {
        return "cost";
    }

    @Override
    public String summary() {
        return "monthly cost of a workload on a model";
    }

    @Override
    public String help() {
        return """
                Usage: cost [--model MODEL] --users N --requests-per-day R --input-tokens I --output-tokens O
                            [--cache-hit H] [--overhead X] [--days D]
                            [--prefix-share S] [--cache-write-share W] [--ttl 5m|1h] [--batch-share B]
                            [--reasoning-tokens N] [--date YYYY-MM-DD] [--contracted] [--explain]
                            [--input-price P] [--cached-price P] [--output-price P] [--db PATH] [--json]

                Prices the workload with the core formula
                  cost_request = (I·[P_in·(1−h) + P_hit·h] + O·P_out) / 1e6
                  monthly      = users · R · days · cost_request · overhead
                and the billing rules of the catalogue row in force (context tier by prompt length I, cache writes,
                batch rates, contract terms).

                  --model MODEL          catalogue id or display name (e.g. gpt-5.5, "Claude Sonnet 4.6")
                  --users N              monthly active users
                  --requests-per-day R   requests per user per day
                  --input-tokens I       input tokens per request
                  --output-tokens O      output tokens per request
                  --cache-hit H          share of the cacheable prefix read from the prompt cache, 0..1 (default 0)
                  --overhead X           retries/evals/agent-loop multiplier (default 1.20)
                  --days D               days per month (default 30)
                  --prefix-share S       share of input that is a cacheable prefix, 0..1 (default 1)
                  --cache-write-share W  share of prefix misses written to the cache at the TTL's write price (default 0)
                  --ttl 5m|1h            cache TTL whose write price applies (default 5m)
                  --batch-share B        share of requests sent through a batch API, 0..1 (default 0)
                  --reasoning-tokens N   reasoning tokens per request, billed as output (default 0)
                  --date YYYY-MM-DD      price with the catalogue rows in force on this date (default today)
                  --contracted           price at the contracted rate (see 'catalog contract') instead of list
                  --explain              print the rule, tier and catalogue row used
                  --input-price P        USD per MTok, overrides the catalogue
                  --cached-price P       USD per MTok for cache reads, overrides the catalogue
                  --output-price P       USD per MTok, overrides the catalogue
                                         (--model may be left out when all three prices are given)
                  --db PATH              catalogue database (default: the app's own, when it exists)
                  --json                 print {"model","monthlyCostUsd","costPerRequestUsd","inputCostUsd","outputCostUsd"}
                                         (+ "explanation" and the cache break-even with --explain)
                """;
    }

    @Override
    public int run(String[] tokens, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(name(), tokens, Set.of("model", "users", "requests-per-day", "input-tokens", "output-tokens",
                "cache-hit", "overhead", "days", "input-price", "cached-price", "output-price", "prefix-share",
                "cache-write-share", "ttl", "batch-share", "reasoning-tokens", "date", "db"), Set.of("json", "contracted", "explain"));
        if (!a.positional().isEmpty()) {
            throw new CliException("unexpected argument '" + a.positional().get(0) + "' for 'cost'");
        }
        WorkloadOptions options = options(a);
        Catalog catalog;
        try (Database db = DbOption.openIfPresent(a, err)) {
            catalog = new CatalogService(db).catalog();
        }
        PriceRow row = resolveRow(a, catalog, options.date());
        Workload w = new Workload("cli", a.requireDecimal("users"), a.requireDecimal("requests-per-day"),
                a.requireDecimal("input-tokens"), a.requireDecimal("output-tokens"),
                a.decimal("cache-hit", BigDecimal.ONE).orElse(BigDecimal.ZERO),
                a.decimal("overhead", null).orElse(new BigDecimal("1.20")),
                a.integer("days", 30, 1, 31), row.modelId());
        WorkloadPricer.Priced priced = new WorkloadPricer(catalog).price(w, options, row);
        WorkloadCost c = priced.cost();
        Rates base = row.base();
        long breakEven5m = CacheBreakEven.readsToBreakEven(base.input(), base.write5m(), base.cacheHit());
        long breakEven1h = CacheBreakEven.readsToBreakEven(base.input(), base.write1h(), base.cacheHit());
        if (a.has("json")) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("model", row.modelId());
            json.put("monthlyCostUsd", Usd.cents(c.monthlyCost()).toPlainString());
            json.put("costPerRequestUsd", Usd.round(c.costPerRequest(), 6).toPlainString());
            json.put("inputCostUsd", Usd.cents(c.inputCost()).toPlainString());
            json.put("outputCostUsd", Usd.cents(c.outputCost()).toPlainString());
            if (a.has("explain")) {
                json.put("explanation", priced.explain());
                json.put("cacheBreakEvenReads5m", breakEven5m);
                json.put("cacheBreakEvenReads1h", breakEven1h);
            }
            out.println(Json.write(json));
        } else {
            out.printf("Model:             %s%n", row.modelId());
            out.printf("Requests / month:  %,d%n", c.requestsPerMonth().toBigInteger());
            out.printf("Cost per request:  $%s%n", Usd.round(c.costPerRequest(), 6).toPlainString());
            out.printf("Input cost:        %s%n", Usd.format(c.inputCost()));
            out.printf("Output cost:       %s%n", Usd.format(c.outputCost()));
            out.printf("Monthly cost:      %s%n", Usd.format(c.monthlyCost()));
            if (a.has("explain")) {
                out.printf("Rule:              %s%n", priced.explain());
                out.printf("Cache break-even:  %s reads (5m TTL), %s reads (1h TTL) after each write%n",
                        breakEvenText(breakEven5m), breakEvenText(breakEven1h));
            }
        }
        return 0;
    }

    private static String breakEvenText(long reads) {
        return reads < 0 ? "never" : Long.toString(reads);
    }

    private static WorkloadOptions options(Args a) throws CliException {
        String ttl = a.get("ttl").orElse("5m");
        if (!ttl.equals("5m") && !ttl.equals("1h")) {
            throw new CliException("--ttl: expected 5m or 1h, got '" + ttl + "'");
        }
        LocalDate date;
        try {
            date = a.get("date").map(LocalDate::parse).orElse(LocalDate.now());
        } catch (DateTimeParseException e) {
            throw new CliException("--date: expected YYYY-MM-DD, got '" + a.get("date").orElse("") + "'");
        }
        return new WorkloadOptions(a.decimal("prefix-share", BigDecimal.ONE).orElse(BigDecimal.ONE),
                a.decimal("cache-write-share", BigDecimal.ONE).orElse(BigDecimal.ZERO),
                ttl.equals("1h") ? WorkloadOptions.Ttl.ONE_HOUR : WorkloadOptions.Ttl.FIVE_MINUTES,
                a.decimal("batch-share", BigDecimal.ONE).orElse(BigDecimal.ZERO),
                a.decimal("reasoning-tokens", null).orElse(BigDecimal.ZERO), date, a.has("contracted"));
    }

    /** The catalogue row, with any price given on the command line replacing its base price. */
    private static PriceRow resolveRow(Args a, Catalog catalog, LocalDate date) throws CliException {
        var in = a.decimal("input-price", null);
        var cached = a.decimal("cached-price", null);
        var outP = a.decimal("output-price", null);
        if (a.get("model").isEmpty()) {
            List<String> missing = new ArrayList<>();
            if (in.isEmpty()) missing.add("--input-price");
            if (cached.isEmpty()) missing.add("--cached-price");
            if (outP.isEmpty()) missing.add("--output-price");
            if (!missing.isEmpty()) {
                throw new CliException("give --model, or all of --input-price, --cached-price and --output-price (missing "
                        + String.join(", ", missing) + ")");
            }
            return PriceRow.simple("", "custom", "custom", new Rates(in.get(), cached.get(), null, null, outP.get()),
                    "command line", "");
        }
        String name = a.get("model").get();
        PriceRow row = catalog.resolve(name, date).orElseThrow(() -> new CliException("unknown model '" + name
                + "'" + (catalog.matching(name).isEmpty() ? "" : " on " + date) + " (try 'catalog list', or give --input-price,"
                + " --cached-price and --output-price)")).row();
        if (in.isEmpty() && cached.isEmpty() && outP.isEmpty()) {
            return row;
        }
        Rates b = row.base();
        Rates custom = new Rates(in.orElse(b.input()), cached.isPresent() ? cached.get() : b.cachedRead(), b.cacheWrite5m(),
                b.cacheWrite1h(), outP.orElse(b.output()));
        return new PriceRow(row.provider(), row.modelId(), row.displayName(), row.aliases(), row.effectiveFrom(),
                row.effectiveUntil(), "command-line prices over " + row.source(), row.asOf(), custom, row.tiers(),
                row.batchInput(), row.batchOutput());
    }
}

package com.aifinops.workbench.app.cli;

import com.aifinops.workbench.model.Usd;
import com.aifinops.workbench.model.price.ModelPrice;
import com.aifinops.workbench.model.price.TokenPrices;
import com.aifinops.workbench.model.workload.Workload;
import com.aifinops.workbench.pricing.catalog.BuiltInCatalog;
import com.aifinops.workbench.pricing.catalog.PriceCatalog;
import com.aifinops.workbench.pricing.engine.WorkloadCost;
import com.aifinops.workbench.pricing.engine.WorkloadCostCalculator;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code cost}: the monthly cost of one workload on one model, from the catalogue or given prices. */
final class CostCommand implements Command {
    private final PriceCatalog catalog;

    CostCommand(PriceCatalog catalog) {
        this.catalog = catalog;
    }

    CostCommand() {
        this(BuiltInCatalog.get());
    }

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
                            [--input-price P] [--cached-price P] [--output-price P] [--json]

                Prices the workload with the core formula
                  cost_request = (I·[P_in·(1−h) + P_hit·h] + O·P_out) / 1e6
                  monthly      = users · R · days · cost_request · overhead

                  --model MODEL          catalogue id or display name (e.g. gpt-5.5, "Claude Sonnet 4.6")
                  --users N              monthly active users
                  --requests-per-day R   requests per user per day
                  --input-tokens I       input tokens per request
                  --output-tokens O      output tokens per request (reasoning included)
                  --cache-hit H          share of input read from the prompt cache, 0..1 (default 0)
                  --overhead X           retries/evals/agent-loop multiplier (default 1.20)
                  --days D               days per month (default 30)
                  --input-price P        USD per MTok, overrides the catalogue
                  --cached-price P       USD per MTok for cache reads, overrides the catalogue
                  --output-price P       USD per MTok, overrides the catalogue
                                         (--model may be left out when all three prices are given)
                  --json                 print {"model","monthlyCostUsd","costPerRequestUsd","inputCostUsd","outputCostUsd"}
                """;
    }

    @Override
    public int run(String[] tokens, PrintStream out, PrintStream err) throws CliException {
        Args a = Args.parse(name(), tokens, Set.of("model", "users", "requests-per-day", "input-tokens", "output-tokens",
                "cache-hit", "overhead", "days", "input-price", "cached-price", "output-price"), Set.of("json"));
        if (!a.positional().isEmpty()) {
            throw new CliException("unexpected argument '" + a.positional().get(0) + "' for 'cost'");
        }
        String modelName = resolveModelName(a);
        TokenPrices prices = resolvePrices(a);
        Workload w = new Workload("cli", a.requireDecimal("users"), a.requireDecimal("requests-per-day"),
                a.requireDecimal("input-tokens"), a.requireDecimal("output-tokens"),
                a.decimal("cache-hit", BigDecimal.ONE).orElse(BigDecimal.ZERO),
                a.decimal("overhead", null).orElse(new BigDecimal("1.20")),
                a.integer("days", 30, 1, 31), modelName);
        WorkloadCost c = WorkloadCostCalculator.cost(w, prices);
        if (a.has("json")) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("model", modelName);
            json.put("monthlyCostUsd", Usd.cents(c.monthlyCost()).toPlainString());
            json.put("costPerRequestUsd", Usd.round(c.costPerRequest(), 6).toPlainString());
            json.put("inputCostUsd", Usd.cents(c.inputCost()).toPlainString());
            json.put("outputCostUsd", Usd.cents(c.outputCost()).toPlainString());
            out.println(Json.write(json));
        } else {
            out.printf("Model:             %s%n", modelName);
            out.printf("Requests / month:  %,d%n", c.requestsPerMonth().toBigInteger());
            out.printf("Cost per request:  $%s%n", Usd.round(c.costPerRequest(), 6).toPlainString());
            out.printf("Input cost:        %s%n", Usd.format(c.inputCost()));
            out.printf("Output cost:       %s%n", Usd.format(c.outputCost()));
            out.printf("Monthly cost:      %s%n", Usd.format(c.monthlyCost()));
        }
        return 0;
    }

    private String resolveModelName(Args a) throws CliException {
        if (a.get("model").isEmpty()) {
            return "custom";
        }
        return catalogRow(a.get("model").get()).id();
    }

    private TokenPrices resolvePrices(Args a) throws CliException {
        var in = a.decimal("input-price", null);
        var cached = a.decimal("cached-price", null);
        var outP = a.decimal("output-price", null);
        if (a.get("model").isEmpty()) {
            List<String> missing = new java.util.ArrayList<>();
            if (in.isEmpty()) missing.add("--input-price");
            if (cached.isEmpty()) missing.add("--cached-price");
            if (outP.isEmpty()) missing.add("--output-price");
            if (!missing.isEmpty()) {
                throw new CliException("give --model, or all of --input-price, --cached-price and --output-price (missing "
                        + String.join(", ", missing) + ")");
            }
            return new TokenPrices(in.get(), cached.get(), outP.get());
        }
        TokenPrices list = catalogRow(a.get("model").get()).prices();
        return new TokenPrices(in.orElse(list.inputPerMTok()), cached.orElse(list.cachedInputPerMTok()),
                outP.orElse(list.outputPerMTok()));
    }

    private ModelPrice catalogRow(String name) throws CliException {
        return catalog.find(name).orElseThrow(() -> new CliException("unknown model '" + name
                + "' (try 'catalog list', or give --input-price, --cached-price and --output-price)"));
    }
}

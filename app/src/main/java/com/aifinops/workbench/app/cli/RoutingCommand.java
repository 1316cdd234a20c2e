package com.aifinops.workbench.app.cli;

import com.aifinops.workbench.app.catalog.CatalogService;
import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.model.Usd;
import com.aifinops.workbench.model.price.TokenPrices;
import com.aifinops.workbench.model.routing.RoutingMix;
import com.aifinops.workbench.model.workload.Workload;
import com.aifinops.workbench.pricing.catalog.Catalog;
import com.aifinops.workbench.pricing.routing.RoutingCalculator;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code routing}: the blended monthly cost of a mix of models, against running everything on the frontier. */
final class RoutingCommand implements Command {
    @Override
    public String name() {
        return "routing";
    }

    @Override
    public String summary() {
        return "blended cost of a routing mix across model tiers, with a cascade";
    }

    @Override
    public String help() {
        return """
                Usage: routing --share MODEL=FRACTION [--share MODEL=FRACTION …] [--cascade-escalation F]
                               [--router-cost USD] --users N --requests-per-day R --input-tokens I --output-tokens O
                               [--cache-hit H] [--overhead X] [--days D] [--db PATH] [--json]

                Per request: blend = Σ share·cost(model) + share(cheapest)·F·cost(frontier) + router cost, where the
                frontier is the most expensive model in the mix and a share F of the cheapest model's requests
                escalates to it, paying for both calls. Shares must sum to 1.

                  --share MODEL=F          a model (catalogue id or name) and the share of requests it gets first
                  --cascade-escalation F   share of the cheapest model's requests that escalate (default 0)
                  --router-cost USD        classifier/router cost per request (default 0)
                  (volume, token, cache, overhead and --days options as for 'cost')
                  --json   {"monthlyCostUsd","allFrontierMonthlyCostUsd","savingsFraction","frontierModel",
                            "cheapestModel","escalationMonthlyCostUsd","shares":[…]}
                """;
    }

    @Override
    public int run(String[] tokens, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(name(), tokens, Set.of("share", "cascade-escalation", "router-cost", "users", "requests-per-day",
                "input-tokens", "output-tokens", "cache-hit", "overhead", "days", "db"), Set.of("json"));
        if (a.all("share").isEmpty()) {
            throw new CliException("routing needs at least one --share MODEL=FRACTION");
        }
        Catalog catalog;
        try (Database db = DbOption.openIfPresent(a, err)) {
            catalog = new CatalogService(db).catalog();
        }
        List<RoutingMix.Share> shares = new ArrayList<>();
        Map<String, TokenPrices> prices = new LinkedHashMap<>();
        for (String spec : a.all("share")) {
            int eq = spec.lastIndexOf('=');
            if (eq <= 0) {
                throw new CliException("--share: expected MODEL=FRACTION, got '" + spec + "'");
            }
            String name = spec.substring(0, eq);
            BigDecimal share;
            try {
                share = new BigDecimal(spec.substring(eq + 1));
            } catch (NumberFormatException e) {
                throw new CliException("--share " + name + ": expected a fraction such as 0.8, got '" + spec.substring(eq + 1) + "'");
            }
            if (share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0) {
                throw new CliException("--share " + name + ": must be between 0 and 1, got " + share.toPlainString());
            }
            var row = catalog.resolve(name, LocalDate.now()).orElseThrow(() -> new CliException("unknown model '" + name
                    + "' (try 'catalog list')")).row();
            shares.add(new RoutingMix.Share(row.modelId(), share, null));
            prices.put(row.modelId(), row.base().tokenPrices());
        }
        RoutingMix mix = new RoutingMix(shares, a.decimal("cascade-escalation", BigDecimal.ONE).orElse(BigDecimal.ZERO),
                a.decimal("router-cost", null).orElse(BigDecimal.ZERO));
        if (mix.shareTotal().compareTo(BigDecimal.ONE) != 0) {
            throw new CliException("shares must sum to 1, they sum to " + mix.shareTotal().toPlainString());
        }
        Workload w = new Workload("routing", a.requireDecimal("users"), a.requireDecimal("requests-per-day"),
                a.requireDecimal("input-tokens"), a.requireDecimal("output-tokens"),
                a.decimal("cache-hit", BigDecimal.ONE).orElse(BigDecimal.ZERO),
                a.decimal("overhead", null).orElse(new BigDecimal("1.20")), a.integer("days", 30, 1, 31), shares.get(0).modelId());
        RoutingCalculator.RoutingResult r = RoutingCalculator.price(w, mix, prices);
        String savings = r.savingsFraction().setScale(6, RoundingMode.HALF_UP).toPlainString();
        if (a.has("json")) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("monthlyCostUsd", Usd.cents(r.monthlyCost()).toPlainString());
            j.put("allFrontierMonthlyCostUsd", Usd.cents(r.allFrontierMonthly()).toPlainString());
            j.put("savingsFraction", savings);
            j.put("frontierModel", r.frontierModel());
            j.put("cheapestModel", r.cheapestModel());
            j.put("escalationMonthlyCostUsd", Usd.cents(r.escalationMonthly()).toPlainString());
            List<Map<String, Object>> legs = new ArrayList<>();
            for (var leg : r.legs()) {
                Map<String, Object> l = new LinkedHashMap<>();
                l.put("model", leg.share().modelId());
                l.put("share", leg.share().share().toPlainString());
                l.put("costPerRequestUsd", Usd.round(leg.cost().costPerRequest(), 6).toPlainString());
                legs.add(l);
            }
            j.put("shares", legs);
            out.println(Json.write(j));
        } else {
            for (var leg : r.legs()) {
                out.printf("  %-28s %6s  $%s per request%n", leg.share().modelId(), leg.share().share().toPlainString(),
                        Usd.round(leg.cost().costPerRequest(), 6).toPlainString());
            }
            out.printf("Blended monthly cost:     %s%n", Usd.format(r.monthlyCost()));
            out.printf("All on %-18s %s%n", r.frontierModel() + ":", Usd.format(r.allFrontierMonthly()));
            out.printf("Savings:                  %s %%%n", r.savingsFraction().movePointRight(2).setScale(1, RoundingMode.HALF_UP));
            if (mix.cascadeEscalation().signum() > 0) {
                out.printf("Escalated second calls:   %s%n", Usd.format(r.escalationMonthly()));
            }
        }
        return Cli.OK;
    }
}

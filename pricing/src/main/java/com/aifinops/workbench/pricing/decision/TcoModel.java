package com.aifinops.workbench.pricing.decision;

import com.aifinops.workbench.model.decision.ApiOption;
import com.aifinops.workbench.model.decision.FactoryOption;
import com.aifinops.workbench.model.decision.NeocloudOption;
import com.aifinops.workbench.model.decision.TcoInputs;
import com.aifinops.workbench.model.price.ModelPrice;
import com.aifinops.workbench.model.workbook.Workbook;
import com.aifinops.workbench.model.workload.Workload;
import com.aifinops.workbench.pricing.catalog.PriceCatalog;
import com.aifinops.workbench.pricing.engine.WorkbookCosts;
import com.aifinops.workbench.pricing.engine.WorkloadCost;
import com.aifinops.workbench.pricing.engine.WorkloadCostCalculator;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Self-host vs API: every option of a workbook's {@code decisions.tco} as an annual cost curve over annual token
 * volume, the workbook's own volume, and the crossovers between them.
 *
 * <p>The workbook's annual volume is 12 × Σ requests/month · overhead · (input + output tokens) over the compared
 * workloads; each API option's annual cost at that volume is 12 × the cost engine's monthly cost (less the
 * option's discount), exact, and scales linearly with volume. Immutable.
 */
public final class TcoModel {
    /** Crossovers are searched up to this multiple of the workbook's volume. */
    public static final long SEARCH_MULTIPLE = 1000;

    private final TcoInputs inputs;
    private final BigDecimal annualTokensExact;
    private final long annualTokens;
    private final List<TcoOption> options;

    private TcoModel(TcoInputs inputs, BigDecimal annualTokensExact, List<TcoOption> options) {
        this.inputs = inputs;
        this.annualTokensExact = annualTokensExact;
        this.annualTokens = annualTokensExact.setScale(0, RoundingMode.HALF_UP).longValueExact();
        this.options = List.copyOf(options);
    }

    public static TcoModel of(Workbook wb, PriceCatalog catalog) {
        return of(wb, catalog, Factors.NONE);
    }

    /** The workbook's TCO options with the named inputs scaled by {@code factors}. */
    public static TcoModel of(Workbook wb, PriceCatalog catalog, Factors factors) {
        return of(wb, comparedWorkloads(wb), catalog, factors);
    }

    /** The TCO options over the given workloads only (e.g. those on one provider's models). */
    public static TcoModel of(Workbook wb, List<Workload> workloads, PriceCatalog catalog, Factors factors) {
        TcoInputs in = wb.decisions().tco();
        PriceCatalog c = WorkbookCosts.catalogFor(wb, catalog);
        BigDecimal tokens = BigDecimal.ZERO;
        for (Workload w : workloads) {
            tokens = tokens.add(annualTokens(w));
        }
        if (tokens.signum() <= 0) {
            throw new IllegalArgumentException("the compared workloads have no token volume");
        }
        List<TcoOption> options = new ArrayList<>();
        List<ApiOption> apis = in.apis().isEmpty() ? List.of(new ApiOption(null, null, null)) : in.apis();
        for (ApiOption a : apis) {
            options.add(api(a, workloads, c, tokens, factors));
        }
        for (NeocloudOption n : in.neoclouds()) {
            options.add(TcoOption.Neocloud.of(n, factors));
        }
        for (FactoryOption f : in.factories()) {
            options.add(TcoOption.Factory.of(f, factors));
        }
        return new TcoModel(in, tokens, options);
    }

    /** The workloads the TCO compares: the one named in the inputs, or all. */
    public static List<Workload> comparedWorkloads(Workbook wb) {
        String name = wb.decisions().tco().workload();
        if (name == null || name.isBlank()) {
            return wb.workloads();
        }
        List<Workload> named = wb.workloads().stream().filter(w -> w.name().equals(name)).toList();
        if (named.isEmpty()) {
            throw new IllegalArgumentException("decisions.tco.workload names no workload: " + name);
        }
        return named;
    }

    /** 12 · requests/month · overhead · (input + output tokens). */
    public static BigDecimal annualTokens(Workload w) {
        return w.requestsPerMonth().multiply(w.overhead()).multiply(w.inputTokens().add(w.outputTokens()))
                .multiply(BigDecimal.valueOf(12));
    }

    private static TcoOption.Api api(ApiOption a, List<Workload> workloads, PriceCatalog c, BigDecimal tokens, Factors f) {
        BigDecimal input = BigDecimal.ZERO;
        BigDecimal output = BigDecimal.ZERO;
        List<String> models = new ArrayList<>();
        for (Workload w : workloads) {
            String id = a.modelId() == null ? w.modelId() : a.modelId();
            ModelPrice m = c.find(id).orElseThrow(() -> new IllegalArgumentException(
                    "TCO option '" + a.name() + "': no price row for model " + id));
            if (!models.contains(m.id())) {
                models.add(m.id());
            }
            WorkloadCost cost = WorkloadCostCalculator.cost(w.withModel(m.id()), m.prices());
            input = input.add(cost.inputCost());
            output = output.add(cost.outputCost());
        }
        BigDecimal keep = BigDecimal.ONE.subtract(a.discount()).multiply(BigDecimal.valueOf(12));
        input = f.apply("apiPrice", input.multiply(keep));
        output = f.apply("apiPrice", output.multiply(keep));
        BigDecimal perMTok = input.add(output).movePointRight(6).divide(tokens, MathContext.DECIMAL128);
        String detail = String.join(", ", models) + String.format(Locale.ROOT, " · $%.2f/MTok blended", perMTok)
                + (a.discount().signum() > 0 ? " · " + a.discount().movePointRight(2).stripTrailingZeros().toPlainString() + " % off" : "");
        return new TcoOption.Api(a.name(), input, output, tokens, detail);
    }

    public TcoInputs inputs() {
        return inputs;
    }

    /** The workbook's annual token volume, rounded to a whole token. */
    public long annualTokens() {
        return annualTokens;
    }

    public BigDecimal annualTokensExact() {
        return annualTokensExact;
    }

    public List<TcoOption> options() {
        return options;
    }

    public Optional<TcoOption> option(String name) {
        return options.stream().filter(o -> o.name().equals(name)).findFirst();
    }

    public long searchLimit() {
        return annualTokens > Long.MAX_VALUE / SEARCH_MULTIPLE ? Long.MAX_VALUE : annualTokens * SEARCH_MULTIPLE;
    }

    /**
     * One option at a volume.
     *
     * @param total     exact annual cost (= the breakdown's total = the curve's cost)
     * @param perMTok   total per million tokens
     * @param gpus      GPUs the volume needs (0 for an API)
     */
    public record Costed(TcoOption option, long tokens, BigDecimal total, BigDecimal perMTok, long gpus, Breakdown breakdown) {
    }

    public List<Costed> at(long tokens) {
        List<Costed> out = new ArrayList<>();
        for (TcoOption o : options) {
            Breakdown b = o.breakdown(tokens);
            BigDecimal perMTok = tokens == 0 ? BigDecimal.ZERO
                    : b.total().movePointRight(6).divide(BigDecimal.valueOf(tokens), MathContext.DECIMAL128);
            out.add(new Costed(o, tokens, b.total(), perMTok, o.gpus(tokens), b));
        }
        return out;
    }

    /**
     * Crossovers of each API option with each self-hosted option, then between self-hosted options: where the
     * option that is dearer at small volume becomes no dearer.
     */
    public List<Crossover> crossovers() {
        List<Crossover> out = new ArrayList<>();
        long max = searchLimit();
        List<TcoOption> apis = options.stream().filter(o -> !o.selfHosted()).toList();
        List<TcoOption> hosted = options.stream().filter(TcoOption::selfHosted).toList();
        for (TcoOption a : apis) {
            for (TcoOption h : hosted) {
                out.add(CrossoverSolver.solve(a.curve(), h.curve(), max));
            }
        }
        for (int i = 0; i < hosted.size(); i++) {
            for (int j = i + 1; j < hosted.size(); j++) {
                out.add(CrossoverSolver.solve(hosted.get(i).curve(), hosted.get(j).curve(), max));
            }
        }
        return out;
    }

    public Crossover crossover(String a, String b) {
        return CrossoverSolver.solve(option(a).orElseThrow().curve(), option(b).orElseThrow().curve(), searchLimit());
    }
}

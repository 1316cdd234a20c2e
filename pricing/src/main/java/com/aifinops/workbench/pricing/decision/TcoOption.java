package com.aifinops.workbench.pricing.decision;

import com.aifinops.workbench.model.decision.FactoryOption;
import com.aifinops.workbench.model.decision.NeocloudOption;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;

/** One option of the TCO comparison: its cost curve and how a cost at a volume breaks down. */
public sealed interface TcoOption {
    BigDecimal SECONDS_PER_YEAR = BigDecimal.valueOf(31_536_000);
    BigDecimal HOURS_PER_YEAR = BigDecimal.valueOf(8_760);

    enum Kind { API, NEOCLOUD, FACTORY }

    String name();

    Kind kind();

    CostCurve curve();

    Breakdown breakdown(long tokens);

    /** GPUs a volume needs (0 for an API). */
    default long gpus(long tokens) {
        return 0;
    }

    default boolean selfHosted() {
        return kind() != Kind.API;
    }

    /**
     * Pay-as-you-go: the workbook's annual input and output cost at its annual token volume, scaled linearly.
     *
     * @param annualInput  exact annual input cost at {@code annualTokens} (discount applied)
     * @param annualOutput exact annual output cost
     * @param annualTokens the workbook's annual tokens (input + output, overhead included)
     * @param detail       e.g. "gpt-5.5 · $11.83/MTok blended"
     */
    record Api(String name, BigDecimal annualInput, BigDecimal annualOutput, BigDecimal annualTokens, String detail,
               CostCurve curve) implements TcoOption {
        public Api(String name, BigDecimal annualInput, BigDecimal annualOutput, BigDecimal annualTokens, String detail) {
            this(name, annualInput, annualOutput, annualTokens, detail,
                    CostCurve.linear(name, annualInput.add(annualOutput), annualTokens));
        }

        @Override
        public Kind kind() {
            return Kind.API;
        }

        /** Blended USD per MTok. */
        public BigDecimal perMTok() {
            return curve.perTokenNum().movePointRight(6).divide(curve.perTokenDen(), MathContext.DECIMAL128);
        }

        @Override
        public Breakdown breakdown(long tokens) {
            BigDecimal total = curve.cost(tokens);
            BigDecimal input = tokens == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(tokens).multiply(annualInput)
                    .divide(annualTokens, MathContext.DECIMAL128);
            // output is the rest, so the two lines sum to the curve's cost exactly
            return Breakdown.of(List.of(new Breakdown.Part("Input tokens", input, "pay-as-you-go"),
                    new Breakdown.Part("Output tokens", total.subtract(input), "pay-as-you-go")));
        }
    }

    /** Rented GPUs: steps of {@code gpusPerStep} GPUs billed all year, plus staff and software. */
    record Neocloud(NeocloudOption input, BigDecimal gpuHourUsd, int gpusPerStep, BigDecimal staff, BigDecimal software,
                    CostCurve curve) implements TcoOption {
        public static Neocloud of(NeocloudOption o, Factors f) {
            var c = o.capacity();
            BigDecimal stepTokens = f.apply("tokensPerGpuSecond", c.tokensPerGpuSecond()).multiply(SECONDS_PER_YEAR)
                    .multiply(f.applyShare("utilisation", c.utilisation())).multiply(BigDecimal.valueOf(c.gpusPerStep()));
            BigDecimal demand = BigDecimal.ONE.add(f.apply("headroom", c.headroom()));
            BigDecimal hour = f.apply("gpuHourUsd", o.gpuHourUsd());
            BigDecimal perStep = hour.multiply(HOURS_PER_YEAR).multiply(BigDecimal.valueOf(c.gpusPerStep()));
            BigDecimal staff = f.apply("staffFte", o.staffFte()).multiply(f.apply("loadedCostPerFteUsd", o.loadedCostPerFteUsd()));
            BigDecimal software = f.apply("softwareAnnualUsd", o.softwareAnnualUsd());
            return new Neocloud(o, hour, c.gpusPerStep(), staff, software,
                    CostCurve.stepped(o.name(), staff.add(software), perStep, stepTokens, demand));
        }

        @Override
        public String name() {
            return input.name();
        }

        @Override
        public Kind kind() {
            return Kind.NEOCLOUD;
        }

        @Override
        public long gpus(long tokens) {
            return curve.steps(tokens) * gpusPerStep;
        }

        @Override
        public Breakdown breakdown(long tokens) {
            long gpus = gpus(tokens);
            return Breakdown.of(List.of(
                    new Breakdown.Part("GPU hours", curve.perStep().multiply(BigDecimal.valueOf(curve.steps(tokens))),
                            String.format(Locale.ROOT, "%,d GPUs × 8,760 h × $%s (%s)", gpus, gpuHourUsd.stripTrailingZeros().toPlainString(), input.term())),
                    new Breakdown.Part("Staff", staff, input.staffFte().stripTrailingZeros().toPlainString() + " FTE"),
                    new Breakdown.Part("Software & licences", software, "per year")));
        }
    }

    /** Owned nodes: amortised capex, power and cooling, networking per node; software and staff fixed. */
    record Factory(FactoryOption input, BigDecimal hardwarePerNode, BigDecimal powerPerNode, BigDecimal networkPerNode,
                   BigDecimal software, BigDecimal staff, CostCurve curve) implements TcoOption {
        public static Factory of(FactoryOption o, Factors f) {
            var c = o.capacity();
            BigDecimal stepTokens = f.apply("tokensPerGpuSecond", c.tokensPerGpuSecond()).multiply(SECONDS_PER_YEAR)
                    .multiply(f.applyShare("utilisation", c.utilisation())).multiply(BigDecimal.valueOf(c.gpusPerStep()));
            BigDecimal demand = BigDecimal.ONE.add(f.apply("headroom", c.headroom()));
            BigDecimal hardware = f.apply("capexPerNodeUsd", o.capexPerNodeUsd())
                    .divide(f.apply("amortisationYears", BigDecimal.valueOf(o.amortisationYears())), MathContext.DECIMAL128);
            BigDecimal power = f.apply("powerKwPerNode", o.powerKwPerNode()).multiply(f.apply("pue", o.pue()).max(BigDecimal.ONE))
                    .multiply(HOURS_PER_YEAR).multiply(f.apply("electricityUsdPerKwh", o.electricityUsdPerKwh()));
            BigDecimal network = f.apply("networkingPerNodeAnnualUsd", o.networkingPerNodeAnnualUsd());
            BigDecimal software = f.apply("softwareAnnualUsd", o.softwareAnnualUsd());
            BigDecimal staff = f.apply("staffFte", o.staffFte()).multiply(f.apply("loadedCostPerFteUsd", o.loadedCostPerFteUsd()));
            return new Factory(o, hardware, power, network, software, staff, CostCurve.stepped(o.name(),
                    software.add(staff), hardware.add(power).add(network), stepTokens, demand));
        }

        @Override
        public String name() {
            return input.name();
        }

        @Override
        public Kind kind() {
            return Kind.FACTORY;
        }

        @Override
        public long gpus(long tokens) {
            return curve.steps(tokens) * input.capacity().gpusPerStep();
        }

        @Override
        public Breakdown breakdown(long tokens) {
            BigDecimal nodes = BigDecimal.valueOf(curve.steps(tokens));
            String n = String.format(Locale.ROOT, "%,d nodes", nodes.longValue());
            return Breakdown.of(List.of(
                    new Breakdown.Part("Hardware (amortised)", hardwarePerNode.multiply(nodes),
                            n + " × $" + String.format(Locale.ROOT, "%,.0f", input.capexPerNodeUsd()) + " / " + input.amortisationYears() + " y"),
                    new Breakdown.Part("Power & cooling", powerPerNode.multiply(nodes),
                            n + " × " + input.powerKwPerNode().stripTrailingZeros().toPlainString() + " kW × PUE "
                                    + input.pue().stripTrailingZeros().toPlainString()),
                    new Breakdown.Part("Networking", networkPerNode.multiply(nodes), n),
                    new Breakdown.Part("Software & licences", software, "per year"),
                    new Breakdown.Part("Staff", staff, input.staffFte().stripTrailingZeros().toPlainString() + " FTE")));
        }
    }
}

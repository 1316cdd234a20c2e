package com.aifinops.workbench.pricing.decision;

import com.aifinops.workbench.model.workbook.Workbook;
import com.aifinops.workbench.pricing.catalog.PriceCatalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which input moves a crossover most: each input of the two options scaled by −20 % and +20 % in turn (a
 * utilisation capped at 100 %), the crossover solved again exactly, bars sorted by swing.
 */
public final class Tornado {
    public static final String LOW = "0.8";
    public static final String HIGH = "1.2";

    private Tornado() {
    }

    /**
     * @param input     the input's name (a field of the option, or {@code apiPrice})
     * @param label     what the screen calls it
     * @param low       the crossover volume with the input at −20 % (-1 when there is none in range)
     * @param high      the crossover volume at +20 %
     */
    public record Bar(String input, String label, long low, long high) {
        /** How far the crossover moves between −20 % and +20 %; an input that removes the crossover swings most. */
        public double swing(long searchLimit) {
            return Math.abs((double) (low < 0 ? searchLimit : low) - (high < 0 ? searchLimit : high));
        }
    }

    /** @param base the crossover at the inputs as entered */
    public record Result(String incumbent, String challenger, long base, List<Bar> bars) {
    }

    public static Result of(Workbook wb, PriceCatalog catalog, String apiOption, String hostedOption) {
        TcoModel model = TcoModel.of(wb, catalog);
        TcoOption hosted = model.option(hostedOption).orElseThrow(() -> new IllegalArgumentException("no option " + hostedOption));
        model.option(apiOption).orElseThrow(() -> new IllegalArgumentException("no option " + apiOption));
        long base = model.crossover(apiOption, hostedOption).volume();
        List<String[]> inputs = new ArrayList<>();
        inputs.add(new String[]{"apiPrice", "API price ($/MTok)"});
        inputs.add(new String[]{"tokensPerGpuSecond", "Tokens per GPU-second"});
        inputs.add(new String[]{"utilisation", "Utilisation"});
        inputs.add(new String[]{"headroom", "Headroom for peaks"});
        if (hosted instanceof TcoOption.Neocloud) {
            inputs.add(new String[]{"gpuHourUsd", "GPU-hour price"});
        } else {
            inputs.add(new String[]{"capexPerNodeUsd", "Capex per node"});
            inputs.add(new String[]{"amortisationYears", "Amortisation years"});
            inputs.add(new String[]{"powerKwPerNode", "Power per node (kW)"});
            inputs.add(new String[]{"pue", "PUE"});
            inputs.add(new String[]{"electricityUsdPerKwh", "Electricity $/kWh"});
            inputs.add(new String[]{"networkingPerNodeAnnualUsd", "Networking per node"});
        }
        inputs.add(new String[]{"staffFte", "Staff FTEs"});
        inputs.add(new String[]{"loadedCostPerFteUsd", "Loaded cost per FTE"});
        inputs.add(new String[]{"softwareAnnualUsd", "Software & licences"});
        List<Bar> bars = new ArrayList<>();
        for (String[] in : inputs) {
            bars.add(new Bar(in[0], in[1], crossover(wb, catalog, in[0], LOW, apiOption, hostedOption),
                    crossover(wb, catalog, in[0], HIGH, apiOption, hostedOption)));
        }
        long limit = model.searchLimit();
        bars.sort(Comparator.comparingDouble((Bar b) -> b.swing(limit)).reversed());
        return new Result(apiOption, hostedOption, base, List.copyOf(bars));
    }

    private static long crossover(Workbook wb, PriceCatalog catalog, String input, String factor, String a, String b) {
        TcoModel m = TcoModel.of(wb, catalog, new Factors(java.util.Map.of(input, new BigDecimal(factor))));
        return m.crossover(a, b).volume();
    }
}

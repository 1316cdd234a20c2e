package com.aifinops.workbench.views.decision;

import com.aifinops.workbench.pricing.decision.Crossover;
import com.aifinops.workbench.pricing.decision.MultiYear;
import com.aifinops.workbench.pricing.decision.TcoModel;
import com.aifinops.workbench.pricing.decision.Tornado;

import java.util.List;
import java.util.Map;

/**
 * Everything the TCO screen shows, computed once per change and published as one value.
 *
 * @param volume       the annual token volume the costs are at
 * @param costs        each option at {@code volume}
 * @param crossovers   every pair's crossover
 * @param selected     the crossover of the selected API and self-hosted option (null when either is missing)
 * @param curves       each option's {xs, ys} for the chart, in option order
 * @param tornado      sensitivity of the selected crossover (null when there is no pair)
 * @param projection   the multi-year cash view from {@code volume}
 */
public record TcoScreen(TcoModel model, long volume, List<TcoModel.Costed> costs, List<Crossover> crossovers,
                        Crossover selected, Map<String, double[][]> curves, double chartMin, double chartMax,
                        Tornado.Result tornado, MultiYear.Projection projection) {
}

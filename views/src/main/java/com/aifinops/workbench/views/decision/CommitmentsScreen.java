package com.aifinops.workbench.views.decision;

import com.aifinops.workbench.pricing.decision.CommitmentPlan;
import com.aifinops.workbench.pricing.decision.FineTunePayback;
import com.aifinops.workbench.pricing.decision.ProvisionedThroughput;
import com.aifinops.workbench.pricing.decision.SeatVsUsage;

import java.util.List;

/**
 * What the commitments and provisioned-throughput screen shows for one provider.
 *
 * @param provisioned  each provisioned option of the provider, with its hourly served/spilled split and $/MTok curve
 * @param commitment   the provider's first commitment at the levels on the sliders (null when it has none)
 */
public record CommitmentsScreen(String provider, List<Provisioned> provisioned, CommitmentPlan.Result commitment,
                                List<SeatVsUsage.Result> seats, List<FineTunePayback.Result> fineTunes) {

    /**
     * @param servedPerMinute  tokens per minute served by the units in each profile hour
     * @param spilledPerMinute tokens per minute above capacity in each profile hour
     * @param utilisations     utilisations the $/MTok curve is drawn at
     * @param perMTok          $/MTok served at each of those utilisations
     */
    public record Provisioned(ProvisionedThroughput.Result result, double[] servedPerMinute, double[] spilledPerMinute,
                              double[] utilisations, double[] perMTok) {
    }
}

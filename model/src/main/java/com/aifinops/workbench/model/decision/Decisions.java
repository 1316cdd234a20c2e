package com.aifinops.workbench.model.decision;

import java.util.List;

/**
 * The inputs of the decision screens procurement opens before contract talks: self-host vs API, provisioned
 * throughput, commitments, seats, fine-tuning, and negotiation briefs. Every part is optional and reads as empty.
 */
public record Decisions(TcoInputs tco, List<ProvisionedOption> provisioned, List<Commitment> commitments,
                        List<SeatPlan> seatPlans, List<FineTuneCase> fineTunes, List<NegotiationInputs> negotiations) {
    public static final Decisions NONE = new Decisions(null, null, null, null, null, null);

    public Decisions {
        tco = tco == null ? TcoInputs.NONE : tco;
        provisioned = Checks.list(provisioned);
        commitments = Checks.list(commitments);
        seatPlans = Checks.list(seatPlans);
        fineTunes = Checks.list(fineTunes);
        negotiations = Checks.list(negotiations);
    }

    /** True when any part holds inputs (an all-empty section is not written to the file). */
    public boolean hasAny() {
        return tco.hasOptions() || !(provisioned.isEmpty() && commitments.isEmpty() && seatPlans.isEmpty()
                && fineTunes.isEmpty() && negotiations.isEmpty());
    }
}

package com.aifinops.workbench.pricing.sanity;

/**
 * A figure that is probably wrong, and why.
 *
 * @param check   which check fired
 * @param subject the workload, routing mix or rollup it concerns
 * @param message one sentence an analyst can act on
 */
public record SanityWarning(Check check, String subject, String message) {

    public enum Check {
        BELOW_OUTPUT_FLOOR, BLEND_BELOW_FRONTIER_SHARE, SHARES_NOT_100, UNPRICED_MODEL, CACHE_WITHOUT_PREFIX,
        /** the editor holds inputs that do not make a workload (shown in the studio only) */
        INVALID_INPUT
    }

    @Override
    public String toString() {
        return subject + ": " + message;
    }
}

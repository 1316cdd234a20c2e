package com.aifinops.workbench.model.analysis;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** One agent's, team's or model's hourly series, for the Anomalies screen's hourly chart. */
public interface HourlyQuery {
    /** An hour with usage: its start (UTC), requests and exact cost. */
    record Hour(Instant start, long requests, BigDecimal cost) {
    }

    /**
     * The hours with usage of one key ({@code dimension} as in {@link Anomaly#dimension()}; a team's key-only
     * hours given their team by the allocation rules) from {@code from} to {@code to} (hour starts, inclusive), in
     * order; empty when the ledger has no hourly data for it.
     */
    List<Hour> hours(String dimension, String key, Instant from, Instant to) throws Exception;
}

package com.aifinops.workbench.model.analysis;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;

/** What the Anomalies screen asks of the ledger. */
public interface AnomalyQuery {

    /** Findings starting from {@code from} to {@code to}, with the rows behind each, at the default thresholds. */
    default List<Anomaly> anomalies(LocalDate from, LocalDate to) throws Exception {
        return anomalies(from, to, AnomalyDetector.DEFAULTS);
    }

    /** The same with the thresholds {@code o} (the model-change band and the minimum extra cost the screen sets). */
    List<Anomaly> anomalies(LocalDate from, LocalDate to, AnomalyDetector.Options o) throws Exception;

    /** Daily spend of one agent, team or model ({@code dimension} as in {@link Anomaly#dimension()}). */
    SortedMap<LocalDate, BigDecimal> daily(String dimension, String key, LocalDate from, LocalDate to) throws Exception;

    /** The first and last day with usage, or {@code null} when the ledger is empty. */
    LocalDate[] span() throws Exception;
}

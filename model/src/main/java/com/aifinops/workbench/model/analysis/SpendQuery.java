package com.aifinops.workbench.model.analysis;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Spend reports over the ledger, with the allocation rules applied. The H2 implementation groups in SQL; the
 * window and the CLI both call it.
 */
public interface SpendQuery {

    /**
     * Spend from {@code from} to {@code to} (inclusive; either null for open), grouped by {@code by}, keeping only
     * rows whose value for each filter dimension equals the filter's value.
     */
    SpendReport report(LocalDate from, LocalDate to, List<Dimension> by, Map<Dimension, String> filters) throws Exception;

    /** The first and last day with usage, or {@code null} when the ledger is empty. */
    LocalDate[] span() throws Exception;
}

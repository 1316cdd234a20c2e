package com.aifinops.workbench.model.analysis;

/**
 * The rows behind a spend figure, for drilling down from a chart or a table to the ledger. Apart from
 * {@link SpendQuery} so that its implementations stay as they are; the H2 one lists with a LIMIT and sums in SQL.
 */
public interface SpendRowsQuery {

    /**
     * The daily rollups that match {@code filter}, allocation rules applied, costliest first: all of them, or when
     * more than {@code limit} match, the {@code limit} of the earliest days; with the count and the sums over all
     * that matched.
     */
    SpendRows rows(SpendRows.Filter filter, int limit) throws Exception;
}

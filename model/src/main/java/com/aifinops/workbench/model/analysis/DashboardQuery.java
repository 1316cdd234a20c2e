package com.aifinops.workbench.model.analysis;

import java.time.LocalDate;

/** The home screen's figures in one call, so the screen makes one trip to the database per refresh. */
public interface DashboardQuery {

    /** The dashboard as of {@code asOf} (null: the ledger's last day; an empty ledger gives {@link Dashboard#empty}). */
    Dashboard dashboard(LocalDate asOf) throws Exception;
}

package com.aifinops.workbench.app;

import com.aifinops.workbench.app.analysis.H2Allocation;
import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.views.allocation.AllocationView;
import com.aifinops.workbench.views.allocation.AllocationViewModel;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;

/** The Allocation screen on the H2 ledger, querying on its own daemon thread; without a database, a line saying so. */
public final class AllocationScreens {
    private AllocationScreens() {
    }

    public static Node allocation(Database db) {
        if (db == null) {
            Label l = new Label("No database: allocation needs the ledger.");
            l.setPadding(new Insets(24));
            return l;
        }
        return new AllocationView(new AllocationViewModel(new H2Allocation(db), AnalysisScreens.thread("allocation-query"), Platform::runLater));
    }
}

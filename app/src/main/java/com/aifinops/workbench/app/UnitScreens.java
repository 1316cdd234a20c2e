package com.aifinops.workbench.app;

import com.aifinops.workbench.app.analysis.H2UnitEconomics;
import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.views.unit.UnitView;
import com.aifinops.workbench.views.unit.UnitViewModel;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;

/** The Unit economics screen on the H2 ledger, querying on its own daemon thread; without a database, a line saying so. */
public final class UnitScreens {
    private UnitScreens() {
    }

    public static Node unit(Database db) {
        if (db == null) {
            Label l = new Label("No database: cost per outcome needs the ledger.");
            l.setPadding(new Insets(24));
            return l;
        }
        return new UnitView(new UnitViewModel(new H2UnitEconomics(db), AnalysisScreens.thread("unit-query"), Platform::runLater));
    }
}

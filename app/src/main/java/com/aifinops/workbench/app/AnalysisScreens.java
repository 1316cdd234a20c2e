package com.aifinops.workbench.app;

import com.aifinops.workbench.app.analysis.H2Governance;
import com.aifinops.workbench.app.analysis.H2ScreenQueries;
import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.views.anomaly.AnomalyView;
import com.aifinops.workbench.views.anomaly.AnomalyViewModel;
import com.aifinops.workbench.views.budget.BudgetView;
import com.aifinops.workbench.views.budget.BudgetViewModel;
import com.aifinops.workbench.views.governance.GovernanceView;
import com.aifinops.workbench.views.governance.GovernanceViewModel;
import com.aifinops.workbench.views.reconcile.ReconciliationView;
import com.aifinops.workbench.views.reconcile.ReconciliationViewModel;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;

import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * The Budgets, Anomalies, Reconciliation and Governance screens on the H2 ledger, each querying on its own daemon thread;
 * without a database, a line saying so.
 */
public final class AnalysisScreens {
    private AnalysisScreens() {
    }

    public static Node budgets(Database db) {
        return db == null ? none() : new BudgetView(new BudgetViewModel(new H2ScreenQueries(db), thread("budget-query"), Platform::runLater));
    }

    public static Node anomalies(Database db) {
        if (db == null) {
            return none();
        }
        H2ScreenQueries q = new H2ScreenQueries(db);
        return new AnomalyView(new AnomalyViewModel(q, q, thread("anomaly-query"), Platform::runLater));
    }

    public static Node reconciliation(Database db) {
        return db == null ? none() : new ReconciliationView(new ReconciliationViewModel(new H2ScreenQueries(db), thread("reconcile-query"), Platform::runLater));
    }

    public static Node governance(Database db) {
        return db == null ? none() : new GovernanceView(new GovernanceViewModel(new H2Governance(db), thread("governance-query"), Platform::runLater));
    }

    private static Node none() {
        Label l = new Label("No database: budgets, anomalies, reconciliation and governance need the ledger.");
        l.setPadding(new Insets(24));
        return l;
    }

    static Executor thread(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }
}

package com.aifinops.workbench.views.common;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.HBox;

import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The queries a screen has in flight: each runs on the screen's background executor and counts from the moment it
 * is asked for until its results (or its failure) reached the FX thread, so the screen can show a spinner and a
 * "Loading…" placeholder instead of an empty table that reads as "nothing found". The count only changes on the FX
 * thread (the caller's, and {@code fx} at the end), so the property can be bound to controls.
 */
public final class Loading {
    private final Executor background;
    private final Consumer<Runnable> fx;
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(false);
    private int running;

    public Loading(Executor background, Consumer<Runnable> fx) {
        this.background = background;
        this.fx = fx;
    }

    /**
     * Runs {@code query} in the background; it hands its results to the FX thread itself, as before. Called on the FX
     * thread (as a screen's actions are), so the screen is marked busy before this returns.
     */
    public void execute(Runnable query) {
        running++;
        active.set(true);
        background.execute(() -> {
            try {
                query.run();
            } finally {
                // queued after whatever the query queued, so the spinner goes when the results are shown
                fx.accept(() -> {
                    running = Math.max(0, running - 1);
                    active.set(running > 0);
                });
            }
        });
    }

    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    /** A small spinner visible (and taking room) only while {@code active}. */
    public static Node indicator(ReadOnlyBooleanProperty active) {
        ProgressIndicator p = new ProgressIndicator(ProgressIndicator.INDETERMINATE_PROGRESS);
        p.setPrefSize(18, 18);
        p.setMaxSize(18, 18);
        p.setId("loadingIndicator");
        p.visibleProperty().bind(active);
        p.managedProperty().bind(active);
        return p;
    }

    /** While {@code active}, the table's placeholder says it is loading; otherwise it is {@code empty}. */
    public static void placeholder(TableView<?> table, ReadOnlyBooleanProperty active, Node empty) {
        table.placeholderProperty().bind(Bindings.when(active).then(loadingNode()).otherwise(empty));
    }

    public static void placeholder(TreeTableView<?> table, ReadOnlyBooleanProperty active, Node empty) {
        table.placeholderProperty().bind(Bindings.when(active).then(loadingNode()).otherwise(empty));
    }

    private static Node loadingNode() {
        ProgressIndicator p = new ProgressIndicator(ProgressIndicator.INDETERMINATE_PROGRESS);
        p.setPrefSize(22, 22);
        HBox box = new HBox(8, p, new Label("Loading…"));
        box.setAlignment(javafx.geometry.Pos.CENTER);
        return box;
    }
}

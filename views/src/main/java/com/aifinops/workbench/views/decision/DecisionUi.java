package com.aifinops.workbench.views.decision;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.Locale;
import java.util.function.Function;

/** Small building blocks the decision screens share: section titles, figure cards, read-only tables. */
final class DecisionUi {
    private DecisionUi() {
    }

    static Label section(String text) {
        Label l = new Label(text.toUpperCase(Locale.ROOT));
        l.getStyleClass().add("section-title");
        return l;
    }

    static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("caption");
        l.setWrapText(true);
        return l;
    }

    /** A card with a caption over a big figure and a line of detail; returns the card, figure and detail labels. */
    static Card card(String id, String caption) {
        Label c = new Label(caption);
        c.getStyleClass().add("kpi-caption");
        c.setWrapText(true);
        Label figure = new Label();
        figure.setId(id);
        figure.getStyleClass().add("kpi-figure");
        Label detail = new Label();
        detail.getStyleClass().add("caption");
        detail.setWrapText(true);
        VBox box = new VBox(2, c, figure, detail);
        box.getStyleClass().addAll("card", "kpi-card");
        box.setMinWidth(96);
        box.setPrefWidth(150);
        HBox.setHgrow(box, Priority.ALWAYS);
        box.setMaxWidth(Double.MAX_VALUE);
        return new Card(box, c, figure, detail);
    }

    record Card(VBox box, Label caption, Label figure, Label detail) {
    }

    static <T> TableColumn<T, String> column(String title, Function<T, String> value, double width, boolean numeric) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        if (numeric) {
            c.getStyleClass().add("numeric");
        }
        return c;
    }

    static <T> TableView<T> table(String id, int rows) {
        TableView<T> t = new TableView<>();
        t.setId(id);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setFixedCellSize(26);
        t.setPrefHeight(26 * rows + 32);
        t.setMinHeight(26 + 34);
        return t;
    }

    /**
     * Keeps a slider and a view-model property in step without a bidirectional binding: the range is set before the
     * value, so a value outside the old range is never clamped and written back.
     */
    static Runnable link(javafx.scene.control.Slider s, javafx.beans.property.DoubleProperty p,
                         java.util.function.DoubleSupplier min, java.util.function.DoubleSupplier max) {
        boolean[] busy = {false};
        Runnable sync = () -> {
            busy[0] = true;
            try {
                double lo = min.getAsDouble();
                double hi = Math.max(lo + 1e-9, max.getAsDouble());
                s.setMin(Math.min(lo, s.getMin()));
                s.setMax(hi);
                s.setMin(lo);
                s.setValue(p.get());
            } finally {
                busy[0] = false;
            }
        };
        s.valueProperty().addListener((o, old, v) -> {
            if (!busy[0]) {
                p.set(v.doubleValue());
            }
        });
        p.addListener(o -> sync.run());
        sync.run();
        return sync;
    }

    static HBox row(double gap, Region... children) {
        HBox h = new HBox(gap, children);
        h.setAlignment(Pos.TOP_LEFT);
        return h;
    }
}

package com.aifinops.workbench.views.levers;

import com.aifinops.workbench.model.Usd;
import com.aifinops.workbench.pricing.levers.LeverStack;
import com.aifinops.workbench.views.common.DecimalField;
import javafx.beans.property.DoubleProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.Locale;

/** The lever controls beside the waterfall from baseline to optimised cost, with each step's exact saving. */
public final class LeversPanel extends HBox {
    private final WaterfallChart chart = new WaterfallChart();
    private final Label summary = new Label();
    private final Label steps = new Label();
    private final javafx.beans.property.BooleanProperty showing = new javafx.beans.property.SimpleBooleanProperty(true);
    private LeverStack.Waterfall pending;

    public LeversPanel(LeversViewModel vm) {
        setSpacing(16);
        setPadding(new Insets(12));
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(5);
        int row = 0;
        g.addRow(row++, label("Semantic cache hits"), slider("semanticSlider", vm.semanticPercentProperty()), value(vm.semanticPercentProperty()));
        g.addRow(row++, label("Lookup $ / request"), field("lookupField", vm.lookupCostProperty()));
        g.addRow(row++, label("Prompt trimming"), slider("trimSlider", vm.trimPercentProperty()), value(vm.trimPercentProperty()));
        g.addRow(row++, label("Output cap (0 = none)"), field("outputCapField", vm.outputCapProperty()));
        g.addRow(row++, label("Cacheable prefix"), slider("prefixSlider", vm.prefixPercentProperty()), value(vm.prefixPercentProperty()));
        g.addRow(row++, label("Write premium ×"), field("writePremiumField", vm.writePremiumProperty()));
        g.addRow(row++, label("Batch shift"), slider("batchSlider", vm.batchPercentProperty()), value(vm.batchPercentProperty()));
        g.addRow(row++, label("Batch discount"), slider("batchDiscountSlider", vm.batchDiscountPercentProperty()), value(vm.batchDiscountPercentProperty()));
        Label hint = new Label("Applied in order, each to what the previous left (prompt caching uses the cache slider's "
                + "hit rate); savings multiply, never add as percentages.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        hint.setMaxWidth(330);
        summary.setId("leverSummary");
        summary.getStyleClass().add("field-label");
        steps.setId("leverSteps");
        steps.getStyleClass().add("caption");
        steps.setWrapText(true);
        steps.setMaxWidth(330);
        summary.setWrapText(true);
        g.getColumnConstraints().addAll(new javafx.scene.layout.ColumnConstraints(150),
                new javafx.scene.layout.ColumnConstraints(118), new javafx.scene.layout.ColumnConstraints(46));
        VBox left = new VBox(8, g, hint, steps);
        left.setMinWidth(330);
        left.setMaxWidth(330);
        chart.node().setMinSize(280, 200);
        VBox right = new VBox(4, summary, chart.node());
        VBox.setVgrow(chart.node(), Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        getChildren().addAll(left, right);
        vm.waterfallProperty().addListener((o, old, w) -> show(w));
        show(vm.waterfallProperty().get());
        showing.addListener((o, was, is) -> {
            if (is && pending != null) {
                show(pending);
            }
        });
    }

    public WaterfallChart chart() {
        return chart;
    }

    /** False while the panel is hidden (another tab): the chart is then redrawn once, when it shows again. */
    public javafx.beans.property.BooleanProperty showingProperty() {
        return showing;
    }

    private void show(LeverStack.Waterfall w) {
        if (!showing.get()) {
            pending = w;
            return;
        }
        pending = null;
        chart.show(w);
        if (w == null) {
            summary.setText("The workload's model has no price row.");
            steps.setText("");
            return;
        }
        summary.setText(Usd.format(w.baseline()) + " → " + Usd.format(w.optimised()) + "  (saves " + Usd.format(w.totalSaving()) + ")");
        StringBuilder b = new StringBuilder();
        for (LeverStack.Step s : w.steps()) {
            b.append(String.format(Locale.ROOT, "%-16s %s%n", s.lever().label, Usd.format(s.saving())));
        }
        b.append(w.readsToBreakEven() < 0 ? "Prompt caching never pays at these prices."
                : w.readsToBreakEven() == 0 ? "No write premium: caching pays from the first read."
                : "A cache write pays for itself after " + w.readsToBreakEven() + " read" + (w.readsToBreakEven() == 1 ? "" : "s") + ".");
        steps.setText(b.toString());
    }

    private static Slider slider(String id, DoubleProperty p) {
        Slider s = new Slider(0, 100, p.get());
        s.setId(id);
        s.setPrefWidth(118);
        s.setBlockIncrement(1);
        s.valueProperty().bindBidirectional(p);
        return s;
    }

    private static Label value(DoubleProperty p) {
        Label l = new Label();
        l.setMinWidth(46);
        l.getStyleClass().add("lever-value");
        l.textProperty().bind(p.asString(Locale.ROOT, "%.0f %%"));
        return l;
    }

    private static DecimalField field(String id, javafx.beans.property.ObjectProperty<java.math.BigDecimal> p) {
        DecimalField f = new DecimalField(p);
        f.setId(id);
        f.setPrefColumnCount(7);
        return f;
    }

    private static Label label(String t) {
        Label l = new Label(t);
        l.getStyleClass().add("field-label");
        return l;
    }
}

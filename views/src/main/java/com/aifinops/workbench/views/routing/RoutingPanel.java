package com.aifinops.workbench.views.routing;

import com.aifinops.workbench.model.Usd;
import com.aifinops.workbench.model.price.ModelPrice;
import com.aifinops.workbench.pricing.routing.RoutingCalculator;
import com.aifinops.workbench.pricing.sanity.SanityWarning;
import com.aifinops.workbench.views.common.DecimalField;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.math.RoundingMode;
import java.util.Locale;

/**
 * The routing panel: a slider per model share (snapping to 5 % steps; the others follow so the shares sum to
 * 100 %), the cascade escalation, the classifier cost, and the blended cost against all-frontier with the
 * sanity check. Formatting only; the figures come from {@link RoutingViewModel}.
 */
public final class RoutingPanel extends VBox {
    private final RoutingViewModel vm;
    private final GridPane sharesGrid = new GridPane();
    private final Label blended = new Label();
    private final Label allFrontier = new Label();
    private final Label savings = new Label();
    private final Label escalation = new Label();
    private final Label check = new Label();

    public RoutingPanel(RoutingViewModel vm) {
        this.vm = vm;
        setSpacing(10);
        setPadding(new Insets(12));
        getStyleClass().add("routing-panel");
        sharesGrid.setHgap(8);
        sharesGrid.setVgap(6);
        sharesGrid.getColumnConstraints().addAll(new ColumnConstraints(130), new ColumnConstraints(180),
                new ColumnConstraints(52), new ColumnConstraints(80), new ColumnConstraints(28));
        vm.rows().addListener((ListChangeListener<RoutingViewModel.ShareRow>) c -> rebuildRows());
        rebuildRows();

        Slider esc = new Slider(0, 100, vm.escalationPercentProperty().get());
        esc.setId("cascadeSlider");
        snap(esc);
        esc.valueProperty().bindBidirectional(vm.escalationPercentProperty());
        Label escValue = new Label();
        escValue.getStyleClass().add("lever-value");
        escValue.textProperty().bind(vm.escalationPercentProperty().asString(Locale.ROOT, "%.0f %%"));
        DecimalField router = new DecimalField(vm.routerCostProperty());
        router.setId("routerCostField");
        ComboBox<ModelPrice> add = new ComboBox<>(FXCollections.observableArrayList(vm.availableModels()));
        add.setPromptText("Add a model…");
        add.setCellFactory(l -> new ModelCell());
        add.setButtonCell(new ModelCell());
        add.setOnAction(e -> {
            if (add.getValue() != null) {
                vm.addModel(add.getValue());
                javafx.application.Platform.runLater(() -> add.getSelectionModel().clearSelection());
            }
        });
        GridPane extra = new GridPane();
        extra.setHgap(8);
        extra.setVgap(6);
        extra.addRow(0, label("Cascade escalation"), esc, escValue);
        extra.addRow(1, label("Classifier $ / request"), router);
        VBox left = new VBox(8, section("Shares (sum to 100 %)"), sharesGrid, add, section("Cascade and classifier"), extra,
                hint("A share of the cheapest model's requests fails there and escalates to the frontier model, paying for both calls."));

        blended.setId("routingBlended");
        blended.getStyleClass().add("headline-figure-small");
        allFrontier.setId("routingAllFrontier");
        savings.setId("routingSavings");
        check.setId("routingCheck");
        check.setWrapText(true);
        VBox figure = new VBox(2, caption("Blended monthly cost"), blended);
        VBox versus = new VBox(2, allFrontier, savings, escalation);
        HBox top = new HBox(24, figure, versus);
        VBox right = new VBox(6, top, check);
        right.getStyleClass().add("card");
        getChildren().addAll(right, left);
        vm.resultProperty().addListener((o, old, r) -> show(r));
        show(vm.resultProperty().get());
    }

    private void rebuildRows() {
        sharesGrid.getChildren().clear();
        int i = 0;
        for (RoutingViewModel.ShareRow r : vm.rows()) {
            Label name = new Label(r.displayName());
            name.getStyleClass().add("field-label");
            Slider s = new Slider(0, 100, r.percentProperty().get());
            s.setId("shareSlider-" + cssId(r.modelId()));
            snap(s);
            s.valueProperty().bindBidirectional(r.percentProperty());
            Label value = new Label();
            value.setId("shareValue-" + cssId(r.modelId()));
            value.getStyleClass().add("lever-value");
            value.textProperty().bind(r.percentProperty().asString(Locale.ROOT, "%.1f %%"));
            TextField tier = new TextField();
            tier.setPromptText("tier");
            tier.textProperty().bindBidirectional(r.tierProperty());
            Button remove = new Button("×");
            remove.setOnAction(e -> vm.removeModel(r));
            remove.setDisable(vm.rows().size() <= 1);
            sharesGrid.addRow(i++, name, s, value, tier, remove);
        }
    }

    /** A model id usable in a CSS id selector: "gpt-5.5" → "gpt-5_5". */
    public static String cssId(String modelId) {
        return modelId.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    private static void snap(Slider s) {
        s.setMajorTickUnit(25);
        s.setMinorTickCount(4);
        s.setShowTickMarks(true);
        s.setSnapToTicks(true);
        s.setBlockIncrement(5);
    }

    private void show(RoutingViewModel.Result r) {
        if (r == null) {
            return;
        }
        RoutingCalculator.RoutingResult x = r.routing();
        if (x == null) {
            blended.setText("—");
            allFrontier.setText("");
            savings.setText("");
            escalation.setText("");
        } else {
            blended.setText(Usd.format(x.monthlyCost()));
            allFrontier.setText("All on " + x.frontierModel() + ": " + Usd.format(x.allFrontierMonthly()));
            savings.setText("Savings vs all-frontier: " + x.savingsFraction().movePointRight(2).setScale(1, RoundingMode.HALF_UP) + " %");
            escalation.setText(x.escalationMonthly().signum() == 0 ? "No cascade" : "Escalated second calls: " + Usd.format(x.escalationMonthly()));
        }
        check.getStyleClass().removeAll("warning-text", "ok-text");
        if (r.warnings().isEmpty()) {
            check.setText("✓ Blend is at least the frontier share × all-frontier cost; shares sum to 100 %.");
            check.getStyleClass().add("ok-text");
        } else {
            check.setText("⚠ " + String.join("\n⚠ ", r.warnings().stream().map(SanityWarning::message).toList()));
            check.getStyleClass().add("warning-text");
        }
    }

    private static Label label(String t) {
        Label l = new Label(t);
        l.getStyleClass().add("field-label");
        return l;
    }

    private static Label caption(String t) {
        Label l = new Label(t);
        l.getStyleClass().add("headline-caption");
        return l;
    }

    private static Label section(String t) {
        Label l = new Label(t.toUpperCase(Locale.ROOT));
        l.getStyleClass().add("section-title");
        return l;
    }

    private static Label hint(String t) {
        Label l = new Label(t);
        l.getStyleClass().add("hint");
        l.setWrapText(true);
        l.setMaxWidth(500);
        return l;
    }

    private static final class ModelCell extends ListCell<ModelPrice> {
        @Override
        protected void updateItem(ModelPrice m, boolean empty) {
            super.updateItem(m, empty);
            setText(empty || m == null ? null : m.displayName());
        }
    }
}

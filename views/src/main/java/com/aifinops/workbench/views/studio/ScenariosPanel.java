package com.aifinops.workbench.views.studio;

import com.aifinops.workbench.model.Usd;
import com.aifinops.workbench.pricing.engine.WorkbookCosts;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.Function;

/** Scenarios side by side: each one's overrides and the workbook's monthly total under it; save the current settings as one. */
public final class ScenariosPanel extends VBox {
    private final TableView<WorkbookCosts.ScenarioTotal> table = new TableView<>();
    private BigDecimal asEntered = BigDecimal.ZERO;

    public ScenariosPanel(StudioSession session, WorkbookSummaryViewModel summary) {
        setSpacing(8);
        setPadding(new Insets(12));
        table.setId("scenarioTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setFixedCellSize(28);
        table.getColumns().add(column("Scenario", t -> t.scenario() == null ? "As entered" : t.scenario().name(), 150, false));
        table.getColumns().add(column("Applies to", t -> t.scenario() == null ? "" : blank(t.scenario().workload()) ? "all" : t.scenario().workload(), 110, false));
        table.getColumns().add(column("Cache", t -> t.scenario() == null || t.scenario().cacheHitRate() == null ? "—"
                : t.scenario().cacheHitRate().movePointRight(2).stripTrailingZeros().toPlainString() + " %", 55, true));
        table.getColumns().add(column("Overhead", t -> t.scenario() == null || t.scenario().overhead() == null ? "—"
                : t.scenario().overhead().stripTrailingZeros().toPlainString() + "×", 70, true));
        table.getColumns().add(column("Growth", t -> t.scenario() == null || t.scenario().monthlyGrowth() == null ? "—"
                : t.scenario().monthlyGrowth().movePointRight(2).stripTrailingZeros().toPlainString() + " %", 60, true));
        table.getColumns().add(column("Monthly", t -> Usd.format(t.total()), 105, true));
        table.getColumns().add(column("Δ", this::versus, 60, true));
        table.getColumns().add(column("In month 12", t -> Usd.format(t.month12()), 110, true));
        TextField name = new TextField();
        name.setId("scenarioNameField");
        name.setPromptText("Scenario name");
        name.setPrefColumnCount(16);
        Button save = new Button("Save as scenario");
        save.setId("saveScenarioButton");
        save.disableProperty().bind(name.textProperty().isEmpty());
        save.setOnAction(e -> {
            session.saveScenario(name.getText().trim());
            name.clear();
        });
        Button remove = new Button("Remove");
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> {
            WorkbookCosts.ScenarioTotal t = table.getSelectionModel().getSelectedItem();
            if (t != null && t.scenario() != null) {
                session.removeScenario(t.scenario().name());
            }
        });
        Label hint = new Label("Saving records the selected workload's cache hit rate and overhead under that name.");
        hint.getStyleClass().add("hint");
        HBox bar = new HBox(8, name, save, remove);
        bar.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(name, Priority.NEVER);
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(bar, hint, table);
        summary.summaryProperty().addListener((o, old, s) -> show(s));
        show(summary.summaryProperty().get());
    }

    private void show(WorkbookSummaryViewModel.Summary s) {
        if (s == null || s.scenarios().isEmpty()) {
            return;
        }
        asEntered = s.scenarios().get(0).total();
        table.getItems().setAll(s.scenarios());
    }

    private String versus(WorkbookCosts.ScenarioTotal t) {
        if (t.scenario() == null || asEntered.signum() == 0) {
            return "—";
        }
        BigDecimal change = t.total().subtract(asEntered).movePointRight(2).divide(asEntered, 1, RoundingMode.HALF_UP);
        return (change.signum() > 0 ? "+" : "") + change.toPlainString() + " %";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static TableColumn<WorkbookCosts.ScenarioTotal, String> column(String title,
            Function<WorkbookCosts.ScenarioTotal, String> value, double width, boolean numeric) {
        TableColumn<WorkbookCosts.ScenarioTotal, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        if (numeric) {
            c.getStyleClass().add("numeric");
        }
        return c;
    }

}

package com.aifinops.workbench.views.unit;

import com.aifinops.workbench.model.Usd;
import com.aifinops.workbench.model.analysis.UnitQuery;
import com.aifinops.workbench.views.common.SearchableCombo;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.converter.DefaultStringConverter;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

import java.io.File;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The Unit economics screen: for one node and outcome, the months with model spend, harness cost, outcomes (edited
 * in place, Enter commits), cost per outcome without and with the harness and the change on the month before; the
 * node's monthly harness lines with add and remove; a trend chart; outcome CSVs imported by the button or dropped on
 * the screen. Ctrl+Z undoes, Ctrl+Shift+Z redoes.
 */
public final class UnitView extends BorderPane {
    private static final KeyCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination REDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

    private final UnitViewModel vm;
    private final TableView<UnitViewModel.Row> table = new TableView<>();
    private final TableView<UnitQuery.HarnessItem> harness = new TableView<>();
    private final UnitTrendChart trend = new UnitTrendChart();
    private final TextField harnessMonth = new TextField();
    private final TextField harnessDescription = new TextField();
    private final TextField harnessUsd = new TextField();

    public UnitView(UnitViewModel vm) {
        this.vm = vm;
        setTop(createBar());
        createTable();
        ChartViewer viewer = new ChartViewer(trend.chart());
        viewer.setId("unitChart");
        viewer.setPrefHeight(300);
        viewer.setMinHeight(220);
        Label error = new Label();
        error.setId("unitError");
        error.setWrapText(true);
        error.setStyle("-fx-text-fill: #b00020; -fx-font-weight: bold;");
        error.textProperty().bind(vm.errorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        Label status = new Label();
        status.setId("unitStatus");
        status.getStyleClass().add("hint");
        status.textProperty().bind(vm.statusProperty());
        status.managedProperty().bind(status.textProperty().isNotEmpty());
        VBox harnessPane = createHarness();
        HBox tables = new HBox(12, table, harnessPane);
        HBox.setHgrow(table, Priority.ALWAYS);
        table.setPrefHeight(260);
        harness.setPrefHeight(150);
        VBox body = new VBox(8, error, status, tables, viewer);
        VBox.setVgrow(viewer, Priority.ALWAYS);
        body.setPadding(new Insets(4, 12, 12, 12));
        setCenter(body);
        vm.resultProperty().addListener((o, a, r) -> {
            trend.show(r);
            if (r != null && !r.months().isEmpty() && harnessMonth.getText().isBlank()) {
                harnessMonth.setText(r.months().get(r.months().size() - 1).month().toString());
            }
        });
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getTarget() instanceof TextField) {
                return; // a field's own undo
            }
            if (UNDO.match(e)) {
                vm.undo();
                e.consume();
            } else if (REDO.match(e)) {
                vm.redo();
                e.consume();
            }
        });
        enableDrop();
        vm.refresh();
    }

    public JFreeChart chart() {
        return trend.chart();
    }

    public TableView<UnitViewModel.Row> monthsTable() {
        return table;
    }

    private FlowPane createBar() {
        ComboBox<String> node = SearchableCombo.searchable(vm.nodes(), vm.nodeProperty(), vm::load);
        node.setId("unitNode");
        node.setPromptText("team:support");
        node.setPrefWidth(240);
        ComboBox<String> outcome = SearchableCombo.editable(vm.outcomes(), vm.outcomeProperty(), vm::load);
        outcome.setId("unitOutcome");
        outcome.setPromptText(UnitViewModel.DEFAULT_OUTCOME);
        outcome.setPrefWidth(190);
        Button reload = new Button("Refresh");
        reload.setOnAction(e -> vm.refresh());
        Button importCsv = new Button("Import outcomes CSV…");
        importCsv.setId("unitImport");
        importCsv.setOnAction(e -> chooseCsv());
        Button undo = new Button("Undo");
        undo.setId("unitUndo");
        undo.disableProperty().bind(vm.canUndoProperty().not());
        undo.setOnAction(e -> vm.undo());
        Button redo = new Button("Redo");
        redo.setId("unitRedo");
        redo.disableProperty().bind(vm.canRedoProperty().not());
        redo.setOnAction(e -> vm.redo());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.busyProperty());
        Label hint = new Label("type a count in the outcomes column (Enter commits), or drop a node,month,outcome,count CSV here");
        hint.getStyleClass().add("hint");
        FlowPane bar = new FlowPane(8, 6, label("Node"), node, label("outcome"), outcome, reload, importCsv, undo, redo, busy, hint);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(12, 12, 4, 12));
        return bar;
    }

    private void chooseCsv() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Import outcome counts");
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV (node,month,outcome,count)", "*.csv", "*.CSV"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File f = fc.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) {
            vm.importCsv(f.toPath());
        }
    }

    private void enableDrop() {
        setOnDragOver((DragEvent e) -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume(); // so the window's own handler does not try to open a workbook
            }
        });
        setOnDragDropped((DragEvent e) -> {
            List<File> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
            files.forEach(f -> vm.importCsv(f.toPath()));
            e.setDropCompleted(!files.isEmpty());
            e.consume();
        });
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private void createTable() {
        table.setId("unitMonths");
        table.setItems(vm.rows());
        table.setEditable(true);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        Label empty = new Label();
        empty.textProperty().bind(javafx.beans.binding.Bindings.when(javafx.beans.binding.Bindings.isEmpty(vm.nodes()))
                .then("No usage in the ledger yet: import usage files (Imports), then count outcomes here")
                .otherwise("No spend, harness cost or outcomes for this node and outcome: pick another, or import outcomes"));
        table.setPlaceholder(wrapped(empty));
        TableColumn<UnitViewModel.Row, String> month = column("month", r -> r.yearMonth().toString());
        month.setStyle("");
        TableColumn<UnitViewModel.Row, String> count = column("outcomes", r -> r.recorded() == null ? "" : String.format(Locale.ROOT, "%,d", r.recorded()));
        count.setId("unit-outcomes");
        count.setEditable(true);
        count.setCellFactory(c -> new TextFieldTableCell<>(new DefaultStringConverter()) {
            @Override
            public void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                // an editable cell looks like one; a month without an entry invites one
                setStyle(empty ? "" : "-fx-alignment: CENTER-RIGHT; -fx-background-color: #f4f8fc; -fx-border-color: transparent #d8e2ec transparent transparent;");
                if (!empty && !isEditing() && (item == null || item.isEmpty())) {
                    setText("enter…");
                    setStyle(getStyle() + " -fx-text-fill: #9aa5b1;");
                }
            }
        });
        count.setOnEditCommit(e -> vm.setCount(e.getRowValue(), e.getNewValue()));
        table.getColumns().add(month);
        table.getColumns().add(column("model spend", r -> Usd.format(r.month().modelCost())));
        table.getColumns().add(column("harness", r -> Usd.format(r.month().harnessCost())));
        table.getColumns().add(count);
        table.getColumns().add(column("per outcome", r -> perOutcome(r.month().costPerOutcome())));
        TableColumn<UnitViewModel.Row, String> with = column("with harness", r -> perOutcome(r.month().costPerOutcomeWithHarness()));
        with.setStyle("-fx-alignment: CENTER-RIGHT; -fx-font-weight: bold;");
        table.getColumns().add(with);
        TableColumn<UnitViewModel.Row, String> change = column("MoM", r -> change(r.change()));
        change.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                // a unit cost going up is bad news
                setStyle("-fx-alignment: CENTER-RIGHT;" + (empty || item == null ? "" : item.startsWith("+") ? " -fx-text-fill: #b00020;"
                        : item.startsWith("−") ? " -fx-text-fill: #1b7a3d;" : ""));
            }
        });
        table.getColumns().add(change);
        table.getColumns().forEach(c -> c.setSortable(false));
    }

    /** "$0.0425", 4 decimals half-up with grouping; "—" when the month has no outcomes. */
    static String perOutcome(BigDecimal v) {
        return v == null ? "—" : Usd.formatUnit(v);
    }

    /** "+12.5 %", "−3.0 %", "0.0 %" to one decimal; "—" when there is nothing to compare. */
    static String change(BigDecimal fraction) {
        if (fraction == null) {
            return "—";
        }
        BigDecimal pct = fraction.movePointRight(2).setScale(1, RoundingMode.HALF_UP);
        return (pct.signum() > 0 ? "+" : pct.signum() < 0 ? "−" : "") + pct.abs().toPlainString() + " %";
    }

    private VBox createHarness() {
        Label title = new Label("HARNESS COSTS (MONTHLY)");
        title.getStyleClass().add("section-title");
        harness.setId("unitHarness");
        harness.setItems(vm.harness());
        harness.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        harness.setPlaceholder(wrapped(new Label("No harness costs yet: vector DB, embeddings, orchestration, observability, one line per month")));
        TableColumn<UnitQuery.HarnessItem, String> m = new TableColumn<>("month");
        m.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue().month().toString()));
        m.setMaxWidth(80);
        m.setMinWidth(70);
        TableColumn<UnitQuery.HarnessItem, String> d = new TableColumn<>("description");
        d.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue().description()));
        TableColumn<UnitQuery.HarnessItem, String> usd = new TableColumn<>("USD");
        usd.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(Usd.format(cd.getValue().amount())));
        usd.setStyle("-fx-alignment: CENTER-RIGHT;");
        usd.setMinWidth(80);
        usd.setMaxWidth(100);
        TableColumn<UnitQuery.HarnessItem, UnitQuery.HarnessItem> remove = new TableColumn<>("");
        remove.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue()));
        remove.setCellFactory(c -> new TableCell<>() {
            private final Button x = new Button("✕");

            {
                x.getStyleClass().add("flat-button");
                x.setOnAction(e -> vm.removeHarness(getItem()));
            }

            @Override
            protected void updateItem(UnitQuery.HarnessItem item, boolean empty) {
                super.updateItem(item, empty);
                setGraphic(empty || item == null ? null : x);
                if (!empty && item != null) {
                    x.setId("unitHarnessRemove-" + getIndex());
                }
            }
        });
        remove.setMinWidth(34);
        remove.setMaxWidth(34);
        remove.setSortable(false);
        harness.getColumns().addAll(List.of(m, d, usd, remove));
        harness.setOnKeyPressed(e -> {
            if ((e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) && harness.getSelectionModel().getSelectedItem() != null) {
                vm.removeHarness(harness.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        harnessMonth.setId("unitHarnessMonth");
        harnessMonth.setPromptText(YearMonth.now().toString());
        harnessMonth.setPrefWidth(78);
        harnessDescription.setId("unitHarnessDescription");
        harnessDescription.setPromptText("vector DB");
        harnessDescription.setPrefWidth(130);
        harnessUsd.setId("unitHarnessUsd");
        harnessUsd.setPromptText("USD");
        harnessUsd.setPrefWidth(80);
        Button add = new Button("Add");
        add.setId("unitHarnessAdd");
        Runnable doAdd = () -> {
            vm.addHarness(harnessMonth.getText(), harnessDescription.getText(), harnessUsd.getText());
            harnessUsd.clear();
        };
        add.setOnAction(e -> doAdd.run());
        harnessUsd.setOnAction(e -> doAdd.run());
        HBox form = new HBox(6, harnessMonth, harnessDescription, harnessUsd, add);
        form.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, title, harness, form);
        VBox.setVgrow(harness, Priority.ALWAYS);
        box.setPrefWidth(420);
        box.setMinWidth(360);
        return box;
    }

    /** A placeholder that wraps inside its table instead of being cut off. */
    private static Label wrapped(Label l) {
        l.setWrapText(true);
        l.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        l.setPadding(new Insets(12));
        l.setMaxWidth(360);
        return l;
    }

    private static TableColumn<UnitViewModel.Row, String> column(String title, Function<UnitViewModel.Row, String> value) {
        TableColumn<UnitViewModel.Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setId("unit-" + title.replace(' ', '-'));
        c.setMinWidth(80);
        c.setEditable(false);
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        return c;
    }
}

package com.aifinops.workbench.views.spend;

import com.aifinops.workbench.views.common.DollarTicks;
import com.aifinops.workbench.model.Usd;
import com.aifinops.workbench.model.analysis.Dimension;
import com.aifinops.workbench.model.analysis.ReportRow;
import com.aifinops.workbench.model.analysis.ShowbackStatements;
import com.aifinops.workbench.model.analysis.SpendReport;
import com.aifinops.workbench.views.common.ChartStyle;
import com.aifinops.workbench.views.common.Loading;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.entity.CategoryItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;
import org.jfree.chart.labels.StandardCategoryToolTipGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The Spend screen: spend over time stacked by team or model, filtered by period and a dimension, and the report
 * rows below. Figures come from {@link SpendViewModel}; the chart is replaced in one batch per result. Clicking a bar
 * segment, double-clicking (or Enter on) a table row, or Rows… opens the ledger rows behind it in a
 * {@link SpendRowsView} window.
 */
public final class SpendView extends BorderPane {
    private static final List<Dimension> STACKS = List.of(Dimension.of(Dimension.Kind.TEAM), Dimension.of(Dimension.Kind.MODEL),
            Dimension.of(Dimension.Kind.PROVIDER), Dimension.of(Dimension.Kind.AGENT), Dimension.of(Dimension.Kind.PROJECT));
    private static final List<Dimension> GRAINS = List.of(Dimension.of(Dimension.Kind.DAY), Dimension.of(Dimension.Kind.MONTH));
    private static final List<Dimension> GROUPS = List.of(Dimension.of(Dimension.Kind.TEAM), Dimension.of(Dimension.Kind.PROJECT),
            Dimension.of(Dimension.Kind.AGENT), Dimension.of(Dimension.Kind.MODEL), Dimension.of(Dimension.Kind.PROVIDER),
            Dimension.of(Dimension.Kind.ORG), Dimension.of(Dimension.Kind.MONTH));

    private final SpendViewModel vm;
    private final DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    private final TableView<ReportRow> table = new TableView<>();
    private final JFreeChart chart;
    private final Button statement = new Button("Statement…");
    private final Label statementStatus = new Label();
    private ShowbackStatements statements;
    private Executor statementThread;
    private final ChartViewer viewer;
    private static final java.awt.Color OTHER_PAINT = new java.awt.Color(0xB8C0CC);
    private SpendRowsView.RowsWindow rowsWindow;

    public SpendView(SpendViewModel vm) {
        this.vm = vm;
        chart = createChart();
        setTop(createFilters());
        viewer = new ChartViewer(chart);
        viewer.setId("spendChart");
        viewer.addChartMouseListener(new ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(ChartMouseEventFX e) {
                if (e.getTrigger().isStillSincePress() && e.getEntity() instanceof CategoryItemEntity item) {
                    vm.drillChart(String.valueOf(item.getColumnKey()), String.valueOf(item.getRowKey()));
                }
            }

            @Override
            public void chartMouseMoved(ChartMouseEventFX e) {
                viewer.setCursor(e.getEntity() instanceof CategoryItemEntity ? javafx.scene.Cursor.HAND : javafx.scene.Cursor.DEFAULT);
            }
        });
        viewer.setPrefHeight(360);
        createTable();
        Label total = new Label();
        total.setId("spendTotal");
        total.textProperty().bind(vm.totalProperty());
        Label error = new Label();
        error.setId("spendError");
        error.getStyleClass().add("error-text");
        error.textProperty().bind(vm.errorProperty());
        statementStatus.setId("spendStatementStatus");
        Button rows = new Button("Rows…");
        rows.setId("spendRows");
        rows.setOnAction(e -> vm.drillShown());
        HBox totals = new HBox(16, total, rows, error, statementStatus);
        totals.setAlignment(Pos.CENTER_LEFT);
        VBox body = new VBox(8, viewer, totals, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox.setVgrow(viewer, Priority.SOMETIMES);
        body.setPadding(new Insets(8, 12, 12, 12));
        setCenter(body);
        vm.chartProperty().addListener((o, a, data) -> show(data));
        vm.tableProperty().addListener((o, a, r) -> showTable(r));
        vm.rowsProperty().addListener((o, a, d) -> {
            if (d != null) {
                rowsWindow().show(d);
            }
        });
        vm.refresh();
    }

    public JFreeChart chart() {
        return chart;
    }

    /**
     * Shows the "Statement…" action, which saves a showback statement (team and month defaulting to this screen's
     * filter and period) through {@code service}, working on {@code background}.
     */
    public void setStatements(ShowbackStatements service, Executor background) {
        this.statements = service;
        this.statementThread = background;
        statement.setVisible(service != null);
        statement.setManaged(service != null);
    }

    /** The view model of a new Statement dialog, with this screen's filter and period as defaults. */
    StatementViewModel statementModel() {
        StatementViewModel m = new StatementViewModel(statements, statementThread, javafx.application.Platform::runLater);
        m.defaults(vm.filterProperty().get(), vm.fromProperty().get(), vm.toProperty().get());
        statementStatus.textProperty().bind(m.statusProperty());
        return m;
    }

    public ChartViewer viewer() {
        return viewer;
    }

    /** The drill-down window (created on the first drill-down, owned by this screen's window). */
    public SpendRowsView.RowsWindow rowsWindow() {
        if (rowsWindow == null) {
            rowsWindow = new SpendRowsView.RowsWindow(getScene() == null ? null : getScene().getWindow());
        }
        return rowsWindow;
    }

    private FlowPane createFilters() {
        DatePicker from = new DatePicker();
        from.setId("spendFrom");
        from.valueProperty().bindBidirectional(vm.fromProperty());
        DatePicker to = new DatePicker();
        to.setId("spendTo");
        to.valueProperty().bindBidirectional(vm.toProperty());
        ComboBox<Dimension> stack = combo("spendStackBy", STACKS);
        stack.valueProperty().bindBidirectional(vm.stackByProperty());
        ComboBox<Dimension> grain = combo("spendGrain", GRAINS);
        grain.valueProperty().bindBidirectional(vm.grainProperty());
        ComboBox<Dimension> group = combo("spendGroupBy", GROUPS);
        group.valueProperty().bindBidirectional(vm.groupByProperty());
        TextField filter = new TextField();
        filter.setId("spendFilter");
        filter.setPromptText("filter, e.g. team=eng");
        filter.textProperty().bindBidirectional(vm.filterProperty());
        filter.setOnAction(e -> vm.refresh());
        Button apply = new Button("Apply");
        apply.setId("spendApply");
        apply.setDefaultButton(true);
        apply.setOnAction(e -> vm.refresh());
        stack.setOnAction(e -> vm.refresh());
        grain.setOnAction(e -> vm.refresh());
        group.setOnAction(e -> vm.refresh());
        from.setPrefWidth(130);
        to.setPrefWidth(130);
        filter.setPrefWidth(170);
        // a flow, not a row: on a narrow window the filters wrap instead of truncating their labels
        statement.setId("spendStatement");
        statement.setOnAction(e -> StatementDialog.run(getScene().getWindow(), statementModel()));
        setStatements(null, null);
        FlowPane bar = new FlowPane(8, 6, label("From"), from, label("to"), to, label("Stack by"), stack, label("per"), grain,
                label("Table by"), group, filter, apply, statement, Loading.indicator(vm.loadingProperty()));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(12, 12, 4, 12));
        return bar;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static ComboBox<Dimension> combo(String id, List<Dimension> items) {
        ComboBox<Dimension> c = new ComboBox<>(FXCollections.observableArrayList(items));
        c.setId(id);
        c.setConverter(new StringConverter<>() {
            @Override
            public String toString(Dimension d) {
                return d == null ? "" : d.label();
            }

            @Override
            public Dimension fromString(String s) {
                return Dimension.parse(s);
            }
        });
        return c;
    }

    private JFreeChart createChart() {
        CategoryAxis x = new CategoryAxis(null);
        x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        x.setTickLabelFont(ChartStyle.TICK);
        NumberAxis y = new NumberAxis("Spend");
        DollarTicks.apply(y);
        StackedBarRenderer renderer = new StackedBarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        // exact in the table and the rows window; the tooltip rounds to the cent like every figure on screen
        renderer.setDefaultToolTipGenerator(new StandardCategoryToolTipGenerator("{0} · {1}: {2} (click for the rows)",
                new java.text.DecimalFormat("$#,##0.00")));
        for (int i = 0; i < ChartStyle.PALETTE.length; i++) {
            renderer.setSeriesPaint(i, ChartStyle.PALETTE[i]);
        }
        CategoryPlot plot = new CategoryPlot(dataset, x, y, renderer);
        JFreeChart c = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        c.setBackgroundPaint(java.awt.Color.WHITE);
        plot.setBackgroundPaint(java.awt.Color.WHITE);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        return c;
    }

    /** Replaces the chart's data in one batch: one repaint per result. */
    private void show(SpendViewModel.ChartData data) {
        chart.setNotify(false);
        try {
            dataset.clear();
            // series keep the palette; "other" (the rest summed, drawn last) is a quiet grey, not the palette's black
            org.jfree.chart.renderer.category.CategoryItemRenderer r = chart.getCategoryPlot().getRenderer();
            for (int s = 0; s < data.series().size(); s++) {
                boolean other = data.hasOther() && s == data.series().size() - 1;
                r.setSeriesPaint(s, other ? OTHER_PAINT : ChartStyle.PALETTE[s % ChartStyle.PALETTE.length]);
            }
            for (int s = 0; s < data.series().size(); s++) {
                for (int p = 0; p < data.periods().size(); p++) {
                    dataset.addValue(data.values()[s][p], data.series().get(s), data.periods().get(p));
                }
            }
        } finally {
            chart.setNotify(true);
        }
    }

    private void createTable() {
        table.setId("spendTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        Loading.placeholder(table, vm.loadingProperty(), new Label("No usage in this period"));
        table.setRowFactory(t -> {
            javafx.scene.control.TableRow<ReportRow> row = new javafx.scene.control.TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    vm.drillTable(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                vm.drillTable(table.getSelectionModel().getSelectedItem());
            }
        });
        javafx.scene.control.Tooltip.install(table, new javafx.scene.control.Tooltip("Double-click a row for the ledger rows behind it"));
    }

    /** {@code 12.3 %} of the period's total, half-up to one decimal; "—" when the total is zero. */
    static String share(BigDecimal part, BigDecimal total) {
        return total.signum() == 0 ? "—"
                : part.multiply(BigDecimal.valueOf(100)).divide(total, 1, java.math.RoundingMode.HALF_UP).toPlainString() + " %";
    }

    private void showTable(SpendReport r) {
        table.getColumns().clear();
        for (int i = 0; i < r.dimensions().size(); i++) {
            int k = i;
            TableColumn<ReportRow, String> key = column(r.dimensions().get(i).label(), row -> row.keys().get(k));
            key.setMinWidth(140);
            key.setStyle("");
            table.getColumns().add(key);
        }
        table.getColumns().add(column("requests", row -> String.format("%,d", row.requests())));
        table.getColumns().add(column("input", row -> String.format("%,d", row.inputTokens())));
        table.getColumns().add(column("cached input", row -> String.format("%,d", row.cachedInputTokens())));
        table.getColumns().add(column("output", row -> String.format("%,d", row.outputTokens())));
        table.getColumns().add(column("cost", row -> Usd.format(row.cost())));
        table.getColumns().add(column("billed", row -> row.billedCost() == null ? "—" : Usd.format(row.billedCost())));
        BigDecimal total = r.total().cost();
        table.getColumns().add(column("share", row -> share(row.cost(), total)));
        table.getItems().setAll(r.rows().stream().sorted((a, b) -> b.cost().compareTo(a.cost())).toList());
    }

    private static TableColumn<ReportRow, String> column(String title, Function<ReportRow, String> value) {
        TableColumn<ReportRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setId("col-" + title.replace(' ', '-'));
        c.setMinWidth(95);
        c.setStyle("-fx-alignment: CENTER-RIGHT;"); // figures line up; the dimension columns reset it
        return c;
    }

}

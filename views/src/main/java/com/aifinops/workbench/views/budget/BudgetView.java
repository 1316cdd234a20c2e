package com.aifinops.workbench.views.budget;

import com.aifinops.workbench.views.common.DollarTicks;
import com.aifinops.workbench.model.Usd;
import com.aifinops.workbench.model.analysis.BudgetQuery;
import com.aifinops.workbench.model.analysis.Budgets;
import com.aifinops.workbench.views.common.ChartStyle;
import com.aifinops.workbench.views.common.Loading;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.converter.DefaultStringConverter;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.function.Function;

/**
 * The Budgets screen: a month's budgets with spend, used share, projection, state and the alert days; for the
 * selected node a burn-up chart of cumulative spend against the budget and its 80 % line, with the run-rate
 * projection to month end dashed. Budgets are edited in the table or the bar below; Ctrl+Z undoes an edit.
 */
public final class BudgetView extends BorderPane {
    private static final KeyCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);
    static final Color SPENT = (Color) ChartStyle.PALETTE[0];
    static final Color PROJECTION = (Color) ChartStyle.PALETTE[1];
    static final Color LIMIT = new Color(0xB00020);
    static final Color WARN = new Color(0xE69F00);

    private final BudgetViewModel vm;
    private final TableView<BudgetQuery.BudgetLine> table = new TableView<>();
    private final XYSeriesCollection dataset = new XYSeriesCollection();
    private final JFreeChart chart;
    private final TextField node = new TextField();
    private final TextField amount = new TextField();
    private final ComboBox<String> period = new ComboBox<>(javafx.collections.FXCollections.observableArrayList("month", "rolling"));
    private final TextField days = new TextField();
    private final TextField thresholds = new TextField("80,100");

    public BudgetView(BudgetViewModel vm) {
        this.vm = vm;
        chart = createChart();
        setTop(createBar());
        createTable();
        ChartViewer viewer = new ChartViewer(chart);
        viewer.setId("budgetChart");
        viewer.setPrefHeight(340);
        Label error = new Label();
        error.setId("budgetError");
        error.getStyleClass().add("error-text");
        error.textProperty().bind(vm.errorProperty());
        Label proposal = new Label();
        proposal.setId("budgetProposal");
        proposal.textProperty().bind(vm.proposalProperty());
        for (Label l : new Label[]{proposal, error}) {
            l.managedProperty().bind(l.textProperty().isNotEmpty()); // no gap while there is nothing to say
        }
        VBox body = new VBox(8, table, createEditor(), proposal, error, viewer);
        VBox.setVgrow(viewer, Priority.ALWAYS);
        table.setPrefHeight(220);
        body.setPadding(new Insets(8, 12, 12, 12));
        setCenter(body);
        vm.selectedProperty().addListener((o, a, line) -> {
            show(line);
            if (line != null) {
                var b = line.status().budget();
                node.setText(b.node().toString());
                period.setValue(b.isRolling() ? "rolling" : "month");
                days.setText(b.isRolling() ? Integer.toString(b.rollingDays()) : "");
                thresholds.setText(Budgets.percents(b.thresholds()));
                if (table.getSelectionModel().getSelectedItem() != line) {
                    table.getSelectionModel().select(line);
                }
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, line) -> {
            if (line != null) {
                vm.selectedProperty().set(line);
            }
        });
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (UNDO.match(e) && vm.canUndoProperty().get() && !(e.getTarget() instanceof TextField)) {
                vm.undo();
                e.consume();
            }
        });
        vm.refresh();
    }

    public JFreeChart chart() {
        return chart;
    }

    private FlowPane createBar() {
        ComboBox<YearMonth> month = new ComboBox<>(vm.months());
        month.setId("budgetMonth");
        month.valueProperty().bindBidirectional(vm.monthProperty());
        month.setOnAction(e -> vm.refresh());
        Button reload = new Button("Refresh");
        reload.setOnAction(e -> vm.refresh());
        FlowPane bar = new FlowPane(8, 6, label("Month"), month, reload, Loading.indicator(vm.loadingProperty()));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(12, 12, 4, 12));
        return bar;
    }

    private FlowPane createEditor() {
        node.setId("budgetNode");
        node.setPromptText("team:support");
        node.setPrefWidth(200);
        amount.setId("budgetAmount");
        amount.setPromptText("USD");
        amount.setPrefWidth(110);
        period.setId("budgetPeriod");
        period.setValue("month");
        days.setId("budgetDays");
        days.setPromptText("days");
        days.setPrefWidth(60);
        days.disableProperty().bind(period.valueProperty().isNotEqualTo("rolling"));
        thresholds.setId("budgetThresholds");
        thresholds.setPromptText("80,100");
        thresholds.setPrefWidth(100);
        Button set = new Button("Set budget");
        set.setId("budgetSet");
        set.setOnAction(e -> vm.setBudget(node.getText(), amount.getText(), period.getValue(), days.getText(), thresholds.getText()));
        amount.setOnAction(e -> vm.setBudget(node.getText(), amount.getText(), period.getValue(), days.getText(), thresholds.getText()));
        Button propose = new Button("Propose");
        propose.setId("budgetPropose");
        propose.setOnAction(e -> vm.propose(node.getText(), period.getValue(), days.getText(), amount::setText));
        Button undo = new Button("Undo");
        undo.setId("budgetUndo");
        undo.disableProperty().bind(vm.canUndoProperty().not());
        undo.setOnAction(e -> vm.undo());
        FlowPane p = new FlowPane(8, 6, label("Node"), node, label("per"), period, days, label("budget"), amount,
                label("alerts at %"), thresholds, set, propose, undo);
        p.setAlignment(Pos.CENTER_LEFT);
        return p;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private void createTable() {
        table.setId("budgetTable");
        table.setItems(vm.lines());
        table.setEditable(true);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        Loading.placeholder(table, vm.loadingProperty(), new Label("No budgets for this month: enter a node and an amount below"));
        TableColumn<BudgetQuery.BudgetLine, String> nodeCol = column("node", l -> l.status().budget().node().toString());
        nodeCol.setStyle("");
        TableColumn<BudgetQuery.BudgetLine, String> budget = column("budget", l -> Usd.format(l.status().budget().amount()));
        budget.setEditable(true);
        budget.setCellFactory(c -> new TextFieldTableCell<>(new DefaultStringConverter()));
        budget.setOnEditCommit(e -> vm.setAmount(e.getRowValue(), e.getNewValue()));
        TableColumn<BudgetQuery.BudgetLine, String> state = column("state", l -> l.status().state().name().toLowerCase().replace('_', ' '));
        state.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setStyle(empty || item == null ? "" : "-fx-alignment: CENTER; -fx-font-weight: bold; -fx-text-fill: " + switch (item) {
                    case "over" -> "#b00020";
                    case "warning" -> "#b35c00";
                    case "at risk" -> "#8a6d00";
                    default -> "#1b7a3d";
                } + ";");
            }
        });
        table.getColumns().add(nodeCol);
        table.getColumns().add(column("period", l -> periodText(l.status().budget())));
        table.getColumns().add(budget);
        table.getColumns().add(column("spent", l -> Usd.format(l.status().spent())));
        table.getColumns().add(column("used", l -> percent(l.status().used())));
        table.getColumns().add(column("projected", l -> Usd.format(l.status().projected())));
        table.getColumns().add(state);
        table.getColumns().add(column("crossed", l -> lastCrossed(l.status())));
        table.getColumns().add(column("100 % on", l -> thresholdDay(l.status(), BigDecimal.ONE)));
        table.getColumns().add(column("alerts", l -> Budgets.percents(l.status().budget().thresholds()).replace(",", " / ") + " %"));
        table.getColumns().add(column("next alert", l -> nextAlert(l.status())));
        table.getColumns().forEach(c -> c.setSortable(false));
        // room for what each column holds ("100 % · Feb 24", "crossed Feb 5") in a 1,280-pixel window
        double[] min = {110, 70, 90, 90, 62, 90, 70, 110, 100, 84, 110};
        for (int i = 0; i < min.length && i < table.getColumns().size(); i++) {
            table.getColumns().get(i).setMinWidth(min[i]);
        }
    }

    /** {@code 56.9 %}: used share to one decimal, half-up. */
    static String percent(BigDecimal used) {
        return used.multiply(BigDecimal.valueOf(100)).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString() + " %";
    }

    /** {@code 2026-02} or {@code rolling 30 d}. */
    static String periodText(com.aifinops.workbench.model.analysis.Budget b) {
        return b.isRolling() ? "rolling " + b.rollingDays() + " d" : b.month().toString();
    }

    /** The day the budget's threshold at {@code fraction} is crossed or projected; "n/a" when the budget has none there. */
    static String thresholdDay(Budgets.Status s, BigDecimal fraction) {
        return s.thresholds().stream().filter(t -> t.fraction().compareTo(fraction) == 0).findFirst().map(BudgetView::thresholdDay).orElse("n/a");
    }

    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("MMM d", java.util.Locale.ENGLISH);

    /** {@code Feb 24}: the period column gives the month and year, and the short form fits the table's columns. */
    static String day(java.time.LocalDate d) {
        return DAY.format(d);
    }

    /** The highest threshold crossed and the day: {@code 80 % · Feb 4}; "—" when none is (whatever the levels). */
    static String lastCrossed(Budgets.Status s) {
        Budgets.Threshold last = null;
        for (Budgets.Threshold t : s.thresholds()) {
            if (t.crossedOn() != null) {
                last = t;
            }
        }
        return last == null ? "—" : last.fraction().movePointRight(2).stripTrailingZeros().toPlainString() + " % · " + day(last.crossedOn());
    }

    /** The lowest threshold not yet crossed and when the run-rate reaches it: {@code 90 % ≈ Feb 18}. */
    static String nextAlert(Budgets.Status s) {
        return s.thresholds().stream().filter(t -> t.crossedOn() == null).findFirst()
                .map(t -> t.fraction().movePointRight(2).stripTrailingZeros().toPlainString() + " % " + thresholdDay(t)).orElse("all crossed");
    }

    /** The day a threshold was crossed, or "≈ day" at the run-rate, or "—" when not this month. */
    static String thresholdDay(Budgets.Threshold t) {
        if (t.crossedOn() != null) {
            return "crossed " + day(t.crossedOn());
        }
        return t.projectedOn() == null ? "—" : "≈ " + day(t.projectedOn());
    }

    private static TableColumn<BudgetQuery.BudgetLine, String> column(String title, Function<BudgetQuery.BudgetLine, String> value) {
        TableColumn<BudgetQuery.BudgetLine, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setId("col-" + title.replace(' ', '-').replace("%", "pct"));
        c.setMinWidth(90);
        c.setEditable(false);
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        return c;
    }

    private JFreeChart createChart() {
        NumberAxis x = new NumberAxis("Day of month");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis y = new NumberAxis("Cumulative spend");
        DollarTicks.apply(y);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesPaint(0, SPENT);
        r.setSeriesStroke(0, new BasicStroke(2.5f));
        r.setSeriesPaint(1, PROJECTION);
        r.setSeriesStroke(1, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{7f, 5f}, 0f));
        r.setSeriesPaint(2, new Color(0x9AA5B1));
        r.setSeriesStroke(2, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{2f, 4f}, 0f));
        XYPlot plot = new XYPlot(dataset, x, y, r);
        JFreeChart c = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.apply(c);
        return c;
    }

    /** Redraws the chart for one budget in one batch. */
    private void show(BudgetQuery.BudgetLine line) {
        chart.setNotify(false);
        try {
            dataset.removeAllSeries();
            XYPlot plot = chart.getXYPlot();
            plot.clearRangeMarkers();
            if (line == null) {
                chart.setTitle((String) null);
                return;
            }
            Budgets.Status s = line.status();
            if (s.budget().isRolling()) {
                showRolling(line, plot);
                return;
            }
            plot.getDomainAxis().setLabel("Day of month");
            YearMonth m = s.budget().month();
            int days = m.lengthOfMonth();
            ChartData d = chartData(line);
            XYSeries spent = new XYSeries("Spent");
            XYSeries projection = new XYSeries("Run-rate projection");
            XYSeries pace = new XYSeries("Even pace");
            for (double[] p : d.cumulative()) {
                spent.add(p[0], p[1]);
            }
            if (d.asOfDay() > 0 && d.asOfDay() < days) {
                projection.add(d.asOfDay(), s.spent().doubleValue());
                projection.add(days, s.projected().doubleValue());
            }
            pace.add(0, 0);
            pace.add(days, s.budget().amount().doubleValue());
            dataset.addSeries(spent);
            dataset.addSeries(projection);
            dataset.addSeries(pace);
            plot.addRangeMarker(marker(s.budget().amount().doubleValue(), "Budget " + Usd.format(s.budget().amount()), LIMIT), Layer.FOREGROUND);
            thresholdMarkers(s, plot);
            plot.getDomainAxis().setRange(0, days);
            double top = Math.max(s.budget().amount().doubleValue(), s.projected().doubleValue()) * 1.12;
            plot.getRangeAxis().setRange(0, top <= 0 ? 1 : top);
            chart.setTitle(new org.jfree.chart.title.TextTitle(s.budget().node() + " · " + m + " · as of " + s.asOf(), ChartStyle.LABEL));
        } finally {
            chart.setNotify(true);
        }
    }

    /** A line per threshold below 100 % (the budget line is 100 %). */
    private static void thresholdMarkers(Budgets.Status s, XYPlot plot) {
        for (Budgets.Threshold t : s.thresholds()) {
            if (t.fraction().compareTo(BigDecimal.ONE) != 0) {
                plot.addRangeMarker(marker(t.amount().doubleValue(), t.fraction().movePointRight(2).stripTrailingZeros().toPlainString() + " % "
                        + Usd.format(t.amount()), WARN), Layer.FOREGROUND);
            }
        }
    }

    /**
     * A rolling budget: the window's spend on each of the last N days (x = days from the as-of day, −N+1 .. 0) and,
     * dashed, the window N days ahead at the 7-day run-rate as the oldest days leave (the rule of {@link Budgets}).
     */
    private void showRolling(BudgetQuery.BudgetLine line, XYPlot plot) {
        Budgets.Status s = line.status();
        int n = s.budget().rollingDays();
        RollingData d = rollingData(line);
        XYSeries window = new XYSeries("Spend in the last " + n + " days");
        XYSeries projection = new XYSeries("Run-rate projection");
        XYSeries budget = new XYSeries("Budget");
        d.window().forEach(p -> window.add(p[0], p[1]));
        d.projection().forEach(p -> projection.add(p[0], p[1]));
        budget.add(-(n - 1), s.budget().amount().doubleValue());
        budget.add(n, s.budget().amount().doubleValue());
        dataset.addSeries(window);
        dataset.addSeries(projection);
        dataset.addSeries(budget);
        plot.addRangeMarker(marker(s.budget().amount().doubleValue(), "Budget " + Usd.format(s.budget().amount()), LIMIT), Layer.FOREGROUND);
        thresholdMarkers(s, plot);
        plot.getDomainAxis().setLabel("Days from " + s.asOf());
        plot.getDomainAxis().setRange(-(n - 1), n);
        double top = s.budget().amount().doubleValue();
        for (double[] p : d.window()) {
            top = Math.max(top, p[1]);
        }
        for (double[] p : d.projection()) {
            top = Math.max(top, p[1]);
        }
        plot.getRangeAxis().setRange(0, top <= 0 ? 1 : top * 1.12);
        chart.setTitle(new org.jfree.chart.title.TextTitle(s.budget().node() + " · rolling " + n + " days · as of " + s.asOf(), ChartStyle.LABEL));
    }

    /** Trailing-window spend per day (x = offset from as-of) and its projection from day 0 to N; doubles, for drawing. */
    record RollingData(java.util.List<double[]> window, java.util.List<double[]> projection) {
    }

    static RollingData rollingData(BudgetQuery.BudgetLine line) {
        Budgets.Status s = line.status();
        int n = s.budget().rollingDays();
        LocalDate asOf = s.asOf();
        java.util.function.Function<LocalDate, BigDecimal> day = d -> line.daily().getOrDefault(d, BigDecimal.ZERO);
        java.util.List<double[]> window = new java.util.ArrayList<>();
        for (int i = -(n - 1); i <= 0; i++) {
            LocalDate end = asOf.plusDays(i);
            BigDecimal sum = BigDecimal.ZERO;
            for (LocalDate d = end.minusDays(n - 1L); !d.isAfter(end); d = d.plusDays(1)) {
                sum = sum.add(day.apply(d));
            }
            window.add(new double[]{i, sum.doubleValue()});
        }
        java.util.List<double[]> projection = new java.util.ArrayList<>();
        double left = s.spent().doubleValue();
        double rate = s.runRate().doubleValue();
        projection.add(new double[]{0, left});
        for (int k = 1; k <= n; k++) {
            left -= day.apply(asOf.minusDays(n - (long) k)).doubleValue();
            projection.add(new double[]{k, left + k * rate});
        }
        return new RollingData(window, projection);
    }

    private static ValueMarker marker(double value, String label, Color colour) {
        ValueMarker v = new ValueMarker(value, colour, new BasicStroke(1.5f));
        v.setLabel(label);
        v.setLabelFont(ChartStyle.TICK);
        v.setLabelPaint(colour);
        v.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        v.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(2, 6, 2, 6));
        v.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        v.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        return v;
    }

    /** Cumulative spend per day of month from day 0 (= $0) to the as-of day; doubles, for drawing only. */
    record ChartData(java.util.List<double[]> cumulative, int asOfDay) {
    }

    static ChartData chartData(BudgetQuery.BudgetLine line) {
        LocalDate first = line.status().budget().month().atDay(1);
        LocalDate asOf = line.status().asOf();
        java.util.List<double[]> pts = new java.util.ArrayList<>();
        pts.add(new double[]{0, 0});
        if (asOf.isBefore(first)) {
            return new ChartData(pts, 0);
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (LocalDate d = first; !d.isAfter(asOf); d = d.plusDays(1)) {
            sum = sum.add(line.daily().getOrDefault(d, BigDecimal.ZERO));
            pts.add(new double[]{d.getDayOfMonth(), sum.doubleValue()});
        }
        return new ChartData(pts, asOf.getDayOfMonth());
    }
}

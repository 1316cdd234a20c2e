package com.aifinops.workbench.views.anomaly;

import com.aifinops.workbench.model.Usd;
import com.aifinops.workbench.model.analysis.Anomaly;
import com.aifinops.workbench.model.analysis.HourlyQuery;
import com.aifinops.workbench.model.ledger.DailyRollup;
import com.aifinops.workbench.views.common.ChartStyle;
import com.aifinops.workbench.views.common.DollarTicks;
import com.aifinops.workbench.views.common.Loading;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.math.BigDecimal;
import java.text.SimpleDateFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.TimeZone;
import java.util.function.Function;

/**
 * The Anomalies screen: the findings of a period; the selected finding's agent, team or model charted day by day
 * with its anomalous days shaded, or, for a finding that knows its hours, hour by hour around them (the flagged
 * hours in the anomaly colour, the trailing mean of the same hour as a dashed line; Alt+D / Alt+H switch), and the
 * ledger rows behind it.
 */
public final class AnomalyView extends BorderPane {
    static final Color ANOMALY = new Color(0xD55E00);

    private final AnomalyViewModel vm;
    private final TableView<Anomaly> findings = new TableView<>();
    private final TableView<DailyRollup> rows = new TableView<>();
    private final TimeSeriesCollection dataset = new TimeSeriesCollection();
    private final JFreeChart chart;
    /** Hourly cost (series 0) and the typical cost of each hour (dataset 1); x is the hour's start in epoch millis. */
    private final XYSeriesCollection hourlyData = new XYSeriesCollection();
    private final XYSeriesCollection typicalData = new XYSeriesCollection();
    private final JFreeChart hourlyChart;
    private ChartViewer viewer;

    public AnomalyView(AnomalyViewModel vm) {
        this.vm = vm;
        chart = createChart();
        hourlyChart = createHourlyChart();
        setTop(createBar());
        createFindings();
        createRows();
        viewer = new ChartViewer(chart);
        viewer.setId("anomalyChart");
        viewer.setPrefHeight(300);
        Label error = new Label();
        error.setId("anomalyError");
        error.getStyleClass().add("error-text");
        error.textProperty().bind(vm.errorProperty());
        Label summary = new Label();
        summary.setId("anomalySummary");
        summary.textProperty().bind(vm.summaryProperty());
        VBox chartPane = new VBox(4, createChartToggle(), viewer);
        VBox.setVgrow(viewer, Priority.ALWAYS);
        SplitPane lower = new SplitPane(chartPane, rows);
        lower.setOrientation(Orientation.HORIZONTAL);
        lower.setDividerPositions(0.5);
        VBox body = new VBox(8, new HBox(16, summary, error), findings, lower);
        VBox.setVgrow(lower, Priority.ALWAYS);
        findings.setPrefHeight(230);
        body.setPadding(new Insets(8, 12, 12, 12));
        setCenter(body);
        findings.getSelectionModel().selectedItemProperty().addListener((o, a, f) -> {
            if (f != null) {
                vm.selectedProperty().set(f);
            }
        });
        vm.selectedProperty().addListener((o, a, f) -> {
            if (f != null && findings.getSelectionModel().getSelectedItem() != f) {
                findings.getSelectionModel().select(f);
            }
            rows.getItems().setAll(f == null ? List.of() : f.rows().stream()
                    .sorted(Comparator.comparing(DailyRollup::day).thenComparing(r -> r.cost().negate())).toList());
        });
        vm.seriesProperty().addListener((o, a, s) -> show(s));
        vm.hourlyProperty().addListener((o, a, s) -> {
            showHourly(s);
            pickChart();
        });
        vm.showHourlyProperty().addListener((o, a, b) -> pickChart());
        vm.refresh();
    }

    public JFreeChart chart() {
        return chart;
    }

    public JFreeChart hourlyChart() {
        return hourlyChart;
    }

    /** The chart on screen: the hourly one when asked for and loaded. */
    public JFreeChart shownChart() {
        return viewer.getChart();
    }

    private void pickChart() {
        JFreeChart want = vm.showHourlyProperty().get() && vm.hourlyProperty().get() != null ? hourlyChart : chart;
        if (viewer.getChart() != want) {
            viewer.setChart(want);
        }
    }

    /** Daily | Hourly above the chart; hourly only when the finding knows its hours. */
    private HBox createChartToggle() {
        ToggleGroup group = new ToggleGroup();
        ToggleButton daily = new ToggleButton("_Daily");
        daily.setId("anomalyDaily");
        ToggleButton hourly = new ToggleButton("_Hourly");
        hourly.setId("anomalyHourly");
        daily.setToggleGroup(group);
        hourly.setToggleGroup(group);
        daily.setSelected(true);
        hourly.disableProperty().bind(vm.hourlyProperty().isNull());
        vm.showHourlyProperty().addListener((o, a, b) -> (b ? hourly : daily).setSelected(true));
        group.selectedToggleProperty().addListener((o, a, t) -> {
            if (t == null) {
                a.setSelected(true); // one of the two is always on
            } else {
                vm.showHourlyProperty().set(t == hourly);
            }
        });
        Label hint = new Label("hours in UTC");
        hint.getStyleClass().add("hint");
        hint.visibleProperty().bind(vm.showHourlyProperty().and(vm.hourlyProperty().isNotNull()));
        HBox box = new HBox(0, daily, hourly, new Region(), hint);
        HBox.setMargin(hint, new Insets(4, 0, 0, 12));
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private FlowPane createBar() {
        DatePicker from = new DatePicker();
        from.setId("anomalyFrom");
        from.valueProperty().bindBidirectional(vm.fromProperty());
        DatePicker to = new DatePicker();
        to.setId("anomalyTo");
        to.valueProperty().bindBidirectional(vm.toProperty());
        from.setPrefWidth(130);
        to.setPrefWidth(130);
        Button find = new Button("Find");
        find.setId("anomalyFind");
        find.setDefaultButton(true);
        find.setOnAction(e -> vm.refresh());
        TextField band = new TextField();
        band.setId("anomalyBand");
        band.setPrefColumnCount(3);
        band.textProperty().bindBidirectional(vm.bandProperty());
        band.setTooltip(new javafx.scene.control.Tooltip("model_change: cost per request up more than this at flat tokens per request"));
        TextField minExtra = new TextField();
        minExtra.setId("anomalyMinExtra");
        minExtra.setPrefColumnCount(4);
        minExtra.textProperty().bindBidirectional(vm.minExtraProperty());
        minExtra.setTooltip(new javafx.scene.control.Tooltip("daily findings worth less extra cost are not listed (0 lists all)"));
        FlowPane bar = new FlowPane(8, 6, label("From"), from, label("to"), to, label("band %"), band, label("min extra $"), minExtra,
                find, Loading.indicator(vm.loadingProperty()));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(12, 12, 4, 12));
        return bar;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private void createFindings() {
        findings.setId("anomalyTable");
        findings.setItems(vm.findings());
        findings.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        Loading.placeholder(findings, vm.loadingProperty(), new Label("No anomalies in this period"));
        findings.getColumns().add(left(column("date", f -> f.date().toString()), 95));
        findings.getColumns().add(column("days", f -> Integer.toString(f.days())));
        // hourly findings (and daily ones that know their first hour) say when, in UTC: "13:00–15:59Z (3 h)"
        findings.getColumns().add(left(column("hours (UTC)", AnomalyView::hours), 150));
        findings.getColumns().add(left(column("dimension", Anomaly::dimension), 80));
        findings.getColumns().add(left(column("key", Anomaly::key), 170));
        findings.getColumns().add(left(column("cause", f -> f.cause().label()), 120));
        TableColumn<Anomaly, String> extra = column("extra cost", f -> f.extraCost() == null ? "—" : Usd.format(f.extraCost()));
        extra.setMinWidth(85);
        findings.getColumns().add(extra);
        TableColumn<Anomaly, String> detail = left(column("detail", Anomaly::detail), 320);
        findings.getColumns().add(detail);
        findings.getColumns().get(1).setMaxWidth(60);
    }

    private void createRows() {
        rows.setId("anomalyRows");
        rows.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        rows.setPlaceholder(new Label("Select a finding to see its rows"));
        rows.getColumns().add(left(rowColumn("day", r -> r.day().toString()), 90));
        rows.getColumns().add(left(rowColumn("model", r -> r.modelId() == null ? r.modelRaw() : r.modelId()), 90));
        rows.getColumns().add(left(rowColumn("agent", r -> dash(r.allocation().agent())), 90));
        rows.getColumns().add(rowColumn("requests", r -> String.format("%,d", r.requests())));
        rows.getColumns().add(rowColumn("input", r -> compact(r.inputTokens())));
        rows.getColumns().add(rowColumn("cost", r -> Usd.format(r.cost())));
    }

    /** 10.8M: token counts at a glance (the exact ones are in the ledger). */
    static String compact(long n) {
        return n >= 1_000_000 ? String.format("%.1fM", n / 1e6) : n >= 10_000 ? String.format("%.0fK", n / 1e3) : String.format("%,d", n);
    }

    private static String dash(String s) {
        return s == null ? "—" : s;
    }

    static String hours(Anomaly f) {
        if (f.hour() == null) return "";
        java.time.format.DateTimeFormatter hm = java.time.format.DateTimeFormatter.ofPattern("HH:mm").withZone(java.time.ZoneOffset.UTC);
        if (f.lastHour() == null) return "from " + hm.format(f.hour()) + "Z";
        return hm.format(f.hour()) + "–" + hm.format(f.lastHour().plusSeconds(3_599)) + "Z (" + f.hours() + " h)";
    }

    private static <T> TableColumn<T, String> left(TableColumn<T, String> c, double min) {
        c.setStyle("");
        c.setMinWidth(min);
        return c;
    }

    private static TableColumn<Anomaly, String> column(String title, Function<Anomaly, String> value) {
        return figures(title, value);
    }

    private static TableColumn<DailyRollup, String> rowColumn(String title, Function<DailyRollup, String> value) {
        return figures(title, value);
    }

    private static <T> TableColumn<T, String> figures(String title, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setId("col-" + title.replace(' ', '-'));
        c.setMinWidth(60);
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        return c;
    }

    private JFreeChart createChart() {
        DateAxis x = new DateAxis(null);
        x.setDateFormatOverride(new SimpleDateFormat("MMM d"));
        x.setLowerMargin(0.01);
        x.setUpperMargin(0.01);
        NumberAxis y = new NumberAxis("Spend per day");
        DollarTicks.apply(y);
        y.setUpperMargin(0.10); // room for the cause label above the tallest bar
        // the finding's days in the anomaly colour, the rest in the series colour
        XYBarRenderer r = new XYBarRenderer(0.15) {
            @Override
            public java.awt.Paint getItemPaint(int series, int item) {
                AnomalyViewModel.Series s = vm.seriesProperty().get();
                if (s != null && dataset.getSeriesCount() > 0) {
                    LocalDate d = s.from().plusDays(item);
                    if (!d.isBefore(s.finding().date()) && !d.isAfter(s.finding().lastDate())) {
                        return ANOMALY;
                    }
                }
                return super.getItemPaint(series, item);
            }
        };
        r.setBarPainter(new StandardXYBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, ChartStyle.PALETTE[0]);
        XYPlot plot = new XYPlot(dataset, x, y, r);
        JFreeChart c = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        ChartStyle.apply(c);
        plot.setDomainGridlinesVisible(false);
        return c;
    }

    private JFreeChart createHourlyChart() {
        DateAxis x = new DateAxis(null);
        x.setTimeZone(TimeZone.getTimeZone("UTC"));
        x.setDateFormatOverride(new MidnightDayFormat());
        x.setLowerMargin(0.01);
        x.setUpperMargin(0.01);
        NumberAxis y = new NumberAxis("Spend per hour");
        DollarTicks.apply(y);
        y.setUpperMargin(0.12);
        hourlyData.setIntervalWidth(3_600_000);
        hourlyData.setIntervalPositionFactor(0.0); // a bar spans its hour
        XYBarRenderer bars = new XYBarRenderer(0.12) {
            @Override
            public java.awt.Paint getItemPaint(int series, int item) {
                AnomalyViewModel.HourlySeries s = vm.hourlyProperty().get();
                if (s != null && item < hourlyData.getSeries(0).getItemCount() && s.flagged(hourAt(item))) {
                    return ANOMALY;
                }
                return super.getItemPaint(series, item);
            }
        };
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, ChartStyle.PALETTE[0]);
        bars.setDefaultToolTipGenerator((data, series, item) -> {
            AnomalyViewModel.HourlySeries s = vm.hourlyProperty().get();
            if (s == null) {
                return null;
            }
            Instant h = hourAt(item);
            HourlyQuery.Hour u = s.hours().get(h);
            BigDecimal typical = s.typical().get(h);
            return HOUR.format(h) + "Z: " + Usd.format(s.cost(h)) + ", " + (u == null ? 0 : u.requests()) + " requests"
                    + (typical == null ? "" : "; typical " + Usd.format(typical));
        });
        XYPlot plot = new XYPlot(hourlyData, x, y, bars);
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
        line.setSeriesPaint(0, ChartStyle.TEXT);
        line.setSeriesStroke(0, new BasicStroke(1.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[]{4f, 3f}, 0f));
        plot.setDataset(1, typicalData);
        plot.setRenderer(1, line);
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
        JFreeChart c = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.apply(c);
        plot.setDomainGridlinesVisible(false);
        c.getLegend().setItemFont(ChartStyle.TICK);
        return c;
    }

    /** Hour ticks as "14:00", midnights as the day ("Dec 22"), in UTC: the day reads at a glance. */
    static final class MidnightDayFormat extends java.text.DateFormat {
        private final SimpleDateFormat day = utc("MMM d"), time = utc("HH:mm");

        MidnightDayFormat() {
            setCalendar(java.util.Calendar.getInstance(TimeZone.getTimeZone("UTC")));
            setNumberFormat(java.text.NumberFormat.getIntegerInstance());
        }

        private static SimpleDateFormat utc(String pattern) {
            SimpleDateFormat f = new SimpleDateFormat(pattern, java.util.Locale.ROOT);
            f.setTimeZone(TimeZone.getTimeZone("UTC"));
            return f;
        }

        @Override
        public StringBuffer format(java.util.Date d, StringBuffer to, java.text.FieldPosition pos) {
            return (d.getTime() % 86_400_000L == 0 ? day : time).format(d, to, pos);
        }

        @Override
        public java.util.Date parse(String source, java.text.ParsePosition pos) {
            throw new UnsupportedOperationException("display only");
        }
    }

    private static final java.time.format.DateTimeFormatter HOUR = java.time.format.DateTimeFormatter.ofPattern("MMM d HH:mm", java.util.Locale.ROOT)
            .withZone(java.time.ZoneOffset.UTC);

    /** The hour of bar {@code item} (one bar per hour of the window, hours without usage at zero). */
    private Instant hourAt(int item) {
        return Instant.ofEpochMilli((long) hourlyData.getSeries(0).getX(item).doubleValue());
    }

    /**
     * The key's hourly spend as bars, every hour of the window (zero without usage), the finding's hours in the
     * anomaly colour under a shaded band labelled with the cause, the typical hour as a dashed line, midnights marked.
     */
    private void showHourly(AnomalyViewModel.HourlySeries s) {
        hourlyChart.setNotify(false);
        try {
            hourlyData.removeAllSeries();
            typicalData.removeAllSeries();
            XYPlot plot = hourlyChart.getXYPlot();
            plot.clearDomainMarkers();
            if (s == null) {
                hourlyChart.setTitle((String) null);
                return;
            }
            Anomaly f = s.finding();
            XYSeries cost = new XYSeries("spend per hour", false, false);
            for (Instant t = s.from(); !t.isAfter(s.to()); t = t.plus(1, ChronoUnit.HOURS)) {
                cost.add(t.toEpochMilli(), s.cost(t).doubleValue());
                if (t.atOffset(java.time.ZoneOffset.UTC).getHour() == 0) {
                    ValueMarker midnight = new ValueMarker(t.toEpochMilli(), ChartStyle.GRID, new BasicStroke(1f));
                    plot.addDomainMarker(midnight, Layer.BACKGROUND);
                }
            }
            hourlyData.addSeries(cost);
            XYSeries typical = new XYSeries("typical: mean of the same hour, " + AnomalyViewModel.TYPICAL_DAYS + " days before", false, false);
            s.typical().forEach((t, v) -> typical.add(t.toEpochMilli() + 1_800_000, v.doubleValue())); // at the bar's middle
            typicalData.addSeries(typical);
            plot.addDomainMarker(causeBand(s.firstFlagged().toEpochMilli(), s.lastFlagged().toEpochMilli() + 3_600_000, 45, f),
                    Layer.BACKGROUND);
            hourlyChart.setTitle(new org.jfree.chart.title.TextTitle(f.dimension() + " " + f.key() + " · " + f.cause().label() + " "
                    + hours(f), ChartStyle.LABEL));
        } finally {
            hourlyChart.setNotify(true);
        }
    }

    /** The key's daily spend as bars, its anomalous days shaded and labelled with the cause. */
    private void show(AnomalyViewModel.Series s) {
        chart.setNotify(false);
        try {
            dataset.removeAllSeries();
            XYPlot plot = chart.getXYPlot();
            plot.clearDomainMarkers();
            if (s == null) {
                chart.setTitle((String) null);
                return;
            }
            Anomaly f = s.finding();
            TimeSeries ts = new TimeSeries(f.key());
            for (LocalDate d = s.from(); !d.isAfter(s.to()); d = d.plusDays(1)) {
                ts.add(new Day(d.getDayOfMonth(), d.getMonthValue(), d.getYear()), s.daily().getOrDefault(d, BigDecimal.ZERO).doubleValue());
            }
            dataset.addSeries(ts);
            plot.addDomainMarker(causeBand(millis(f.date()), millis(f.lastDate().plusDays(1)), 60, f), Layer.BACKGROUND);
            chart.setTitle(new org.jfree.chart.title.TextTitle(f.dimension() + " " + f.key() + " · " + f.cause().label()
                    + " " + f.date() + (f.days() > 1 ? " – " + f.lastDate() : ""), ChartStyle.LABEL));
        } finally {
            chart.setNotify(true);
        }
    }

    /** The finding's span from {@code from} to {@code to} (epoch ms), shaded in the anomaly colour and named by its cause. */
    private static IntervalMarker causeBand(long from, long to, int alpha, Anomaly f) {
        IntervalMarker m = new IntervalMarker(from, to, new Color(0xD5, 0x5E, 0x00, alpha));
        m.setLabel(f.cause().label());
        m.setLabelFont(ChartStyle.TICK);
        m.setLabelPaint(ANOMALY);
        m.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        m.setLabelAnchor(RectangleAnchor.TOP);
        m.setLabelTextAnchor(TextAnchor.TOP_CENTER);
        return m;
    }

    static long millis(LocalDate d) {
        return d.atStartOfDay(ZoneId.systemDefault()).toInstant().toEpochMilli();
    }
}

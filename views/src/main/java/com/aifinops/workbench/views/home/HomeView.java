package com.aifinops.workbench.views.home;

import com.aifinops.workbench.views.common.DollarTicks;
import com.aifinops.workbench.model.Usd;
import com.aifinops.workbench.model.analysis.Anomaly;
import com.aifinops.workbench.model.analysis.Dashboard;
import com.aifinops.workbench.views.common.ChartStyle;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The home screen: month-to-date spend and its forecast against budget, the month's cumulative line, top movers,
 * open anomalies, the costliest agents and days, cost per outcome and the crawl / walk / run scorecard. Every tile
 * opens the Spend screen on what it shows; a mover, an agent or a day also opens its ledger rows. Figures come from
 * {@link HomeViewModel}; nothing is computed here.
 */
public final class HomeView extends BorderPane {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private final HomeViewModel vm;
    private final XYSeriesCollection dataset = new XYSeriesCollection();
    private final JFreeChart chart;
    private final NumberAxis dayAxis = new NumberAxis("Day of month");

    private final Label period = caption("");
    private final Label mtd = figure("homeMtd");
    private final Label mtdNote = caption("");
    private final Label forecast = figure("homeForecast");
    private final Label forecastNote = caption("");
    private final Label unallocated = figure("homeUnallocated");
    private final Label unallocatedNote = caption("");
    private final Label cacheHit = figure("homeCacheHit");
    private final Label cacheNote = caption("cache reads / all input tokens");
    private final Label retries = caption("");
    private final Label level = figure("homeMaturity");
    private final VBox maturityBars = new VBox(3);
    private final VBox movers = list("homeMovers");
    private final VBox anomalies = list("homeAnomalies");
    private final VBox agents = list("homeAgents");
    private final VBox days = list("homeDays");
    private final VBox outcomes = list("homeOutcomes");
    private final Label error = new Label();

    public HomeView(HomeViewModel vm) {
        this.vm = vm;
        setId("homeView");
        period.setId("homePeriod");
        retries.setId("homeRetries");
        chart = createChart();
        ChartViewer viewer = new ChartViewer(chart);
        viewer.setId("homeChart");
        viewer.setPrefHeight(235);
        viewer.setMinHeight(220);

        Label title = new Label("Home");
        title.getStyleClass().add("screen-title");
        Button refresh = new Button("Refresh");
        refresh.setId("homeRefresh");
        refresh.setOnAction(e -> vm.refresh());
        refresh.disableProperty().bind(vm.loadingProperty());
        error.setId("homeError");
        error.getStyleClass().add("problem");
        error.textProperty().bind(vm.errorProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(12, title, period, gap, error, refresh);
        header.setAlignment(Pos.BASELINE_LEFT);

        HBox kpis = new HBox(12,
                tile("Month to date", mtd, mtdNote, () -> vm.monthToDate("")),
                tile("Forecast to month end", forecast, forecastNote, () -> vm.monthToDate("")),
                tile("Unallocated", unallocated, unallocatedNote, () -> vm.monthToDate("team=unallocated")),
                tile("Cache hit rate", cacheHit, new VBox(2, cacheNote, retries), () -> vm.monthToDate("")),
                tile("FinOps maturity", level, maturityBars, () -> vm.monthToDate("")));
        kpis.getChildren().forEach(n -> HBox.setHgrow(n, Priority.ALWAYS));

        VBox chartCard = card("Month to date vs budget", "cumulative spend, the run-rate to month end and the month's budget", viewer);
        HBox.setHgrow(chartCard, Priority.ALWAYS);
        VBox moversCard = card("Top movers", "month to date vs the same days last month", movers);
        moversCard.setPrefWidth(360);
        moversCard.setMinWidth(300);
        HBox middle = new HBox(12, chartCard, moversCard);

        HBox bottom = new HBox(12, card("Anomalies", "started in the last 14 days", anomalies),
                card("Top agents", "month to date", agents), card("Top days", "the last 30 days", days),
                card("Cost per outcome", "latest month with outcome counts", outcomes));
        bottom.getChildren().forEach(n -> {
            HBox.setHgrow(n, Priority.ALWAYS);
            ((Region) n).setPrefWidth(240);
        });

        VBox body = new VBox(12, header, emptyLedger(), notice(), kpis, middle, bottom);
        body.setPadding(new Insets(16, 18, 18, 18));
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("decision-scroll");
        setCenter(scroll);
        vm.dashboardProperty().addListener((o, a, d) -> show(d));
        // query when shown, and again each time the screen comes back (after an import, say), not when merely built
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                vm.refresh();
            }
        });
        if (getScene() != null) {
            vm.refresh();
        }
    }

    /** Shown while the ledger has no usage: where to start, and the sample ledger when the app offers one. */
    private Node emptyLedger() {
        Label t = new Label("The ledger is empty");
        t.getStyleClass().add("block-title");
        Label text = new Label("Import what your providers and gateways export (OpenAI, Anthropic, LiteLLM, FOCUS, cloud"
                + " billing, any CSV through a column mapping) and invoices on the Imports screen, or drop the files there."
                + (vm.sampleOffered() ? " To look around first, load the sample ledger: two months of four teams and fourteen"
                + " agents with a runaway loop, a silent model switch, a tripled prompt and an unpriced model planted,"
                + " with budgets, an invoice and outcomes. It is one import batch you can remove on the Imports screen." : ""));
        text.setWrapText(true);
        Button imports = new Button("Import files…");
        imports.setId("homeImport");
        imports.setOnAction(e -> vm.open(new HomeViewModel.Link("imports", null, null, "")));
        Button sample = new Button("Load the sample ledger");
        sample.setId("homeLoadSample");
        sample.setDefaultButton(true);
        sample.setVisible(vm.sampleOffered());
        sample.setManaged(vm.sampleOffered());
        sample.disableProperty().bind(vm.loadingProperty());
        sample.setOnAction(e -> vm.loadSample());
        HBox buttons = new HBox(8, sample, imports);
        VBox box = new VBox(6, t, text, buttons);
        box.getStyleClass().add("card");
        box.setId("homeEmptyLedger");
        box.setVisible(false);
        box.setManaged(false);
        vm.dashboardProperty().addListener((o, a, d) -> {
            box.setVisible(d != null && d.noUsage());
            box.setManaged(box.isVisible());
        });
        return box;
    }

    private Node notice() {
        Label l = new Label();
        l.setId("homeNotice");
        l.setWrapText(true);
        l.getStyleClass().add("ok-text");
        l.textProperty().bind(vm.noticeProperty());
        l.visibleProperty().bind(vm.noticeProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    /** A cost per outcome: to the cent from $1, else to four decimals ($0.0034 a ticket is not "$0.00"). */
    static String unitCost(BigDecimal perOutcome) {
        return perOutcome.abs().compareTo(BigDecimal.ONE) >= 0 ? Usd.format(perOutcome)
                : Usd.formatUnit(perOutcome);
    }

    public JFreeChart chart() {
        return chart;
    }

    private static Label figure(String id) {
        Label l = new Label("—");
        l.setId(id);
        l.getStyleClass().add("kpi-figure");
        return l;
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("kpi-caption");
        l.setWrapText(true);
        return l;
    }

    private static VBox list(String id) {
        VBox v = new VBox(4);
        v.setId(id);
        return v;
    }

    private VBox tile(String title, Label figure, Node note, java.util.function.Supplier<HomeViewModel.Link> link) {
        Label t = caption(title);
        VBox v = new VBox(4, t, figure, note);
        v.getStyleClass().addAll("card", "kpi-card");
        v.setMinWidth(150);
        clickable(v, () -> {
            if (vm.dashboardProperty().get() != null) {
                vm.open(link.get());
            }
        });
        return v;
    }

    private static VBox card(String title, String subtitle, Node content) {
        Label t = new Label(title);
        t.getStyleClass().add("block-title");
        Label sub = caption(subtitle);
        VBox v = new VBox(2, t, sub, content);
        VBox.setMargin(content, new Insets(6, 0, 0, 0));
        v.getStyleClass().add("card");
        VBox.setVgrow(content, Priority.ALWAYS);
        return v;
    }

    private static void clickable(Node n, Runnable action) {
        n.setCursor(Cursor.HAND);
        n.setOnMouseClicked(e -> action.run());
        n.setOnMouseEntered(e -> n.setOpacity(0.8));
        n.setOnMouseExited(e -> n.setOpacity(1));
    }

    private JFreeChart createChart() {
        dayAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis y = new NumberAxis(null);
        DollarTicks.apply(y);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesPaint(0, ChartStyle.PALETTE[0]);
        r.setSeriesStroke(0, new BasicStroke(2.6f));
        r.setSeriesPaint(1, ChartStyle.PALETTE[0]);
        r.setSeriesStroke(1, new BasicStroke(1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[]{6f, 5f}, 0f));
        r.setSeriesPaint(2, new Color(0xC62828));
        r.setSeriesStroke(2, new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[]{2f, 4f}, 0f));
        XYPlot plot = new XYPlot(dataset, dayAxis, y, r);
        JFreeChart c = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.apply(c);
        return c;
    }

    private void show(Dashboard d) {
        period.setText(d.month().getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + d.month().getYear()
                + " · as of " + d.asOf());
        mtd.setText(Usd.format(d.monthToDate()));
        BigDecimal used = d.budgetUsed();
        mtdNote.setText(d.budget() == null ? "no budget set for " + d.month()
                : HomeViewModel.percent(used) + " of the " + Usd.format(d.budget()) + " budget");
        forecast.setText(Usd.format(d.forecast()));
        forecastNote.getStyleClass().removeAll("problem", "ok-text");
        if (d.budget() == null) {
            forecastNote.setText("run-rate: " + d.asOf().getDayOfMonth() + " of " + d.asOf().lengthOfMonth() + " days");
        } else {
            boolean over = d.forecast().compareTo(d.budget()) > 0;
            forecastNote.setText((over ? "over budget by " : "under budget by ") + Usd.format(d.forecast().subtract(d.budget()).abs()));
            forecastNote.getStyleClass().add(over ? "problem" : "ok-text");
        }
        unallocated.setText(HomeViewModel.percent(d.unallocatedShare()));
        unallocatedNote.setText("of month-to-date spend has no team");
        cacheHit.setText(HomeViewModel.percent(d.cacheHitRate()));
        retries.setText(d.retryRate() == null ? "" : "retry rate " + HomeViewModel.percent(d.retryRate()) + " (failed requests)");

        Dashboard.Maturity m = d.maturity();
        level.setText(m.level().title());
        Tooltip.install(level, new Tooltip("Run: all four shares ≥ 90 %. Walk: all four ≥ 50 %. Crawl: otherwise."));
        maturityBars.getChildren().setAll(bar("Allocated", m.allocated()), bar("Priced", m.priced()), bar("Budgeted", m.budgeted()),
                bar("Reconciled", m.reconciled()));

        showChart(d);
        rows(movers, d.movers(), mv -> row(mv.key(), mv.dimension() + " · " + Usd.format(mv.previous()) + " → " + Usd.format(mv.current()),
                signed(mv.change()), mv.change().signum() > 0 ? "problem" : "ok-text", null,
                () -> vm.open(vm.monthToDateRows(mv.dimension() + "=" + mv.key()))), "No change against last month");
        rows(anomalies, d.anomalies(), a -> row(a.dimension() + " " + a.key(), a.date().format(SHORT_DAY) + " · " + a.cause().label().replace('_', ' ')
                        + (a.days() > 1 ? " · " + a.days() + " days" : ""),
                a.extraCost() == null ? "—" : "+" + Usd.format(a.extraCost()), "warning-text", a.detail(), () -> vm.open(HomeViewModel.of(a))), "No anomalies in the last 14 days");
        rows(agents, d.topAgents(), r -> row(r.key(), null, Usd.format(r.cost()), null, null,
                () -> vm.open(vm.monthToDateRows("agent=" + r.key()))), "No agent spend this month");
        rows(days, d.topDays(), r -> row(r.day().format(DAY), null, Usd.format(r.cost()), null, null,
                () -> vm.open(HomeViewModel.Link.rows(r.day(), r.day(), ""))), "No spend in the last 30 days");
        rows(outcomes, d.outcomes(), o -> row(o.node(), String.format("%s over %,d %s · %s", Usd.format(o.cost()), o.count(), o.outcome(), o.month()),
                o.perOutcome() == null ? "—" : unitCost(o.perOutcome()), null, null,
                () -> vm.open(HomeViewModel.Link.spend(o.month().atDay(1), o.month().atEndOfMonth().isAfter(d.asOf()) ? d.asOf()
                        : o.month().atEndOfMonth(), o.node().replaceFirst(":", "=")))), "No outcome counts (unit outcomes …)");
    }

    private void showChart(Dashboard d) {
        chart.setNotify(false);
        try {
            dataset.removeAllSeries();
            XYSeries spent = new XYSeries("Spend to date");
            d.cumulative().forEach(p -> spent.add(p.day().getDayOfMonth(), p.cost().doubleValue()));
            XYSeries projected = new XYSeries("Run-rate forecast");
            projected.add(d.asOf().getDayOfMonth(), d.monthToDate().doubleValue());
            projected.add(d.asOf().lengthOfMonth(), d.forecast().doubleValue());
            dataset.addSeries(spent);
            dataset.addSeries(projected);
            if (d.budget() != null) {
                XYSeries budget = new XYSeries("Budget");
                budget.add(1, d.budget().doubleValue());
                budget.add(d.asOf().lengthOfMonth(), d.budget().doubleValue());
                dataset.addSeries(budget);
            }
            dayAxis.setRange(1, d.asOf().lengthOfMonth());
        } finally {
            chart.setNotify(true);
        }
    }

    private static Node bar(String name, BigDecimal share) {
        Label l = new Label(name);
        l.getStyleClass().add("kpi-caption");
        l.setMinWidth(68);
        ProgressBar p = new ProgressBar(share == null ? 0 : Math.min(1, share.doubleValue()));
        p.setPrefWidth(46);
        p.setMinWidth(30);
        p.setPrefHeight(10);
        Label v = new Label(HomeViewModel.percent(share));
        v.getStyleClass().add("kpi-caption");
        v.setMinWidth(Region.USE_PREF_SIZE);
        HBox h = new HBox(6, l, p, v);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    private static String signed(BigDecimal v) {
        return (v.signum() > 0 ? "+" : v.signum() < 0 ? "−" : "") + Usd.format(v.abs());
    }

    private static <T> void rows(VBox box, List<T> items, Function<T, Node> row, String empty) {
        box.getChildren().clear();
        if (items.isEmpty()) {
            Label l = new Label(empty);
            l.getStyleClass().add("hint");
            box.getChildren().add(l);
        }
        items.forEach(i -> box.getChildren().add(row.apply(i)));
    }

    private static Node row(String key, String sub, String value, String valueStyle, String tooltip, Runnable action) {
        Label k = new Label(key);
        k.setMinWidth(0);
        VBox keys = new VBox(0, k);
        if (sub != null) {
            Label s = caption(sub);
            s.setWrapText(false);
            s.setMinWidth(0);
            keys.getChildren().add(s);
        }
        keys.setMaxWidth(Double.MAX_VALUE);
        keys.setMinWidth(0);
        HBox.setHgrow(keys, Priority.ALWAYS);
        Label v = new Label(value);
        v.setMinWidth(Region.USE_PREF_SIZE);
        if (valueStyle != null) {
            v.getStyleClass().add(valueStyle);
        }
        HBox h = new HBox(8, keys, v);
        h.setAlignment(Pos.CENTER_LEFT);
        h.setPadding(new Insets(2, 0, 2, 0));
        if (tooltip != null || sub != null) {
            Tooltip.install(h, new Tooltip(tooltip != null ? key + "\n" + tooltip : key + "\n" + sub));
        }
        clickable(h, action);
        return h;
    }
}

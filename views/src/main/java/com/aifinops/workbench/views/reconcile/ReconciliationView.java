package com.aifinops.workbench.views.reconcile;

import com.aifinops.workbench.views.common.DollarTicks;
import com.aifinops.workbench.model.Usd;
import com.aifinops.workbench.model.analysis.Reconciliation;
import com.aifinops.workbench.views.common.ChartStyle;
import com.aifinops.workbench.views.common.Loading;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.WaterfallBarRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.Color;
import java.util.List;

/**
 * The Reconciliation screen: one provider's month three ways (priced from usage, billed in the files, the
 * invoice), the variance and a waterfall of its split whose steps add up to it, flagged against the tolerance;
 * invoices are entered by hand from here.
 */
public final class ReconciliationView extends BorderPane {
    public static final String VARIANCE = "variance";

    private final ReconciliationViewModel vm;
    private final DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    private final JFreeChart chart;
    private final Label priced = figure("recPriced");
    private final Label billed = figure("recBilled");
    private final Label invoiceUsage = figure("recInvoiceUsage");
    private final Label invoiceTotal = figure("recInvoiceTotal");
    private final Label variance = figure("recVariance");
    private final Label invoices = new Label();
    private final Label flag = new Label();

    public ReconciliationView(ReconciliationViewModel vm) {
        this.vm = vm;
        chart = createChart();
        setTop(createBar());
        ChartViewer viewer = new ChartViewer(chart);
        viewer.setId("recChart");
        viewer.setPrefHeight(380);
        Label error = new Label();
        error.setId("recError");
        error.getStyleClass().add("error-text");
        error.textProperty().bind(vm.errorProperty());
        invoices.setId("recInvoices");
        flag.setId("recFlag");
        HBox top = new HBox(24, createFigures(), new VBox(8, invoices, flag, error));
        VBox body = new VBox(10, top, viewer);
        VBox.setVgrow(viewer, Priority.ALWAYS);
        body.setPadding(new Insets(8, 12, 12, 12));
        setCenter(body);
        vm.resultProperty().addListener((o, a, r) -> show(r));
        vm.refresh();
    }

    public JFreeChart chart() {
        return chart;
    }

    private FlowPane createBar() {
        ComboBox<String> provider = new ComboBox<>(vm.providers());
        provider.setId("recProvider");
        provider.valueProperty().bindBidirectional(vm.providerProperty());
        provider.setOnAction(e -> vm.refresh());
        ComboBox<java.time.YearMonth> month = new ComboBox<>(vm.months());
        month.setId("recMonth");
        month.valueProperty().bindBidirectional(vm.monthProperty());
        month.setOnAction(e -> vm.refresh());
        Button enter = new Button("Enter invoice…");
        enter.setId("recEnterInvoice");
        enter.setOnAction(e -> enterInvoice());
        FlowPane bar = new FlowPane(8, 6, label("Provider"), provider, label("month"), month, enter, Loading.indicator(vm.loadingProperty()));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(12, 12, 4, 12));
        return bar;
    }

    /** Opens the invoice dialog; a stored invoice shows its provider and month. */
    public void enterInvoice() {
        InvoiceDialog d = new InvoiceDialog(getScene() == null ? null : getScene().getWindow(), vm.providerProperty().get(),
                vm.monthProperty().get(), vm.months());
        d.setOnHidden(e -> {
            if (d.getResult() != null) {
                vm.addInvoice(d.getResult(), problem -> {
                    if (problem != null) {
                        Alert a = new Alert(Alert.AlertType.ERROR, problem);
                        a.setHeaderText("The invoice was not stored.");
                        a.show();
                    }
                });
            }
        });
        d.show();
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label figure(String id) {
        Label l = new Label("—");
        l.setId(id);
        l.setStyle("-fx-font-family: monospace;");
        return l;
    }

    private GridPane createFigures() {
        GridPane g = new GridPane();
        g.setHgap(18);
        g.setVgap(4);
        ColumnConstraints right = new ColumnConstraints();
        right.setHalignment(HPos.RIGHT);
        right.setMinWidth(110);
        g.getColumnConstraints().addAll(new ColumnConstraints(), right);
        String[] names = {"Priced from usage (list)", "Billed in usage files", "Invoice usage lines", "Invoice total", "Variance (invoice − priced)"};
        Label[] values = {priced, billed, invoiceUsage, invoiceTotal, variance};
        for (int i = 0; i < names.length; i++) {
            g.add(new Label(names[i]), 0, i);
            g.add(values[i], 1, i);
        }
        variance.setStyle("-fx-font-family: monospace; -fx-font-weight: bold;");
        return g;
    }

    private JFreeChart createChart() {
        CategoryAxis x = new CategoryAxis(null);
        x.setTickLabelFont(ChartStyle.TICK);
        x.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        x.setMaximumCategoryLabelLines(2);
        NumberAxis y = new NumberAxis("USD");
        DollarTicks.apply(y);
        y.setLabelFont(ChartStyle.LABEL);
        y.setTickLabelFont(ChartStyle.TICK);
        WaterfallBarRenderer r = new WaterfallBarRenderer(new Color(0x56B4E9), new Color(0x009E73), new Color(0xD55E00), new Color(0x0072B2));
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(false);
        r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", ChartStyle.cents()));
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(ChartStyle.TICK);
        CategoryPlot plot = new CategoryPlot(dataset, x, y, r);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        plot.setOutlineVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        JFreeChart c = new JFreeChart("Variance split", ChartStyle.LABEL, plot, false);
        c.setBackgroundPaint(Color.WHITE);
        c.setPadding(new RectangleInsets(8, 8, 8, 12));
        return c;
    }

    private void show(Reconciliation.Result r) {
        chart.setNotify(false);
        try {
            dataset.clear();
            if (r == null) {
                for (Label l : List.of(priced, billed, invoiceUsage, invoiceTotal, variance)) {
                    l.setText("—");
                }
                invoices.setText("");
                flag.setText("");
                return;
            }
            priced.setText(Usd.format(r.usage().priced()));
            billed.setText(r.usage().billedInFiles() == null ? "—" : Usd.format(r.usage().billedInFiles()));
            invoiceUsage.setText(Usd.format(r.invoiceUsage()));
            invoiceTotal.setText(Usd.format(r.invoiceTotal()));
            variance.setText(Usd.format(r.variance()));
            invoices.setText(r.invoices().isEmpty() ? "No invoice entered for " + r.provider() + " " + r.period()
                    : "Invoices: " + String.join(", ", r.invoices()));
            if (r.invoices().isEmpty()) {
                flag.setText("Enter the invoice (Enter invoice…) to reconcile; until then all of the usage is unexplained");
                flag.setStyle("-fx-text-fill: #5b6573;");
            } else {
                flag.setText(r.flagged()
                    ? "Flagged: unexplained " + Usd.format(r.unexplained()) + " exceeds the tolerance of " + Usd.format(r.tolerance())
                    : "Within the tolerance of " + Usd.format(r.tolerance()) + " (unexplained " + Usd.format(r.unexplained()) + ")");
                flag.setStyle(r.flagged() ? "-fx-text-fill: #b00020; -fx-font-weight: bold;" : "-fx-text-fill: #1b7a3d; -fx-font-weight: bold;");
            }
            for (ReconciliationViewModel.Step s : ReconciliationViewModel.steps(r)) {
                dataset.addValue(s.amount().doubleValue(), "split", s.label());
            }
            dataset.addValue(r.variance().doubleValue(), "split", VARIANCE);
        } finally {
            chart.setNotify(true);
        }
    }
}

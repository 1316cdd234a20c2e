package com.aifinops.workbench.views.studio;

import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Line;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Monthly cost against cache hit rate, one line per model, the current hit rate marked. One chart for the
 * life of the view. The curves do not depend on the current hit rate, so a cache-slider step only moves the
 * marker, which is a JavaFX line over the chart: no chart repaint at all. When the curves do change (tokens,
 * overhead, model), {@link #show} replaces them in one batch, so the chart repaints once.
 */
public final class CostCurveChart {
    private final XYSeriesCollection dataset = new XYSeriesCollection();
    private final JFreeChart chart;
    private final ChartViewer viewer;
    private final Line markerLine = new Line();
    private final Label markerLabel = new Label();
    private final StackPane node;
    private List<double[]> shownCurves = List.of();
    private double markerValue = Double.NaN;
    private int repaints;

    public CostCurveChart() {
        chart = CostCurvePlot.create(dataset);
        chart.addChangeListener(e -> repaints++);
        viewer = new ChartViewer(chart);
        viewer.setId("costCurveChart");

        markerLine.getStyleClass().add("chart-marker");
        markerLabel.getStyleClass().add("chart-marker-label");
        markerLabel.setId("cacheMarkerLabel");
        Pane overlay = new Pane(markerLine, markerLabel);
        overlay.setMouseTransparent(true);
        overlay.setManaged(true);
        node = new StackPane(viewer, overlay);
        // the chart repaints itself on resize; the marker follows once the new plot area is known
        viewer.widthProperty().addListener(o -> Platform.runLater(this::placeMarker));
        viewer.heightProperty().addListener(o -> Platform.runLater(this::placeMarker));
    }

    public StackPane node() {
        return node;
    }

    public JFreeChart chart() {
        return chart;
    }

    public XYSeriesCollection dataset() {
        return dataset;
    }

    /** The cache hit rate (percent) the marker shows. */
    public double markerValue() {
        return markerValue;
    }

    /** How many times the chart has asked to be repainted; for tests and benchmarks. */
    public int repaints() {
        return repaints;
    }

    /** Shows a result: replaces the curves only when they changed, and moves the marker. */
    public void show(StudioResult r) {
        List<double[]> curves = new ArrayList<>();
        r.rows().forEach(row -> curves.add(row.curveMonthly()));
        if (!sameModels(r) || !sameCurves(curves)) {
            replaceCurves(r);
            shownCurves = curves;
        }
        markerValue = r.workload().cacheHitRate().doubleValue() * 100;
        markerLabel.setText(String.format(Locale.ROOT, "%.0f %% hit", markerValue));
        placeMarker();
    }

    private void replaceCurves(StudioResult r) {
        chart.setNotify(false);
        try {
            if (!sameModels(r)) {
                dataset.removeAllSeries();
                r.rows().forEach(row -> dataset.addSeries(new XYSeries(row.model().displayName(), false, true)));
            }
            double[] xs = r.curveCacheHitPercent();
            for (int s = 0; s < r.rows().size(); s++) {
                XYSeries series = dataset.getSeries(s);
                series.setNotify(false);
                series.clear();
                double[] ys = r.rows().get(s).curveMonthly();
                for (int i = 0; i < xs.length; i++) {
                    series.add(xs[i], ys[i], false);
                }
                series.setNotify(true);
            }
        } finally {
            chart.setNotify(true);
        }
    }

    /** Puts the marker line at the current value inside the plot area the chart last drew. */
    private void placeMarker() {
        ChartRenderingInfo info = viewer.getCanvas().getRenderingInfo();
        Rectangle2D area = info == null ? null : info.getPlotInfo().getDataArea();
        boolean visible = area != null && area.getWidth() > 0 && !Double.isNaN(markerValue);
        markerLine.setVisible(visible);
        markerLabel.setVisible(visible);
        if (!visible) {
            return;
        }
        XYPlot plot = chart.getXYPlot();
        double x = plot.getDomainAxis().valueToJava2D(markerValue, area, plot.getDomainAxisEdge());
        markerLine.setStartX(x);
        markerLine.setEndX(x);
        markerLine.setStartY(area.getMinY());
        markerLine.setEndY(area.getMaxY());
        markerLabel.relocate(x + 4, area.getMinY() + 2);
    }

    private boolean sameCurves(List<double[]> curves) {
        if (curves.size() != shownCurves.size()) {
            return false;
        }
        for (int i = 0; i < curves.size(); i++) {
            if (!Arrays.equals(curves.get(i), shownCurves.get(i))) {
                return false;
            }
        }
        return true;
    }

    private boolean sameModels(StudioResult r) {
        if (dataset.getSeriesCount() != r.rows().size()) {
            return false;
        }
        for (int s = 0; s < r.rows().size(); s++) {
            if (!dataset.getSeriesKey(s).equals(r.rows().get(s).model().displayName())) {
                return false;
            }
        }
        return true;
    }
}

package com.aifinops.workbench.views.studio;

import com.aifinops.workbench.views.common.ChartStyle;
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

/**
 * Monthly cost against cache hit rate, one line per model, the current hit rate marked. One chart for the
 * life of the view; each {@link #show} mutates it in a single batch so a slider step repaints once.
 */
public final class CostCurveChart {
    private final XYSeriesCollection dataset = new XYSeriesCollection();
    private final JFreeChart chart;
    private final ValueMarker marker = new ValueMarker(50);
    private final ChartViewer viewer;

    public CostCurveChart() {
        NumberAxis x = new NumberAxis("Cache hit rate (%)");
        x.setRange(0, 100);
        NumberAxis y = new NumberAxis("Monthly cost");
        y.setNumberFormatOverride(new ChartStyle.CompactDollars());
        y.setAutoRangeIncludesZero(true);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < ChartStyle.PALETTE.length; i++) {
            renderer.setSeriesPaint(i, ChartStyle.PALETTE[i]);
            renderer.setSeriesStroke(i, new BasicStroke(i == 0 ? 3f : 2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        }
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        marker.setPaint(new Color(0x5B6675));
        marker.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{5f, 4f}, 0f));
        marker.setLabelFont(ChartStyle.TICK);
        marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        plot.addDomainMarker(marker, Layer.FOREGROUND);
        chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.apply(chart);
        viewer = new ChartViewer(chart);
        viewer.setId("costCurveChart");
    }

    public ChartViewer node() {
        return viewer;
    }

    public JFreeChart chart() {
        return chart;
    }

    public XYSeriesCollection dataset() {
        return dataset;
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

    /** Replaces the curves and moves the marker, firing one chart change (one repaint). */
    public void show(StudioResult r) {
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
            double h = r.workload().cacheHitRate().doubleValue() * 100;
            marker.setValue(h);
            marker.setLabel(String.format(" %.0f %% hit", h));
        } finally {
            chart.setNotify(true);
        }
    }
}

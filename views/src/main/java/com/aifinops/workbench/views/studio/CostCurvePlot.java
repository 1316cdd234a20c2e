package com.aifinops.workbench.views.studio;

import com.aifinops.workbench.views.common.DollarTicks;
import com.aifinops.workbench.views.common.ChartStyle;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Locale;

/**
 * The cost-vs-cache-hit chart as a plain JFreeChart, no JavaFX: what the window's {@link CostCurveChart} shows,
 * and what the PNG, SVG and PDF exports draw (from the CLI too, where there is no toolkit).
 */
public final class CostCurvePlot {
    private CostCurvePlot() {
    }

    /** An empty, styled chart over {@code dataset}: x the cache hit rate in percent, y the monthly cost. */
    static JFreeChart create(XYSeriesCollection dataset) {
        NumberAxis x = new NumberAxis("Cache hit rate (%)");
        x.setRange(0, 100);
        NumberAxis y = new NumberAxis("Monthly cost");
        DollarTicks.apply(y);
        y.setAutoRangeIncludesZero(true);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < ChartStyle.PALETTE.length; i++) {
            renderer.setSeriesPaint(i, ChartStyle.PALETTE[i]);
            renderer.setSeriesStroke(i, new BasicStroke(i == 0 ? 3f : 2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        }
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, new XYPlot(dataset, x, y, renderer), true);
        ChartStyle.apply(chart);
        return chart;
    }

    /** The chart of {@code r} for export: one line per model, the workload's own cache hit rate marked. */
    public static JFreeChart of(StudioResult r) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        double[] xs = r.curveCacheHitPercent();
        for (StudioResult.ModelCost row : r.rows()) {
            XYSeries s = new XYSeries(row.model().displayName(), false, true);
            for (int i = 0; i < xs.length; i++) {
                s.add(xs[i], row.curveMonthly()[i], false);
            }
            dataset.addSeries(s);
        }
        JFreeChart chart = create(dataset);
        double h = r.workload().cacheHitRate().doubleValue() * 100;
        // the window draws its marker as a JavaFX overlay; an export needs it inside the chart
        ValueMarker marker = new ValueMarker(h, new Color(0x5B6675), new BasicStroke(1.2f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[]{5f, 4f}, 0f));
        marker.setLabel(String.format(Locale.ROOT, "%.0f %% hit", h));
        marker.setLabelFont(ChartStyle.TICK);
        marker.setLabelPaint(ChartStyle.TEXT);
        marker.setLabelBackgroundColor(new Color(255, 255, 255, 220));
        marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        chart.getXYPlot().addDomainMarker(marker);
        return chart;
    }
}

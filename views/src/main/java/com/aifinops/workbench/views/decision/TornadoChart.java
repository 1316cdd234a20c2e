package com.aifinops.workbench.views.decision;

import com.aifinops.workbench.pricing.decision.Tornado;
import com.aifinops.workbench.views.common.ChartStyle;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.BasicStroke;
import java.awt.Color;

/**
 * How far each input at −20 % and +20 % moves the selected crossover: bars from the base crossover, the input that
 * moves it most on top. An input whose change removes the crossover from the searched range is labelled so.
 */
final class TornadoChart {
    private final DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    private final JFreeChart chart;
    private final ChartViewer viewer;

    TornadoChart() {
        NumberAxis y = new NumberAxis("Δ crossover (tokens / year)");
        y.setNumberFormatOverride(Figures.tokenAxis());
        StackedBarRenderer r = new StackedBarRenderer();
        CategoryPlot plot = new CategoryPlot(dataset, new CategoryAxis(null), y, r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        Charts.styleCategory(chart);
        r.setSeriesPaint(0, new Color(0x0072B2));
        r.setSeriesPaint(1, new Color(0xE69F00));
        r.setMaximumBarWidth(0.5);
        plot.addRangeMarker(new ValueMarker(0, ChartStyle.TEXT, new BasicStroke(1.2f)));
        Charts.title(chart, "What moves the crossover (inputs ±20 %)");
        viewer = Charts.viewer(chart, "tornadoChart");
    }

    ChartViewer node() {
        return viewer;
    }

    DefaultCategoryDataset dataset() {
        return dataset;
    }

    void show(Tornado.Result t) {
        chart.setNotify(false);
        try {
            dataset.clear();
            if (t == null || t.base() < 0) {
                Charts.title(chart, "What moves the crossover: no crossover for this pair");
                return;
            }
            int shown = 0;
            for (Tornado.Bar b : t.bars()) {
                if (shown++ == 8) {
                    break; // the rest barely move it
                }
                String label = b.label() + (b.low() < 0 || b.high() < 0 ? " (none at one end)" : "");
                dataset.addValue(b.low() < 0 ? 0 : (double) (b.low() - t.base()), "input −20 %", label);
                dataset.addValue(b.high() < 0 ? 0 : (double) (b.high() - t.base()), "input +20 %", label);
            }
            Charts.title(chart, "What moves the crossover (base " + Figures.tokens(t.base()) + ", inputs ±20 %)");
        } finally {
            chart.setNotify(true);
        }
    }
}

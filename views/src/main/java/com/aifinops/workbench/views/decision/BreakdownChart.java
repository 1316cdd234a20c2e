package com.aifinops.workbench.views.decision;

import com.aifinops.workbench.pricing.decision.Breakdown;
import com.aifinops.workbench.pricing.decision.TcoModel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/** Each option's annual cost at the chosen volume, stacked by category (the shown cents, which sum to the total). */
final class BreakdownChart {
    private final DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    private final JFreeChart chart;
    private final ChartViewer viewer;

    BreakdownChart() {
        NumberAxis y = new NumberAxis("Annual cost");
        y.setNumberFormatOverride(Figures.dollarAxis());
        CategoryPlot plot = new CategoryPlot(dataset, new CategoryAxis(null), y, new StackedBarRenderer());
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        Charts.styleCategory(chart);
        ((StackedBarRenderer) plot.getRenderer()).setMaximumBarWidth(0.12);
        Charts.title(chart, "Where the money goes");
        viewer = Charts.viewer(chart, "breakdownChart");
    }

    ChartViewer node() {
        return viewer;
    }

    void show(TcoScreen s) {
        chart.setNotify(false);
        try {
            dataset.clear();
            for (TcoModel.Costed c : s.costs()) {
                for (Breakdown.Line l : c.breakdown().lines()) {
                    dataset.addValue(l.cents().doubleValue(), l.category(), TcoCurveChart.shortName(c.option().name()));
                }
            }
            Charts.title(chart, "Where the money goes at " + Figures.tokens(s.volume()) + " tokens / year");
        } finally {
            chart.setNotify(true);
        }
    }
}

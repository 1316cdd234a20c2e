package com.aifinops.workbench.views.levers;

import com.aifinops.workbench.views.common.DollarTicks;
import com.aifinops.workbench.pricing.levers.LeverStack;
import com.aifinops.workbench.views.common.ChartStyle;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.WaterfallBarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.Color;

/**
 * Baseline to optimised cost: the first bar is the baseline, each floating bar one lever's saving given the
 * levers before it (green down, red up), the last bar the optimised cost. One chart for the life of the
 * panel; {@link #show} replaces the values in one batch.
 */
public final class WaterfallChart {
    private final DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    private final JFreeChart chart;
    private final ChartViewer viewer;

    public WaterfallChart() {
        CategoryAxis x = new CategoryAxis();
        x.setTickLabelFont(ChartStyle.TICK);
        x.setTickLabelPaint(ChartStyle.TEXT);
        x.setAxisLineVisible(false);
        x.setMaximumCategoryLabelLines(1);
        x.setCategoryMargin(0.25);
        NumberAxis y = new NumberAxis("Monthly cost");
        DollarTicks.apply(y);
        y.setLabelFont(ChartStyle.LABEL);
        y.setTickLabelFont(ChartStyle.TICK);
        y.setAxisLineVisible(false);
        y.setTickMarksVisible(false);
        WaterfallBarRenderer r = new WaterfallBarRenderer(new Color(0x0072B2), new Color(0xD55E00),
                new Color(0x009E73), new Color(0x0072B2));
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        ChartStyle.CompactDollars money = new ChartStyle.CompactDollars();
        r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator() {
            @Override
            public String generateLabel(org.jfree.data.category.CategoryDataset d, int row, int column) {
                double v = d.getValue(row, column).doubleValue();
                // a step's value is the negated saving: label it as the saving, "−$16K"
                return v < 0 ? "−" + money.format(-v) : column == 0 || column == d.getColumnCount() - 1 ? money.format(v)
                        : v == 0 ? "" : "+" + money.format(v);
            }
        });
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(ChartStyle.TICK);
        r.setItemMargin(0.0);
        CategoryPlot plot = new CategoryPlot(dataset, x, y, r);
        plot.setOrientation(org.jfree.chart.plot.PlotOrientation.HORIZONTAL); // lever names read on the left
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        viewer = new ChartViewer(chart);
        viewer.setId("waterfallChart");
    }

    /** Axis labels short enough for a narrow panel, in {@link LeverStack.Lever} order. */
    private static final String[] SHORT = {"Semantic", "Trimming", "Output cap", "Prompt cache", "Batch"};

    public ChartViewer node() {
        return viewer;
    }

    public DefaultCategoryDataset dataset() {
        return dataset;
    }

    public void show(LeverStack.Waterfall w) {
        chart.setNotify(false);
        try {
            dataset.clear();
            if (w == null) {
                return;
            }
            dataset.addValue(w.baseline().doubleValue(), "cost", "Baseline");
            for (LeverStack.Step s : w.steps()) {
                // a saving lowers the running total: the renderer draws negative increments in the decrease colour
                dataset.addValue(-s.saving().doubleValue(), "cost", SHORT[s.lever().ordinal()]);
            }
            dataset.addValue(w.optimised().doubleValue(), "cost", "Optimised");
        } finally {
            chart.setNotify(true);
        }
    }

}

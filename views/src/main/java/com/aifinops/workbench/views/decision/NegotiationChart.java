package com.aifinops.workbench.views.decision;

import com.aifinops.workbench.pricing.decision.NegotiationBrief;
import com.aifinops.workbench.views.common.ChartStyle;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.Color;
import java.awt.Paint;

/**
 * The negotiation brief's bar chart, "the same 12 months, priced five ways": the provider at list and contracted,
 * then each alternative. A plain JFreeChart (no JavaFX), so the screen shows it and the PDF export embeds it.
 */
public final class NegotiationChart {
    private NegotiationChart() {
    }

    /** The chart of {@code b}, for an export. */
    public static JFreeChart of(NegotiationBrief.Brief b) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        fill(d, b);
        JFreeChart c = create(d);
        // an export draws it narrower than the screen: more room for the longest bar's label
        ((CategoryPlot) c.getPlot()).getRangeAxis().setUpperMargin(0.24);
        return c;
    }

    /** An empty chart over {@code dataset}; {@link #fill} it (the screen refills it on every recompute). */
    static JFreeChart create(DefaultCategoryDataset dataset) {
        NumberAxis y = new NumberAxis("12-month cost at the same volume");
        y.setNumberFormatOverride(Figures.dollarAxis());
        BarRenderer r = new BarRenderer() {
            private static final Paint[] COLOURS = {new Color(0x5b6675), new Color(0x0072B2), new Color(0xD55E00),
                    new Color(0x009E73), new Color(0xCC79A7), new Color(0xE69F00)};

            @Override
            public Paint getItemPaint(int row, int column) {
                return COLOURS[Math.min(column, COLOURS.length - 1)];
            }
        };
        CategoryPlot plot = new CategoryPlot(dataset, new CategoryAxis(null), y, r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        Charts.styleCategory(chart);
        r.setMaximumBarWidth(0.14);
        y.setUpperMargin(0.16); // room for the value label of the longest bar
        r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", Figures.dollarAxis()));
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        r.setItemLabelAnchorOffset(6);
        r.setDefaultItemLabelFont(ChartStyle.TICK);
        Charts.title(chart, "The same 12 months, priced five ways");
        return chart;
    }

    static void fill(DefaultCategoryDataset dataset, NegotiationBrief.Brief b) {
        dataset.clear();
        dataset.addValue(b.forecastAnnualList().doubleValue(), "cost", b.provider() + " at list");
        dataset.addValue(b.forecastAnnualContracted().doubleValue(), "cost", b.provider() + " contracted");
        for (NegotiationBrief.Alternative a : b.alternatives()) {
            dataset.addValue(a.annualCost().doubleValue(), "cost", a.kind());
        }
    }
}

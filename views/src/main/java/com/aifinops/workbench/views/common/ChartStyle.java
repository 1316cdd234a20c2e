package com.aifinops.workbench.views.common;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;

/** One look for every chart: white plot, light grid, the app's palette and fonts, compact dollar axes. */
public final class ChartStyle {
    /** Colour-blind-safe palette (Okabe–Ito, reordered for contrast on white). */
    public static final Paint[] PALETTE = {
            new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
            new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442)};
    public static final Color GRID = new Color(0xE3E7ED);
    public static final Color TEXT = new Color(0x2B3440);
    public static final Font LABEL = new Font("DejaVu Sans", Font.PLAIN, 12);
    public static final Font TICK = new Font("DejaVu Sans", Font.PLAIN, 11);

    private ChartStyle() {
    }

    public static void apply(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(8, 8, 8, 12));
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
            legend.setItemFont(LABEL);
            legend.setItemPaint(TEXT);
        }
        if (chart.getPlot() instanceof XYPlot plot) {
            plot.setBackgroundPaint(Color.WHITE);
            plot.setOutlineVisible(false);
            plot.setDomainGridlinePaint(GRID);
            plot.setRangeGridlinePaint(GRID);
            plot.setDomainGridlineStroke(new BasicStroke(1f));
            plot.setRangeGridlineStroke(new BasicStroke(1f));
            plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
            styleAxis(plot.getDomainAxis()); // a NumberAxis or, on time series, a DateAxis
            styleAxis(plot.getRangeAxis());
        }
    }

    private static void styleAxis(org.jfree.chart.axis.Axis axis) {
        axis.setLabelFont(LABEL);
        axis.setLabelPaint(TEXT);
        axis.setTickLabelFont(TICK);
        axis.setTickLabelPaint(TEXT);
        axis.setAxisLineVisible(false);
        axis.setTickMarksVisible(false);
    }

    /**
     * Item labels in dollars and cents as the tables write them ({@link com.aifinops.workbench.model.Usd#format}):
     * a rounding step of -$0.001 reads $0.00, not DecimalFormat's "-$0.00".
     */
    public static java.text.NumberFormat cents() {
        return LabelFormat.of(v -> com.aifinops.workbench.model.Usd.format(java.math.BigDecimal.valueOf(v)));
    }

    /** "$95.9K", "$1.2M": axis labels people read at a glance. */
    public static final class CompactDollars extends LabelFormat {
        @Override
        protected String label(double v) {
            double a = Math.abs(v);
            String s;
            if (a >= 1e9) s = String.format("$%.1fB", a / 1e9);
            else if (a >= 1e6) s = String.format("$%.1fM", a / 1e6);
            else if (a >= 1e4) s = String.format("$%.0fK", a / 1e3);
            else if (a >= 1e3) s = String.format("$%.1fK", a / 1e3);
            else if (a >= 10 || a == 0) s = String.format("$%.0f", a);
            else s = String.format("$%.2f", a);
            return (v < 0 ? "-" : "") + s; // -$20, as Usd.format writes negatives
        }
    }
}

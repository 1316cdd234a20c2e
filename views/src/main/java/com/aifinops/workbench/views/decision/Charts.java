package com.aifinops.workbench.views.decision;

import com.aifinops.workbench.views.common.ChartStyle;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleInsets;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;

/** Shared look of the decision charts, on top of {@link ChartStyle}. */
final class Charts {
    static final Font TITLE = new Font("DejaVu Sans", Font.BOLD, 13);

    private Charts() {
    }

    static ChartViewer viewer(JFreeChart chart, String id) {
        ChartViewer v = new ChartViewer(chart);
        v.setId(id);
        v.getStyleClass().add("chart-viewer");
        return v;
    }

    static void title(JFreeChart chart, String text) {
        TextTitle t = new TextTitle(text, TITLE);
        t.setPaint(ChartStyle.TEXT);
        t.setHorizontalAlignment(HorizontalAlignment.LEFT);
        t.setPadding(new RectangleInsets(2, 4, 6, 4));
        chart.setTitle(t);
    }

    static void styleAxis(ValueAxis axis) {
        axis.setLabelFont(ChartStyle.LABEL);
        axis.setLabelPaint(ChartStyle.TEXT);
        axis.setTickLabelFont(ChartStyle.TICK);
        axis.setTickLabelPaint(ChartStyle.TEXT);
        axis.setAxisLineVisible(false);
        axis.setTickMarksVisible(false);
    }

    static void styleCategory(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(8, 8, 8, 12));
        if (chart.getLegend() != null) {
            chart.getLegend().setPosition(org.jfree.chart.ui.RectangleEdge.BOTTOM);
            chart.getLegend().setFrame(org.jfree.chart.block.BlockBorder.NONE);
            chart.getLegend().setItemFont(ChartStyle.TICK);
            chart.getLegend().setItemPaint(ChartStyle.TEXT);
        }
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setDomainGridlinesVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        CategoryAxis x = plot.getDomainAxis();
        x.setTickLabelFont(ChartStyle.TICK);
        x.setTickLabelPaint(ChartStyle.TEXT);
        x.setLabelFont(ChartStyle.LABEL);
        x.setAxisLineVisible(false);
        x.setTickMarksVisible(false);
        x.setMaximumCategoryLabelWidthRatio(0.45f);
        styleAxis((NumberAxis) plot.getRangeAxis());
        if (plot.getRenderer() instanceof BarRenderer r) {
            r.setBarPainter(new StandardBarPainter());
            r.setShadowVisible(false);
            r.setDrawBarOutline(false);
            r.setItemMargin(0.02);
            for (int i = 0; i < ChartStyle.PALETTE.length; i++) {
                r.setSeriesPaint(i, ChartStyle.PALETTE[i]);
            }
        }
    }
}

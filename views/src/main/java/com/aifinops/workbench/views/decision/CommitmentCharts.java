package com.aifinops.workbench.views.decision;

import com.aifinops.workbench.pricing.decision.CommitmentPlan;
import com.aifinops.workbench.views.common.ChartStyle;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Locale;

/** The three charts of the commitments screen: hourly demand against capacity, $/MTok by utilisation, burn-down. */
final class CommitmentCharts {
    private CommitmentCharts() {
    }

    private static ValueMarker marker(double v, String label, Color c, boolean dashed) {
        ValueMarker m = new ValueMarker(v, c, dashed ? new BasicStroke(1.3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f,
                new float[]{5f, 4f}, 0f) : new BasicStroke(1.6f));
        m.setLabel(label);
        m.setLabelFont(ChartStyle.TICK);
        m.setLabelPaint(ChartStyle.TEXT);
        m.setLabelOffset(new RectangleInsets(4, 6, 4, 6));
        return m;
    }

    /** Tokens per minute in each hour of the profile: served by the units, and spilled over to pay-as-you-go. */
    static final class Profile {
        final DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        final JFreeChart chart;
        final ChartViewer viewer;

        Profile() {
            NumberAxis y = new NumberAxis("Tokens per minute");
            y.setNumberFormatOverride(Figures.tokenAxis());
            StackedBarRenderer r = new StackedBarRenderer();
            CategoryPlot plot = new CategoryPlot(dataset, new CategoryAxis("Hour of day"), y, r);
            chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
            Charts.styleCategory(chart);
            r.setSeriesPaint(0, new Color(0x0072B2));
            r.setSeriesPaint(1, new Color(0xD55E00));
            r.setItemMargin(0.0);
            plot.getDomainAxis().setCategoryMargin(0.15);
            plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(3f);
            Charts.title(chart, "Demand by hour against provisioned capacity");
            viewer = Charts.viewer(chart, "profileChart");
        }

        void show(CommitmentsScreen.Provisioned p) {
            chart.setNotify(false);
            try {
                dataset.clear();
                int n = p.servedPerMinute().length;
                for (int i = 0; i < n; i++) {
                    String hour = n == 24 ? String.valueOf(i) : (i % 24 == 0 ? "d" + (i / 24 + 1) : String.valueOf(i));
                    dataset.addValue(p.servedPerMinute()[i], "served by the units", hour);
                    dataset.addValue(p.spilledPerMinute()[i], "spilled to pay-as-you-go", hour);
                }
                CategoryPlot plot = chart.getCategoryPlot();
                plot.clearRangeMarkers();
                ValueMarker m = marker(p.result().capacityPerMinute(), p.result().option().units() + " units = "
                        + Figures.tokens(p.result().capacityPerMinute()) + " TPM", new Color(0x2b3440), true);
                m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
                m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
                plot.addRangeMarker(m);
            } finally {
                chart.setNotify(true);
            }
        }
    }

    /** $/MTok actually served against utilisation, the pay-as-you-go price and the break-even marked. */
    static final class Utilisation {
        final XYSeriesCollection dataset = new XYSeriesCollection();
        final JFreeChart chart;
        final ChartViewer viewer;

        Utilisation() {
            NumberAxis x = new NumberAxis("Utilisation (%)");
            NumberAxis y = new NumberAxis("$ per MTok served");
            XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
            r.setSeriesPaint(0, new Color(0x0072B2));
            r.setSeriesStroke(0, new BasicStroke(2.4f));
            chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, new XYPlot(dataset, x, y, r), false);
            ChartStyle.apply(chart);
            Charts.title(chart, "Provisioned $/MTok by utilisation");
            viewer = Charts.viewer(chart, "utilisationChart");
        }

        void show(CommitmentsScreen.Provisioned p) {
            chart.setNotify(false);
            try {
                dataset.removeAllSeries();
                XYSeries s = new XYSeries("provisioned", false, true);
                for (int i = 0; i < p.utilisations().length; i++) {
                    s.add(p.utilisations()[i] * 100, p.perMTok()[i], false);
                }
                dataset.addSeries(s);
                XYPlot plot = chart.getXYPlot();
                plot.clearRangeMarkers();
                plot.clearDomainMarkers();
                double payg = p.result().paygPerMTok().doubleValue();
                ValueMarker pm = marker(payg, String.format(Locale.ROOT, "pay-as-you-go $%.2f", payg), new Color(0xD55E00), false);
                pm.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
                pm.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
                plot.addRangeMarker(pm);
                double be = p.result().breakEvenUtilisation().doubleValue() * 100;
                if (be <= 100) {
                    ValueMarker bm = marker(be, String.format(Locale.ROOT, "break-even %.1f %%", be), new Color(0x2b3440), true);
                    bm.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
                    bm.setLabelTextAnchor(TextAnchor.TOP_LEFT);
                    plot.addDomainMarker(bm);
                }
                double u = p.result().utilisation().doubleValue() * 100;
                ValueMarker um = marker(u, String.format(Locale.ROOT, "your profile %.1f %%", u), new Color(0x009E73), true);
                um.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);
                um.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
                plot.addDomainMarker(um);
                plot.getRangeAxis().setRange(0, Math.max(payg * 2.2, p.perMTok()[p.perMTok().length - 1] * 1.2));
                plot.getDomainAxis().setRange(10, 100);
            } finally {
                chart.setNotify(true);
            }
        }
    }

    /** Monthly consumption of the prepaid amount (bars) and what is left of it (line). */
    static final class BurnDown {
        final DefaultCategoryDataset used = new DefaultCategoryDataset();
        final DefaultCategoryDataset left = new DefaultCategoryDataset();
        final JFreeChart chart;
        final ChartViewer viewer;

        BurnDown() {
            NumberAxis y = new NumberAxis("USD");
            y.setNumberFormatOverride(Figures.dollarAxis());
            BarRenderer bars = new BarRenderer();
            CategoryPlot plot = new CategoryPlot(used, new CategoryAxis("Month"), y, bars);
            LineAndShapeRenderer line = new LineAndShapeRenderer(true, true);
            line.setSeriesPaint(0, new Color(0x2b3440));
            line.setSeriesStroke(0, new BasicStroke(2.4f));
            plot.setDataset(1, left);
            plot.setRenderer(1, line);
            plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
            chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
            Charts.styleCategory(chart);
            bars.setSeriesPaint(0, new Color(0x56B4E9));
            bars.setMaximumBarWidth(0.06);
            plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(3f);
            Charts.title(chart, "Burn-down of the prepaid commitment");
            viewer = Charts.viewer(chart, "burnDownChart");
        }

        void show(CommitmentPlan.Result r) {
            chart.setNotify(false);
            try {
                used.clear();
                left.clear();
                for (CommitmentPlan.Month m : r.months()) {
                    String k = "M" + m.month();
                    used.addValue(m.consumed().doubleValue(), "consumed at the discount", k);
                    left.addValue(m.balance().doubleValue(), "prepaid left (below 0 = overage)", k);
                }
                CategoryPlot plot = chart.getCategoryPlot();
                plot.clearRangeMarkers();
                plot.addRangeMarker(new ValueMarker(0, ChartStyle.TEXT, new BasicStroke(1f)));
            } finally {
                chart.setNotify(true);
            }
        }
    }
}

package com.aifinops.workbench.views.unit;

import com.aifinops.workbench.model.analysis.UnitEconomics;
import com.aifinops.workbench.model.analysis.UnitQuery;
import com.aifinops.workbench.views.common.ChartStyle;
import com.aifinops.workbench.views.common.DollarTicks;
import com.aifinops.workbench.views.common.LabelFormat;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.text.NumberFormat;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The trend of cost per outcome: two lines by month (model spend only, and with the harness) over pale bars of the
 * outcome counts on a second axis, so a falling unit cost can be told apart from a month that merely did more.
 */
final class UnitTrendChart {
    static final Color MODEL = (Color) ChartStyle.PALETTE[0];
    static final Color WITH_HARNESS = (Color) ChartStyle.PALETTE[1];
    static final Color BARS = new Color(0xC9D3DE);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yy", Locale.ENGLISH);

    private final XYSeriesCollection lines = new XYSeriesCollection();
    private final XYSeriesCollection bars = new XYSeriesCollection();
    private final JFreeChart chart;
    private final MonthFormat months = new MonthFormat();

    UnitTrendChart() {
        NumberAxis x = new NumberAxis(null);
        x.setNumberFormatOverride(months);
        x.setTickUnit(new NumberTickUnit(1, months));
        NumberAxis y = new NumberAxis("Cost per outcome");
        DollarTicks.apply(y);
        y.setAutoRangeIncludesZero(true);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setSeriesPaint(0, MODEL);
        r.setSeriesStroke(0, new BasicStroke(2.5f));
        r.setSeriesPaint(1, WITH_HARNESS);
        r.setSeriesStroke(1, new BasicStroke(2.5f));
        Ellipse2D dot = new Ellipse2D.Double(-3.5, -3.5, 7, 7);
        r.setSeriesShape(0, dot);
        r.setSeriesShape(1, dot);
        XYPlot plot = new XYPlot(lines, x, y, r);
        plot.setNoDataMessage("No months with spend or outcomes for this node and outcome yet");
        plot.setNoDataMessageFont(ChartStyle.LABEL);
        plot.setNoDataMessagePaint(ChartStyle.TEXT);
        NumberAxis count = new NumberAxis("Outcomes");
        count.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        count.setNumberFormatOverride(NumberFormat.getIntegerInstance(Locale.ROOT));
        plot.setRangeAxis(1, count);
        plot.setDataset(1, bars);
        plot.mapDatasetToRangeAxis(1, 1);
        XYBarRenderer b = new XYBarRenderer(0.35);
        b.setBarPainter(new StandardXYBarPainter());
        b.setShadowVisible(false);
        b.setDrawBarOutline(false);
        b.setSeriesPaint(0, BARS);
        plot.setRenderer(1, b); // the default rendering order draws dataset 0 (the lines) over the bars
        chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.apply(chart);
        // room between legend items: the FX canvas draws the labels a little wider than they measure
        chart.getLegend().setItemLabelPadding(new org.jfree.chart.ui.RectangleInsets(2, 4, 2, 18));
        for (NumberAxis a : new NumberAxis[]{x, count}) {
            a.setLabelFont(ChartStyle.LABEL);
            a.setLabelPaint(ChartStyle.TEXT);
            a.setTickLabelFont(ChartStyle.TICK);
            a.setTickLabelPaint(ChartStyle.TEXT);
            a.setAxisLineVisible(false);
            a.setTickMarksVisible(false);
        }
        show(null);
    }

    JFreeChart chart() {
        return chart;
    }

    /** Redraws for one node and outcome in one batch; months without outcomes leave a gap in the lines. */
    void show(UnitQuery.Result r) {
        chart.setNotify(false);
        try {
            lines.removeAllSeries();
            bars.removeAllSeries();
            boolean some = r != null && !r.months().isEmpty();
            XYPlot p = chart.getXYPlot();
            // no empty axes around the no-data message
            p.getDomainAxis().setVisible(some);
            p.getRangeAxis(0).setVisible(some);
            p.getRangeAxis(1).setVisible(some);
            p.setDomainGridlinesVisible(some);
            p.setRangeGridlinesVisible(some);
            if (!some) {
                chart.setTitle((String) null);
                return;
            }
            List<UnitEconomics.Month> ms = r.months();
            YearMonth first = ms.get(0).month();
            months.first = first;
            XYSeries model = new XYSeries("Model spend per " + singular(r.outcome()), false, true);
            XYSeries with = new XYSeries("With harness", false, true);
            XYSeries counts = new XYSeries(capital(r.outcome()), false, true);
            for (UnitEconomics.Month m : ms) {
                int i = (int) first.until(m.month(), java.time.temporal.ChronoUnit.MONTHS);
                model.add(i, m.costPerOutcome() == null ? null : m.costPerOutcome().doubleValue());
                with.add(i, m.costPerOutcomeWithHarness() == null ? null : m.costPerOutcomeWithHarness().doubleValue());
                counts.add(i, m.outcomes());
            }
            lines.addSeries(model);
            lines.addSeries(with);
            bars.addSeries(counts);
            XYPlot plot = chart.getXYPlot();
            int last = (int) first.until(ms.get(ms.size() - 1).month(), java.time.temporal.ChronoUnit.MONTHS);
            plot.getDomainAxis().setRange(-0.5, last + 0.5);
            long top = ms.stream().mapToLong(UnitEconomics.Month::outcomes).max().orElse(0);
            // bars in the lower part of the plot, so the lines above them stay readable
            plot.getRangeAxis(1).setRange(0, top <= 0 ? 1 : top * 1.6);
            chart.setTitle(new TextTitle(r.node() + " · cost per " + singular(r.outcome()) + " by month", ChartStyle.LABEL));
        } finally {
            chart.setNotify(true);
        }
    }

    /** "resolved tickets" → "resolved ticket" (for "cost per …"); other names as they are. */
    static String singular(String outcome) {
        String t = outcome.strip();
        return t.endsWith("ies") ? t.substring(0, t.length() - 3) + "y" : t.endsWith("ss") || !t.endsWith("s") ? t : t.substring(0, t.length() - 1);
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Month index → "Mar 26"; fractions (between ticks) print nothing. */
    private static final class MonthFormat extends LabelFormat {
        YearMonth first = YearMonth.of(2026, 1);

        @Override
        protected String label(double v) {
            long i = Math.round(v);
            return Math.abs(v - i) > 1e-6 ? "" : first.plusMonths(i).format(MONTH);
        }
    }
}

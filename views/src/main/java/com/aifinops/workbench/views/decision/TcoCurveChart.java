package com.aifinops.workbench.views.decision;

import com.aifinops.workbench.pricing.decision.Crossover;
import com.aifinops.workbench.views.common.ChartStyle;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYPointerAnnotation;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Annual cost against annual tokens, both on log axes (APIs are straight lines, fleets are steps), the chosen
 * volume marked, and each solved crossover of the selected API annotated where it happens.
 */
final class TcoCurveChart {
    private final XYSeriesCollection dataset = new XYSeriesCollection();
    private final JFreeChart chart;
    private final ChartViewer viewer;
    private final List<String> annotated = new ArrayList<>();

    TcoCurveChart() {
        LogAxis x = new LogAxis("Annual tokens (input + output)");
        x.setNumberFormatOverride(Figures.tokenAxis());
        x.setBase(10);
        x.setSmallestValue(1);
        LogAxis y = new LogAxis("Annual cost");
        y.setNumberFormatOverride(Figures.dollarAxis());
        y.setBase(10);
        y.setSmallestValue(1);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < ChartStyle.PALETTE.length; i++) {
            r.setSeriesPaint(i, ChartStyle.PALETTE[i]);
            r.setSeriesStroke(i, new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        }
        XYPlot plot = new XYPlot(dataset, new org.jfree.chart.axis.NumberAxis(), new org.jfree.chart.axis.NumberAxis(), r);
        chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.apply(chart); // styles number axes: the log axes go in after
        plot.setDomainAxis(x);
        plot.setRangeAxis(y);
        Charts.styleAxis(x);
        Charts.styleAxis(y);
        Charts.title(chart, "Annual cost by annual volume");
        viewer = Charts.viewer(chart, "tcoCurveChart");
    }

    ChartViewer node() {
        return viewer;
    }

    JFreeChart chart() {
        return chart;
    }

    /** The annotation texts shown, for tests. */
    List<String> annotations() {
        return annotated;
    }

    void show(TcoScreen s, String api) {
        chart.setNotify(false);
        try {
            dataset.removeAllSeries();
            for (Map.Entry<String, double[][]> e : s.curves().entrySet()) {
                XYSeries series = new XYSeries(e.getKey(), false, true);
                double[] xs = e.getValue()[0];
                double[] ys = e.getValue()[1];
                for (int i = 0; i < xs.length; i++) {
                    if (ys[i] > 0) {
                        series.add(xs[i], ys[i], false);
                    }
                }
                dataset.addSeries(series);
            }
            XYPlot plot = chart.getXYPlot();
            plot.getDomainAxis().setRange(s.chartMin(), s.chartMax());
            plot.clearDomainMarkers();
            plot.clearAnnotations();
            annotated.clear();
            ValueMarker here = new ValueMarker(s.volume(), new Color(0x5b6675), new BasicStroke(1.2f,
                    BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[]{5f, 4f}, 0f));
            here.setLabel("volume " + Figures.tokens(s.volume()));
            here.setLabelFont(ChartStyle.TICK);
            here.setLabelPaint(ChartStyle.TEXT);
            here.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            here.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            here.setLabelOffset(new RectangleInsets(4, 4, 4, 4));
            plot.addDomainMarker(here, Layer.FOREGROUND);
            int k = 0;
            for (Crossover c : s.crossovers()) {
                boolean ofApi = c.incumbent().equals(api) || c.challenger().equals(api);
                if (!ofApi || !c.found() || c.volume() < s.chartMin() || c.volume() > s.chartMax()) {
                    continue;
                }
                double v = c.volume();
                double cost = s.model().option(c.challenger()).orElseThrow().curve().costAt(v);
                String text = shortName(c.challenger()) + " ≤ " + shortName(c.incumbent()) + " at " + Figures.tokens(v);
                // labels hang below and to the right of the point, stacked, where the fixed-cost plateaus leave room
                XYPointerAnnotation a = new XYPointerAnnotation(text, v, cost, Math.PI / 3);
                a.setFont(new Font("DejaVu Sans", Font.BOLD, 11));
                a.setPaint(ChartStyle.TEXT);
                a.setArrowPaint(ChartStyle.TEXT);
                a.setBaseRadius(40 + 34 * k++);
                a.setTipRadius(6);
                a.setLabelOffset(4);
                a.setBackgroundPaint(new Color(255, 255, 255, 230));
                a.setTextAnchor(TextAnchor.TOP_LEFT);
                plot.addAnnotation(a, false);
                plot.addAnnotation(new XYShapeAnnotation(new Ellipse2D.Double(v * 0.97, cost * 0.94, v * 0.06, cost * 0.12),
                        new BasicStroke(1.5f), ChartStyle.TEXT), false);
                annotated.add(text);
            }
        } finally {
            chart.setNotify(true);
        }
    }

    /** "Neocloud 8×H200 (1-yr reserved)" → "Neocloud 8×H200": labels must fit on the plot. */
    static String shortName(String name) {
        int p = name.indexOf(" (");
        return p > 0 ? name.substring(0, p) : name;
    }
}

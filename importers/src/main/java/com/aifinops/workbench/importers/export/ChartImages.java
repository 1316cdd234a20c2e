package com.aifinops.workbench.importers.export;

import com.aifinops.workbench.importers.io.AtomicFiles;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Any JFreeChart as a PNG or an SVG file. Both draw through plain {@code Graphics2D} (an image buffer or JFreeSVG),
 * so they run headless, from the CLI, with no JavaFX or Swing window. Files are replaced atomically.
 */
public final class ChartImages {
    private ChartImages() {
    }

    public static void png(JFreeChart chart, int width, int height, Path out) throws IOException {
        AtomicFiles.replace(out, false, os -> ChartUtils.writeChartAsPNG(os, chart, width, height));
    }

    /** The chart at {@code scale}× its nominal size, for embedding sharp raster copies (PDF, slides). */
    public static BufferedImage image(JFreeChart chart, int width, int height, double scale) {
        BufferedImage img = new BufferedImage((int) Math.round(width * scale), (int) Math.round(height * scale),
                BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        try {
            g.scale(scale, scale);
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g.dispose();
        }
        return img;
    }

    /**
     * The SVG document of the chart: text stays text (so it can be searched and restyled), lines stay vectors.
     * No DOCTYPE (SVG 1.1 advises against one, and it would send XML parsers to fetch the DTD).
     */
    public static String svg(JFreeChart chart, int width, int height) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_STANDARD);
        chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + g.getSVGElement() + "\n";
    }

    public static void svg(JFreeChart chart, int width, int height, Path out) throws IOException {
        byte[] doc = svg(chart, width, height).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.replace(out, false, os -> os.write(doc));
    }
}

package com.aifinops.workbench.importers.export;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChartImagesTest {
    @TempDir
    Path dir;

    private static JFreeChart chart() {
        XYSeriesCollection data = new XYSeriesCollection();
        for (String name : List.of("GPT-5.5", "Claude Sonnet 4.6", "R&D <mini>")) {
            XYSeries s = new XYSeries(name);
            s.add(0, 100);
            s.add(100, 50);
            data.addSeries(s);
        }
        return ChartFactory.createXYLineChart(null, "Cache hit rate (%)", "Monthly cost", data);
    }

    @Test
    void svgIsWellFormedXmlWithAnSvgRootAndTheSeriesNamesAsText() throws Exception {
        Path out = dir.resolve("chart.svg");
        ChartImages.svg(chart(), 1200, 700, out);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true); // and none is written
        Document doc = f.newDocumentBuilder().parse(out.toFile());
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        assertEquals("http://www.w3.org/2000/svg", doc.getDocumentElement().getNamespaceURI());
        assertEquals("1200.0", doc.getDocumentElement().getAttribute("width"));
        NodeList texts = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        List<String> words = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            words.add(texts.item(i).getTextContent());
        }
        // the legend: a name with & and < survives escaping as the same text
        assertTrue(words.containsAll(List.of("GPT-5.5", "Claude Sonnet 4.6", "R&D <mini>", "Cache hit rate (%)")), words.toString());
    }

    @Test
    void pngHasTheAskedSize() throws Exception {
        Path out = dir.resolve("chart.png");
        ChartImages.png(chart(), 1200, 700, out);
        BufferedImage img = ImageIO.read(out.toFile());
        assertEquals(1200, img.getWidth());
        assertEquals(700, img.getHeight());
        assertEquals(2400, ChartImages.image(chart(), 1200, 700, 2).getWidth());
    }
}

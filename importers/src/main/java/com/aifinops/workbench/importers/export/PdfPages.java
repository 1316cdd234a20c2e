package com.aifinops.workbench.importers.export;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.jfree.chart.JFreeChart;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The page furniture the PDF exports share ({@link PdfBrief}, {@link NegotiationBriefExport}): US Letter pages with
 * a footer, DejaVu Sans embedded when the system has it (else Standard-14 Helvetica), characters a font cannot show
 * replaced instead of failing, sections, wrapped paragraphs, tables with a repeated header, and charts drawn by
 * JFreeChart at 3× into the page.
 */
abstract class PdfPages {
    static final PDRectangle PAGE = PDRectangle.LETTER;
    static final float MARGIN = 54;
    static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;
    static final float BOTTOM = MARGIN + 28; // room for the footer
    static final Color INK = new Color(0x1F2933);
    static final Color MUTED = new Color(0x616E7C);
    static final Color ACCENT = new Color(0x0072B2);
    static final Color RULE = new Color(0xDFE4EA);
    static final Color SHADE = new Color(0xF1F4F8);
    static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    static final List<Path> DEJAVU_DIRS = List.of(Path.of("/usr/share/fonts/truetype/dejavu"),
            Path.of("/usr/share/fonts/dejavu"), Path.of("/usr/share/fonts/TTF"), Path.of("/usr/local/share/fonts"),
            Path.of("/Library/Fonts"), Path.of(System.getProperty("user.home", "."), "Library/Fonts"),
            Path.of("C:\\Windows\\Fonts"));
    static final Map<Integer, String> LOOK_ALIKES = Map.ofEntries(
            Map.entry((int) '→', "->"), Map.entry((int) '←', "<-"), Map.entry((int) '≥', ">="),
            Map.entry((int) '≤', "<="), Map.entry((int) '−', "-"), Map.entry((int) '≈', "~"),
            Map.entry((int) '≠', "!="), Map.entry((int) '✓', "v"), Map.entry((int) '\u00A0', " "),
            Map.entry((int) '\u2009', " "), Map.entry((int) '\u202F', " "));

    final PDDocument doc = new PDDocument();
    final PDFont regular;
    final PDFont bold;
    private final Map<PDFont, Map<Integer, Boolean>> encodable = new HashMap<>();
    PDPageContentStream cs;
    float y;

    PdfPages(boolean systemFonts) throws IOException {
        Path reg = systemFonts ? findFont("DejaVuSans.ttf") : null;
        Path b = systemFonts ? findFont("DejaVuSans-Bold.ttf") : null;
        if (reg != null && b != null) {
            regular = PDType0Font.load(doc, reg.toFile());
            bold = PDType0Font.load(doc, b.toFile());
        } else {
            regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        }
    }

    // ---- building blocks ----

    void section(String title) throws IOException {
        y -= 10;
        ensure(60);
        text(bold, 13, INK, MARGIN, y, title);
        y -= 6;
        fill(RULE, MARGIN, y, WIDTH, 0.8f);
        y -= 15;
    }

    void paragraph(String s, float size, Color color) throws IOException {
        float lead = size * 1.35f;
        for (String line : wrap(regular, size, s, WIDTH)) {
            ensure(lead);
            text(regular, size, color, MARGIN, y, line);
            y -= lead;
        }
    }

    /** A table with a shaded header (repeated on a new page), thin rules between rows and wrapped cells. */
    void table(String[] head, float[] fractions, boolean[] right, List<String[]> rows, int boldColumn) throws IOException {
        float size = 9;
        float pad = 4;
        float lead = size * 1.3f;
        float[] w = new float[head.length];
        for (int i = 0; i < w.length; i++) w[i] = fractions[i] * WIDTH;
        ensure(2 * (lead + 2 * pad) + 4);
        tableHeader(head, w, right, size, pad, lead);
        for (String[] r : rows) {
            List<List<String>> cells = new ArrayList<>();
            int lines = 1;
            for (int i = 0; i < r.length; i++) {
                List<String> c = wrap(i == boldColumn ? bold : regular, size, r[i] == null ? "" : r[i], w[i] - 2 * pad);
                cells.add(c);
                lines = Math.max(lines, c.size());
            }
            float h = lines * lead + 2 * pad;
            if (y - h < BOTTOM) {
                newPage();
                y = PAGE.getHeight() - MARGIN;
                tableHeader(head, w, right, size, pad, lead);
            }
            float x = MARGIN;
            for (int i = 0; i < r.length; i++) {
                PDFont f = i == boldColumn ? bold : regular;
                float ty = y - pad - size;
                for (String line : cells.get(i)) {
                    float tx = right[i] ? x + w[i] - pad - width(f, size, line) : x + pad;
                    text(f, size, INK, tx, ty, line);
                    ty -= lead;
                }
                x += w[i];
            }
            y -= h;
            fill(RULE, MARGIN, y, WIDTH, 0.5f);
        }
        y -= 12;
    }

    void tableHeader(String[] head, float[] w, boolean[] right, float size, float pad, float lead) throws IOException {
        int lines = 1;
        List<List<String>> cells = new ArrayList<>();
        for (int i = 0; i < head.length; i++) {
            List<String> c = wrap(bold, size - 0.5f, head[i], w[i] - 2 * pad);
            cells.add(c);
            lines = Math.max(lines, c.size());
        }
        float h = lines * lead + 2 * pad;
        fill(SHADE, MARGIN, y - h, WIDTH, h);
        float x = MARGIN;
        for (int i = 0; i < head.length; i++) {
            float ty = y - pad - size + 0.5f;
            for (String line : cells.get(i)) {
                float tx = right[i] ? x + w[i] - pad - width(bold, size - 0.5f, line) : x + pad;
                text(bold, size - 0.5f, MUTED, tx, ty, line);
                ty -= lead;
            }
            x += w[i];
        }
        y -= h;
    }

    void chart(JFreeChart chart, String caption) throws IOException {
        chart(chart, caption, 720, 360);
    }

    /** The chart drawn at {@code w}×{@code h} nominal pixels, scaled to the text width, with a caption. */
    void chart(JFreeChart chart, String caption, int w, int hPx) throws IOException {
        float h = WIDTH * hPx / w;
        ensure(h + 30);
        y -= 4;
        drawChart(chart, MARGIN, y, WIDTH, w, hPx);
        y -= h + 12;
        text(regular, 8.5f, MUTED, MARGIN, y, caption);
        y -= 18;
    }

    /**
     * Draws {@code chart} rendered at {@code wPx}×{@code hPx} nominal pixels (3× for print) into a box {@code width}
     * points wide whose top is at {@code top}; returns the box's height. Nominal pixels larger than the points
     * (720×360 on a 504 pt frame) keep the chart's own fonts from printing too large.
     */
    float drawChart(JFreeChart chart, float x, float top, float width, int wPx, int hPx) throws IOException {
        float h = width * hPx / wPx;
        PDImageXObject img = LosslessFactory.createFromImage(doc, ChartImages.image(chart, wPx, hPx, 3));
        cs.drawImage(img, x, top - h, width, h);
        return h;
    }

    /** Every page's footer: a rule, {@code left} and "Page i of n". */
    void footers(String left) throws IOException {
        int n = doc.getNumberOfPages();
        for (int i = 0; i < n; i++) {
            try (PDPageContentStream f = new PDPageContentStream(doc, doc.getPage(i), PDPageContentStream.AppendMode.APPEND, true, true)) {
                cs = f;
                fill(RULE, MARGIN, MARGIN + 14, WIDTH, 0.5f);
                text(regular, 8, MUTED, MARGIN, MARGIN, truncate(regular, 8, left, WIDTH - 80));
                String right = "Page " + (i + 1) + " of " + n;
                text(regular, 8, MUTED, MARGIN + WIDTH - width(regular, 8, right), MARGIN, right);
            }
        }
    }

    void newPage() throws IOException {
        if (cs != null) {
            cs.close();
        }
        PDPage page = new PDPage(PAGE);
        doc.addPage(page);
        cs = new PDPageContentStream(doc, page);
        y = PAGE.getHeight() - MARGIN;
    }

    /** Starts a new page unless {@code height} points fit above the footer. */
    void ensure(float height) throws IOException {
        if (y - height < BOTTOM) {
            newPage();
        }
    }

    void text(PDFont font, float size, Color color, float x, float baseline, String s) throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.setNonStrokingColor(color);
        cs.newLineAtOffset(x, baseline);
        cs.showText(safe(font, s));
        cs.endText();
    }

    void fill(Color c, float x, float y0, float w, float h) throws IOException {
        cs.setNonStrokingColor(c);
        cs.addRect(x, y0, w, h);
        cs.fill();
    }

    // ---- text ----

    /** {@code s} with every character {@code font} cannot show replaced, and control characters made spaces. */
    String safe(PDFont font, String s) {
        Map<Integer, Boolean> known = encodable.computeIfAbsent(font, f -> new HashMap<>());
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                b.append(' ');
                return;
            }
            boolean ok = known.computeIfAbsent(cp, c -> {
                try {
                    font.encode(new String(Character.toChars(c)));
                    return true;
                } catch (IOException | IllegalArgumentException e) {
                    return false;
                }
            });
            if (ok) {
                b.appendCodePoint(cp);
            } else {
                b.append(LOOK_ALIKES.getOrDefault(cp, "?"));
            }
        });
        return b.toString();
    }

    float width(PDFont font, float size, String s) throws IOException {
        return font.getStringWidth(safe(font, s)) / 1000f * size;
    }

    /** Greedy word wrap to {@code max} points; a word longer than a line is cut. */
    List<String> wrap(PDFont font, float size, String s, float max) throws IOException {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : s.split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (width(font, size, candidate) <= max) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (line.length() > 0) {
                out.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (width(font, size, rest) > max && rest.length() > 1) {
                int cut = rest.length() - 1;
                while (cut > 1 && width(font, size, rest.substring(0, cut)) > max) cut--;
                out.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        if (line.length() > 0 || out.isEmpty()) {
            out.add(line.toString());
        }
        return out;
    }

    String truncate(PDFont font, float size, String s, float max) throws IOException {
        if (width(font, size, s) <= max) return s;
        String t = s;
        while (t.length() > 1 && width(font, size, t + "…") > max) t = t.substring(0, t.length() - 1);
        return t + "…";
    }

    static Path findFont(String name) {
        for (Path d : DEJAVU_DIRS) {
            Path f = d.resolve(name);
            if (Files.isRegularFile(f)) return f;
        }
        return null;
    }
}

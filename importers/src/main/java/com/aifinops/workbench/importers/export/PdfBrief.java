package com.aifinops.workbench.importers.export;

import com.aifinops.workbench.importers.io.AtomicFiles;
import com.aifinops.workbench.model.Usd;
import com.aifinops.workbench.model.price.ModelPrice;
import com.aifinops.workbench.model.workbook.Scenario;
import com.aifinops.workbench.model.workload.Workload;
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
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TimeZone;

/**
 * A brief of a workbook a consultant can send: on US Letter, the headline cost, each workload's assumptions and
 * monthly cost per model, the cost-vs-cache-hit chart, the scenarios, the notes that are not internal and the price
 * rows with their sources. The figures arrive computed ({@link Brief}; this module does not price), money is
 * rounded half-up to the cent only here, when printed.
 *
 * <p>Fonts: DejaVu Sans is embedded (subset) when the system has it, so any text it covers prints as written;
 * otherwise the Standard-14 Helvetica is used. Either way a character the font cannot show is replaced (arrows and
 * comparison signs by ASCII look-alikes, anything else by {@code ?}) instead of failing the export. Charts are
 * drawn by JFreeChart into an image at 3× (about 220 dpi at print size), which works headless.
 */
public final class PdfBrief {

    /** Everything the brief shows, computed by the caller. */
    public record Brief(String workbookName, LocalDate date, List<WorkloadBlock> workloads, List<Scenario> scenarios,
                        List<String> notes, List<ModelPrice> prices) {
        public Brief {
            Objects.requireNonNull(workbookName, "workbookName");
            Objects.requireNonNull(date, "date");
            workloads = List.copyOf(workloads);
            scenarios = List.copyOf(scenarios);
            notes = List.copyOf(notes);
            prices = List.copyOf(prices);
        }
    }

    /**
     * One workload: as entered on each model (its own model first), under each scenario that applies to it, and its
     * chart (may be {@code null}).
     */
    public record WorkloadBlock(Workload workload, List<ModelCost> models, List<ScenarioCosts> scenarios, JFreeChart chart) {
        public WorkloadBlock {
            models = List.copyOf(models);
            scenarios = List.copyOf(scenarios);
        }
    }

    /** @param costPerRequest before overhead, exact */
    public record ModelCost(String modelId, String modelName, String provider, BigDecimal costPerRequest, BigDecimal monthly) {
    }

    /** A scenario's monthly cost on the block's models, in the block's model order ({@code null}: not priced). */
    public record ScenarioCosts(String scenario, List<BigDecimal> monthly) {
        public ScenarioCosts {
            monthly = java.util.Collections.unmodifiableList(new ArrayList<>(monthly));
        }
    }

    private static final PDRectangle PAGE = PDRectangle.LETTER;
    private static final float MARGIN = 54;
    private static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;
    private static final float BOTTOM = MARGIN + 28; // room for the footer
    private static final Color INK = new Color(0x1F2933);
    private static final Color MUTED = new Color(0x616E7C);
    private static final Color ACCENT = new Color(0x0072B2);
    private static final Color RULE = new Color(0xDFE4EA);
    private static final Color SHADE = new Color(0xF1F4F8);
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final List<Path> DEJAVU_DIRS = List.of(Path.of("/usr/share/fonts/truetype/dejavu"),
            Path.of("/usr/share/fonts/dejavu"), Path.of("/usr/share/fonts/TTF"), Path.of("/usr/local/share/fonts"),
            Path.of("/Library/Fonts"), Path.of(System.getProperty("user.home", "."), "Library/Fonts"),
            Path.of("C:\\Windows\\Fonts"));
    private static final Map<Integer, String> LOOK_ALIKES = Map.ofEntries(
            Map.entry((int) '→', "->"), Map.entry((int) '←', "<-"), Map.entry((int) '≥', ">="),
            Map.entry((int) '≤', "<="), Map.entry((int) '−', "-"), Map.entry((int) '≈', "~"),
            Map.entry((int) '≠', "!="), Map.entry((int) '✓', "v"), Map.entry((int) '\u00A0', " "),
            Map.entry((int) '\u2009', " "), Map.entry((int) '\u202F', " "));

    private final Brief brief;
    private final PDDocument doc = new PDDocument();
    private final PDFont regular;
    private final PDFont bold;
    private final Map<PDFont, Map<Integer, Boolean>> encodable = new HashMap<>();
    private PDPageContentStream cs;
    private float y;

    private PdfBrief(Brief brief, boolean systemFonts) throws IOException {
        this.brief = brief;
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

    /** Writes the brief to {@code out} atomically; DejaVu Sans embedded when the system has it. */
    public static void write(Brief brief, Path out) throws IOException {
        write(brief, out, true);
    }

    /** {@code systemFonts} false forces the Standard-14 fonts (and their WinAnsi limits); for tests. */
    static void write(Brief brief, Path out, boolean systemFonts) throws IOException {
        PdfBrief b = new PdfBrief(brief, systemFonts);
        try (PDDocument d = b.doc) {
            b.layout();
            AtomicFiles.replace(out, false, d::save);
        }
    }

    // ---- layout ----

    private void layout() throws IOException {
        var info = doc.getDocumentInformation();
        info.setTitle(safe(regular, "LLM spend brief: " + brief.workbookName()));
        info.setCreator("AI FinOps Workbench");
        Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        created.clear();
        created.set(brief.date().getYear(), brief.date().getMonthValue() - 1, brief.date().getDayOfMonth());
        info.setCreationDate(created);

        newPage();
        header();
        headline();
        for (WorkloadBlock w : brief.workloads()) {
            workload(w);
        }
        scenarios();
        notes();
        prices();
        method();
        cs.close();
        footers();
    }

    private void header() throws IOException {
        fill(ACCENT, MARGIN, PAGE.getHeight() - 30, WIDTH, 4);
        y = PAGE.getHeight() - MARGIN - 8;
        text(bold, 22, INK, MARGIN, y, "LLM spend brief");
        String date = LONG_DATE.format(brief.date());
        text(regular, 10, MUTED, MARGIN + WIDTH - width(regular, 10, date), y + 6, date);
        y -= 20;
        for (String line : wrap(regular, 12, brief.workbookName(), WIDTH)) {
            text(regular, 12, MUTED, MARGIN, y, line);
            y -= 16;
        }
        y -= 6;
    }

    /** The first workload on its own model, and what the cheapest alternative and the best scenario would cost. */
    private void headline() throws IOException {
        if (brief.workloads().isEmpty() || brief.workloads().get(0).models().isEmpty()) {
            return;
        }
        WorkloadBlock w = brief.workloads().get(0);
        ModelCost own = w.models().get(0);
        List<String> facts = new ArrayList<>();
        ModelCost cheapest = w.models().stream().min((a, b) -> a.monthly().compareTo(b.monthly())).orElse(own);
        if (cheapest != own && cheapest.monthly().compareTo(own.monthly()) < 0) {
            facts.add("Cheapest model compared: " + cheapest.modelName() + " at " + Usd.format(cheapest.monthly())
                    + " a month (" + change(cheapest.monthly(), own.monthly()) + ").");
        }
        ScenarioCosts best = null;
        for (ScenarioCosts s : w.scenarios()) {
            BigDecimal v = s.monthly().isEmpty() ? null : s.monthly().get(0);
            if (v != null && v.compareTo(own.monthly()) < 0 && (best == null || v.compareTo(best.monthly().get(0)) < 0)) {
                best = s;
            }
        }
        if (best != null) {
            facts.add("Best scenario on " + own.modelName() + ": \u201c" + best.scenario() + "\u201d at "
                    + Usd.format(best.monthly().get(0)) + " a month (" + change(best.monthly().get(0), own.monthly()) + ").");
        }
        float lineH = 13;
        List<String> lines = new ArrayList<>();
        for (String f : facts) {
            lines.addAll(wrap(regular, 10, f, WIDTH - 32));
        }
        float h = 74 + lines.size() * lineH;
        fill(SHADE, MARGIN, y - h, WIDTH, h);
        fill(ACCENT, MARGIN, y - h, 3, h);
        float x = MARGIN + 16;
        float top = y - 20;
        text(regular, 10, MUTED, x, top, "Monthly cost of " + w.workload().name() + " on " + own.modelName());
        text(bold, 26, INK, x, top - 30, Usd.format(own.monthly()));
        float after = x + width(bold, 26, Usd.format(own.monthly())) + 8;
        text(regular, 10, MUTED, after, top - 30, "per month · " + Usd.format(own.monthly().multiply(BigDecimal.valueOf(12)))
                + " a year");
        float ly = top - 50;
        for (String l : lines) {
            text(regular, 10, INK, x, ly, l);
            ly -= lineH;
        }
        y -= h + 20;
    }

    private void workload(WorkloadBlock b) throws IOException {
        Workload w = b.workload();
        section("Workload: " + w.name());
        String assumptions = String.format(Locale.ROOT, "%s users · %s requests per user per day · %d days a month · "
                        + "%s input and %s output tokens per request · %s %% cache hit rate · %s× overhead",
                grouped(w.users()), plain(w.requestsPerUserPerDay()), w.daysPerMonth(), grouped(w.inputTokens()),
                grouped(w.outputTokens()), plain(w.cacheHitRate().movePointRight(2)), w.overhead().setScale(2, RoundingMode.HALF_UP).toPlainString());
        paragraph(assumptions, 9.5f, MUTED);
        paragraph(String.format(Locale.ROOT, "%s requests a month.", grouped(w.requestsPerMonth())), 9.5f, MUTED);
        y -= 4;
        if (!b.models().isEmpty()) {
            ModelCost own = b.models().get(0);
            List<String[]> rows = new ArrayList<>();
            for (ModelCost m : b.models()) {
                rows.add(new String[]{m.modelName() + (m == own ? " (selected)" : ""), m.provider(),
                        "$" + Usd.round(m.costPerRequest(), 6).toPlainString(), Usd.format(m.monthly()),
                        m == own ? "" : change(m.monthly(), own.monthly())});
            }
            table(new String[]{"Model", "Provider", "Per request", "Monthly", "vs selected"},
                    new float[]{0.34f, 0.18f, 0.16f, 0.18f, 0.14f}, new boolean[]{false, false, true, true, true}, rows, 0);
        }
        if (b.chart() != null) {
            chart(b.chart(), "Monthly cost against the cache hit rate, per model (dashed line: " + w.name() + "'s rate)");
        }
    }

    private void scenarios() throws IOException {
        if (brief.scenarios().isEmpty()) {
            return;
        }
        section("Scenarios");
        for (Scenario s : brief.scenarios()) {
            List<String> changes = new ArrayList<>();
            if (s.cacheHitRate() != null) changes.add("cache hit rate " + plain(s.cacheHitRate().movePointRight(2)) + " %");
            if (s.overhead() != null) changes.add("overhead " + s.overhead().setScale(2, RoundingMode.HALF_UP).toPlainString() + "×");
            paragraph("\u2022 " + s.name() + ": " + (changes.isEmpty() ? "no changes" : String.join(", ", changes))
                    + (s.workload() == null || s.workload().isBlank() ? ", every workload" : ", " + s.workload() + " only")
                    + ".", 10, INK);
        }
        y -= 6;
        for (WorkloadBlock b : brief.workloads()) {
            if (b.scenarios().isEmpty() || b.models().isEmpty()) {
                continue;
            }
            int n = Math.min(b.models().size(), 5); // five model columns fit the page
            String[] head = new String[n + 1];
            float[] widths = new float[n + 1];
            boolean[] right = new boolean[n + 1];
            head[0] = "Monthly cost: " + b.workload().name();
            widths[0] = 0.30f;
            for (int i = 0; i < n; i++) {
                head[i + 1] = b.models().get(i).modelName();
                widths[i + 1] = 0.70f / n;
                right[i + 1] = true;
            }
            List<String[]> rows = new ArrayList<>();
            String[] base = new String[n + 1];
            base[0] = "As entered";
            for (int i = 0; i < n; i++) base[i + 1] = Usd.format(b.models().get(i).monthly());
            rows.add(base);
            for (ScenarioCosts s : b.scenarios()) {
                String[] r = new String[n + 1];
                r[0] = s.scenario();
                for (int i = 0; i < n; i++) {
                    BigDecimal v = i < s.monthly().size() ? s.monthly().get(i) : null;
                    r[i + 1] = v == null ? "—" : Usd.format(v);
                }
                rows.add(r);
            }
            table(head, widths, right, rows, 0);
        }
    }

    private void notes() throws IOException {
        if (brief.notes().isEmpty()) {
            return;
        }
        section("Notes");
        for (String n : brief.notes()) {
            paragraph("\u2022 " + n, 10, INK);
        }
    }

    private void prices() throws IOException {
        if (brief.prices().isEmpty()) {
            return;
        }
        section("Price basis (list prices, USD per million tokens)");
        List<String[]> rows = new ArrayList<>();
        for (ModelPrice p : brief.prices()) {
            rows.add(new String[]{p.displayName(), p.provider(), money(p.prices().inputPerMTok()),
                    p.prices().cachedInputPerMTok() == null ? "—" : money(p.prices().cachedInputPerMTok()),
                    money(p.prices().outputPerMTok()), p.source(), p.asOf()});
        }
        table(new String[]{"Model", "Provider", "Input", "Cached input", "Output", "Source", "As of"},
                new float[]{0.20f, 0.13f, 0.10f, 0.12f, 0.10f, 0.22f, 0.13f},
                new boolean[]{false, false, true, true, true, false, false}, rows, 0);
    }

    private void method() throws IOException {
        y -= 6;
        ensure(40);
        paragraph("How the figures are computed: cost per request = (input tokens × [input price × (1 − h) + cached price × h]"
                + " + output tokens × output price) / 1,000,000, with h the cache hit rate; monthly cost = users × requests"
                + " per user per day × days × cost per request × overhead. Amounts are exact and rounded half-up to the cent"
                + " only when printed.", 8.5f, MUTED);
    }

    // ---- building blocks ----

    private void section(String title) throws IOException {
        y -= 10;
        ensure(60);
        text(bold, 13, INK, MARGIN, y, title);
        y -= 6;
        fill(RULE, MARGIN, y, WIDTH, 0.8f);
        y -= 15;
    }

    private void paragraph(String s, float size, Color color) throws IOException {
        float lead = size * 1.35f;
        for (String line : wrap(regular, size, s, WIDTH)) {
            ensure(lead);
            text(regular, size, color, MARGIN, y, line);
            y -= lead;
        }
    }

    /** A table with a shaded header (repeated on a new page), thin rules between rows and wrapped cells. */
    private void table(String[] head, float[] fractions, boolean[] right, List<String[]> rows, int boldColumn) throws IOException {
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

    private void tableHeader(String[] head, float[] w, boolean[] right, float size, float pad, float lead) throws IOException {
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

    private void chart(JFreeChart chart, String caption) throws IOException {
        float h = WIDTH * 0.5f;
        ensure(h + 30);
        // 720×360 nominal (points at 1:1 on a 504 pt wide frame is too small for the chart's own fonts)
        PDImageXObject img = LosslessFactory.createFromImage(doc, ChartImages.image(chart, 720, 360, 3));
        y -= 4;
        cs.drawImage(img, MARGIN, y - h, WIDTH, h);
        y -= h + 12;
        text(regular, 8.5f, MUTED, MARGIN, y, caption);
        y -= 18;
    }

    private void footers() throws IOException {
        int n = doc.getNumberOfPages();
        for (int i = 0; i < n; i++) {
            try (PDPageContentStream f = new PDPageContentStream(doc, doc.getPage(i), PDPageContentStream.AppendMode.APPEND, true, true)) {
                cs = f;
                fill(RULE, MARGIN, MARGIN + 14, WIDTH, 0.5f);
                String left = "Prepared with AI FinOps Workbench · " + brief.workbookName();
                text(regular, 8, MUTED, MARGIN, MARGIN, truncate(regular, 8, left, WIDTH - 80));
                String right = "Page " + (i + 1) + " of " + n;
                text(regular, 8, MUTED, MARGIN + WIDTH - width(regular, 8, right), MARGIN, right);
            }
        }
    }

    private void newPage() throws IOException {
        if (cs != null) {
            cs.close();
        }
        PDPage page = new PDPage(PAGE);
        doc.addPage(page);
        cs = new PDPageContentStream(doc, page);
        y = PAGE.getHeight() - MARGIN;
    }

    /** Starts a new page unless {@code height} points fit above the footer. */
    private void ensure(float height) throws IOException {
        if (y - height < BOTTOM) {
            newPage();
        }
    }

    private void text(PDFont font, float size, Color color, float x, float baseline, String s) throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.setNonStrokingColor(color);
        cs.newLineAtOffset(x, baseline);
        cs.showText(safe(font, s));
        cs.endText();
    }

    private void fill(Color c, float x, float y0, float w, float h) throws IOException {
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

    private float width(PDFont font, float size, String s) throws IOException {
        return font.getStringWidth(safe(font, s)) / 1000f * size;
    }

    /** Greedy word wrap to {@code max} points; a word longer than a line is cut. */
    private List<String> wrap(PDFont font, float size, String s, float max) throws IOException {
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

    private String truncate(PDFont font, float size, String s, float max) throws IOException {
        if (width(font, size, s) <= max) return s;
        String t = s;
        while (t.length() > 1 && width(font, size, t + "…") > max) t = t.substring(0, t.length() - 1);
        return t + "…";
    }

    private static Path findFont(String name) {
        for (Path d : DEJAVU_DIRS) {
            Path f = d.resolve(name);
            if (Files.isRegularFile(f)) return f;
        }
        return null;
    }

    // ---- numbers ----

    /** "−97.9 %" / "+12.0 %": the change from {@code base}, to a tenth of a percent, half-up. */
    static String change(BigDecimal value, BigDecimal base) {
        if (base.signum() == 0) return "";
        BigDecimal pct = value.subtract(base).movePointRight(2).divide(base, 1, RoundingMode.HALF_UP);
        return (pct.signum() > 0 ? "+" : pct.signum() < 0 ? "\u2212" : "") + pct.abs().toPlainString() + " %";
    }

    private static String grouped(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() <= 0 ? String.format(Locale.ROOT, "%,d", s.toBigInteger()) : String.format(Locale.ROOT, "%,." + s.scale() + "f", s);
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    /** Per-MTok prices: at least two decimals, more when the price has them ($0.025). */
    private static String money(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return "$" + (s.scale() < 2 ? v.setScale(2, RoundingMode.UNNECESSARY) : s).toPlainString();
    }
}

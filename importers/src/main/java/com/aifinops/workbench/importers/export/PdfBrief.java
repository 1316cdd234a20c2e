package com.aifinops.workbench.importers.export;

import com.aifinops.workbench.importers.io.AtomicFiles;
import com.aifinops.workbench.model.Usd;
import com.aifinops.workbench.model.price.ModelPrice;
import com.aifinops.workbench.model.workbook.Scenario;
import com.aifinops.workbench.model.workload.Workload;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.jfree.chart.JFreeChart;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
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
public final class PdfBrief extends PdfPages {

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

    private final Brief brief;

    private PdfBrief(Brief brief, boolean systemFonts) throws IOException {
        super(systemFonts);
        this.brief = brief;
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
        footers("Prepared with AI FinOps Workbench · " + brief.workbookName());
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

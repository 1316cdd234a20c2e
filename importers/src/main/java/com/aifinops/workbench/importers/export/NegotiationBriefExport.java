package com.aifinops.workbench.importers.export;

import com.aifinops.workbench.importers.io.AtomicFiles;
import com.aifinops.workbench.model.Usd;
import com.aifinops.workbench.model.decision.NegotiationFigures;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The negotiation brief of one provider as an Excel sheet and as a one-page PDF, from figures computed by the
 * caller ({@link NegotiationFigures}; this module does not price).
 *
 * <p>Excel: the base figures (each model's monthly tokens and list spend, each alternative's 12-month cost, the
 * discount, growth and spread) are shaded input cells, and every figure that is arithmetic on them is a live
 * formula, so a negotiator who types another discount or growth sees the brief follow:
 * <pre>
 * NegFactor            = Σ_{m=0..11} (1+g)^m = IF(g=0, 12, ((1+g)^12 − 1) / g)
 * contracted           = list · (1 − NegDiscount)
 * NegAnnualList        = Σ monthly list · NegFactor
 * discount to match    = MAX(0, 1 − alternative / NegAnnualList)
 * safe commitment      = NegAnnualContracted · EXP(σ · NORMSINV(0.10))   (the lognormal's 10 % quantile)
 * </pre>
 * P50 and P90 are Monte Carlo results and stay values. All text goes through {@link CellText}.
 */
public final class NegotiationBriefExport {
    static final String SHEET = "Negotiation brief";

    private NegotiationBriefExport() {
    }

    // ================================================================ Excel

    public static void xlsx(NegotiationFigures f, Path out) throws IOException {
        try (XSSFWorkbook book = workbook(f)) {
            AtomicFiles.replace(out, false, book::write);
        }
    }

    static XSSFWorkbook workbook(NegotiationFigures f) {
        XSSFWorkbook xl = new XSSFWorkbook();
        new Sheet1(xl, f).fill();
        xl.setForceFormulaRecalculation(true);
        return xl;
    }

    private static final class Sheet1 {
        private final XSSFWorkbook xl;
        private final NegotiationFigures f;
        private final ExcelWorkbookExport.Styles st;
        private final CellStyle pct2;
        private final CellStyle factor;
        private final Sheet sh;

        Sheet1(XSSFWorkbook xl, NegotiationFigures f) {
            this.xl = xl;
            this.f = f;
            this.st = new ExcelWorkbookExport.Styles(xl);
            this.pct2 = xl.createCellStyle();
            pct2.setDataFormat(xl.createDataFormat().getFormat("0.00%"));
            this.factor = xl.createCellStyle();
            factor.setDataFormat(xl.createDataFormat().getFormat("0.0000"));
            this.sh = xl.createSheet(SHEET);
        }

        void fill() {
            text(0, 0, "Negotiation brief: " + f.provider(), st.title);
            text(1, 0, f.workbookName() + " · " + f.date() + " · USD. Shaded cells are inputs; the other figures are "
                    + "formulas over them.", null);
            int models = f.models().size();
            int alts = f.alternatives().size();
            // layout: key figures, models, alternatives, talking points, assumptions
            int kpi = 3;
            int kpiRows = 9 + (f.commitment() == null ? 0 : 1);
            int modelHead = kpi + 2 + kpiRows + 2;
            int firstModel = modelHead + 1;
            int totalRow = firstModel + models;
            int altSection = totalRow + 2;
            int altHead = altSection + 1;
            int firstAlt = altHead + 1;
            int pointsSection = firstAlt + alts + 1;
            int assumptions = pointsSection + 1 + f.talkingPoints().size() + 1;

            // assumptions first, so their names exist for the formulas above them
            int a = assumptions;
            text(a++, 0, "Assumptions (edit the shaded cells)", st.section);
            header(a++, "Input", "Value", "What it is");
            text(a, 0, "Contracted discount off list", null);
            input(a, 1, f.contractedDiscount(), st.percent, "NegDiscount");
            text(a++, 2, "today's discount with " + f.provider() + " (the first commitment's)", null);
            text(a, 0, "Monthly volume growth", null);
            input(a, 1, f.monthlyGrowth(), pct2, "NegGrowth");
            text(a++, 2, "month on month, over the next 12 months", null);
            text(a, 0, "Forecast spread σ (log-space)", null);
            input(a, 1, f.forecastSigma(), st.decimal, "NegSigma");
            text(a++, 2, "uncertainty of the 12-month forecast (lognormal)", null);
            text(a, 0, "12-month factor Σ (1 + g)^m", null);
            formula(a, 1, "IF(NegGrowth=0,12,((1+NegGrowth)^12-1)/NegGrowth)", factor);
            name("NegFactor", a, 1);
            text(a++, 2, "m = 0…11: the next 12 months per unit of this month", null);

            // models
            text(modelHead - 1, 0, "Volume and spend by model", st.section);
            header(modelHead, "Model", "Model id", "Tokens / month", "List / month", "Contracted / month",
                    "12-month forecast (list)");
            for (int i = 0; i < models; i++) {
                NegotiationFigures.ModelLine m = f.models().get(i);
                int r = firstModel + i;
                text(r, 0, m.displayName(), null);
                text(r, 1, m.modelId(), null);
                value(r, 2, m.monthlyTokens(), st.input(st.count));
                value(r, 3, m.monthlyList(), st.input(st.money));
                formula(r, 4, ref(r, 3) + "*(1-NegDiscount)", st.money);
                formula(r, 5, ref(r, 3) + "*NegFactor", st.money);
            }
            text(totalRow, 0, "Total", st.header);
            for (int c = 2; c <= 5; c++) {
                String range = models == 0 ? "0" : "SUM(" + ref(firstModel, c) + ":" + ref(totalRow - 1, c) + ")";
                formula(totalRow, c, range, c == 2 ? st.count : st.moneyBold);
            }
            String tokens = ref(totalRow, 2);
            String list = ref(totalRow, 3);

            // key figures
            text(kpi, 0, "Key figures", st.section);
            header(kpi + 1, "Figure", "Value", "Detail");
            int k = kpi + 2;
            kpiRow(k++, "Volume now (tokens a month)", tokens, st.count,
                    "on " + models + (models == 1 ? " model" : " models") + " of " + f.provider());
            kpiRow(k++, "Spend now, list (a month)", list, st.moneyBold, "pay-as-you-go list prices");
            kpiRow(k++, "Spend now, contracted (a month)", list + "*(1-NegDiscount)", st.moneyBold, "list less the contracted discount");
            kpiRow(k++, "Next 12 months, tokens", tokens + "*NegFactor", st.count, "this month grown by the monthly growth");
            kpiRow(k, "Next 12 months, list", list + "*NegFactor", st.moneyBold, "Σ monthly list · (1 + g)^m");
            name("NegAnnualList", k++, 1);
            kpiRow(k, "Next 12 months, contracted", "NegAnnualList*(1-NegDiscount)", st.moneyBold, "the base of any commitment");
            name("NegAnnualContracted", k++, 1);
            text(k, 0, "Contracted 12 months, P50", null);
            value(k, 1, BigDecimal.valueOf(f.p50AnnualContracted()), st.money);
            text(k++, 2, "Monte Carlo, 20,000 futures", null);
            text(k, 0, "Contracted 12 months, P90", null);
            value(k, 1, BigDecimal.valueOf(f.p90AnnualContracted()), st.money);
            text(k++, 2, "Monte Carlo, 20,000 futures", null);
            kpiRow(k++, "Safe commitment (P90)", "NegAnnualContracted*EXP(NegSigma*NORMSINV(0.1))", st.moneyBold,
                    "reached in 90 % of futures: the lognormal's 10 % quantile");
            if (f.commitment() != null) {
                text(k, 0, "Commitment on the table", null);
                value(k, 1, f.commitment().commitUsd(), st.money);
                text(k++, 2, f.commitment().name() + "; " + pct(f.commitment().shortfallProbability())
                        + " chance it is not used up", null);
            }

            // alternatives
            text(altSection, 0, "Alternatives at the same volume", st.section);
            header(altHead, "Alternative", "What", "12 months", "Discount to match", "Below our contracted");
            for (int i = 0; i < alts; i++) {
                NegotiationFigures.Alternative alt = f.alternatives().get(i);
                int r = firstAlt + i;
                text(r, 0, alt.kind(), null);
                text(r, 1, alt.label(), null);
                value(r, 2, alt.annualCost(), st.input(st.money));
                formula(r, 3, "MAX(0,1-" + ref(r, 2) + "/NegAnnualList)", pct2);
                formula(r, 4, "NegAnnualContracted-" + ref(r, 2), st.money);
            }

            text(pointsSection, 0, "Talking points (as exported: the text does not follow edits)", st.section);
            for (int i = 0; i < f.talkingPoints().size(); i++) {
                text(pointsSection + 1 + i, 0, "• " + f.talkingPoints().get(i), null);
            }

            sh.createFreezePane(1, 2);
            ExcelWorkbookExport.widths(sh, 34, 40, 18, 18, 20, 22);
            // printed for the meeting: landscape, one page wide
            sh.getPrintSetup().setLandscape(true);
            sh.setFitToPage(true);
            sh.getPrintSetup().setFitWidth((short) 1);
            sh.getPrintSetup().setFitHeight((short) 0);
            xl.setPrintArea(0, 0, 5, 0, assumptions + 6);
        }

        private void kpiRow(int r, String label, String formula, CellStyle style, String detail) {
            text(r, 0, label, null);
            formula(r, 1, formula, style);
            text(r, 2, detail, null);
        }

        private Row row(int r) {
            return sh.getRow(r) == null ? sh.createRow(r) : sh.getRow(r);
        }

        private void text(int r, int c, String v, CellStyle style) {
            Cell cell = row(r).createCell(c);
            cell.setCellValue(CellText.neutralise(v == null ? "" : v));
            if (style != null) {
                cell.setCellStyle(style);
            }
        }

        private void header(int r, String... titles) {
            for (int c = 0; c < titles.length; c++) {
                text(r, c, titles[c], st.header);
            }
        }

        private void value(int r, int c, BigDecimal v, CellStyle style) {
            Cell cell = row(r).createCell(c);
            cell.setCellValue(v.doubleValue());
            cell.setCellStyle(style);
        }

        private void input(int r, int c, BigDecimal v, CellStyle style, String name) {
            value(r, c, v, st.input(style));
            name(name, r, c);
        }

        private void formula(int r, int c, String formula, CellStyle style) {
            ExcelWorkbookExport.formula(row(r), c, formula, style);
        }

        private void name(String name, int r, int c) {
            Name n = xl.createName();
            n.setNameName(name);
            n.setRefersToFormula("'" + SHEET + "'!" + new CellReference(r, c, true, true).formatAsString());
        }

        private static String ref(int r, int c) {
            return new CellReference(r, c).formatAsString();
        }
    }

    // ================================================================ PDF

    /**
     * Writes the brief as a PDF: the key figures as cards, the talking points, volume and spend by model, the
     * alternatives with the discount that matches each, and {@code chart} (the same 12 months priced five ways;
     * may be {@code null}).
     */
    public static void pdf(NegotiationFigures f, org.jfree.chart.JFreeChart chart, Path out) throws IOException {
        pdf(f, chart, out, true);
    }

    /** {@code systemFonts} false forces the Standard-14 fonts; for tests. */
    static void pdf(NegotiationFigures f, org.jfree.chart.JFreeChart chart, Path out, boolean systemFonts) throws IOException {
        Pdf p = new Pdf(f, chart, systemFonts);
        try (var d = p.doc) {
            p.layout();
            AtomicFiles.replace(out, false, d::save);
        }
    }

    private static final class Pdf extends PdfPages {
        private final NegotiationFigures f;
        private final org.jfree.chart.JFreeChart chart;

        Pdf(NegotiationFigures f, org.jfree.chart.JFreeChart chart, boolean systemFonts) throws IOException {
            super(systemFonts);
            this.f = f;
            this.chart = chart;
        }

        void layout() throws IOException {
            var info = doc.getDocumentInformation();
            info.setTitle(safe(regular, "Negotiation brief: " + f.provider()));
            info.setSubject(safe(regular, f.workbookName()));
            info.setCreator("AI FinOps Workbench");
            newPage();
            header();
            cards();
            models();
            alternatives();
            chartAndPoints();
            method();
            cs.close();
            footers("Negotiation brief for " + f.provider() + " · " + f.workbookName() + " · prepared with AI FinOps Workbench");
        }

        private void header() throws IOException {
            fill(ACCENT, MARGIN, PAGE.getHeight() - 30, WIDTH, 4);
            y = PAGE.getHeight() - MARGIN - 8;
            String date = LONG_DATE.format(f.date());
            text(regular, 10, MUTED, MARGIN + WIDTH - width(regular, 10, date), y + 6, date);
            for (String line : wrap(bold, 22, "Negotiation brief: " + f.provider(), WIDTH - width(regular, 10, date) - 12)) {
                text(bold, 22, INK, MARGIN, y, line);
                y -= 26;
            }
            y += 6;
            for (String line : wrap(regular, 11, f.workbookName() + " · next 12 months from today's volume, "
                    + pct(f.monthlyGrowth()) + " growth a month", WIDTH)) {
                text(regular, 11, MUTED, MARGIN, y, line);
                y -= 15;
            }
            y -= 8;
        }

        /** Six cards, three a row: what the screen's cards show, money to the cent. */
        private void cards() throws IOException {
            String[][] c = {
                    {"Volume now (tokens)", tokensShort(f.monthlyTokens()), "a month, on " + f.models().size()
                            + (f.models().size() == 1 ? " model" : " models")},
                    {"Spend now (list)", Usd.format(f.monthlyList()), "a month"},
                    {"Spend now (contracted)", Usd.format(f.monthlyContracted()), pct(f.contractedDiscount()) + " off list, a month"},
                    {"Next 12 months (list)", Usd.format(f.forecastAnnualList()),
                            Usd.format(f.forecastAnnualContracted()) + " contracted"},
                    {"Contracted 12 months, P90", Usd.format(BigDecimal.valueOf(f.p90AnnualContracted())),
                            "P50 " + Usd.format(BigDecimal.valueOf(f.p50AnnualContracted())) + " (Monte Carlo)"},
                    {"Safe commitment (P90)", Usd.format(BigDecimal.valueOf(f.safeCommitP90())), "reached in 90 % of futures"}};
            float gap = 10;
            float w = (WIDTH - 2 * gap) / 3;
            float h = 50;
            for (int i = 0; i < c.length; i++) {
                int col = i % 3;
                if (col == 0 && i > 0) {
                    y -= h + gap;
                }
                float x = MARGIN + col * (w + gap);
                boolean key = i == 3 || i == 5;
                fill(SHADE, x, y - h, w, h);
                fill(key ? ACCENT : RULE, x, y - h, 3, h);
                text(regular, 8.5f, MUTED, x + 12, y - 13, truncate(regular, 8.5f, c[i][0], w - 20));
                text(bold, 15, INK, x + 12, y - 31, truncate(bold, 15, c[i][1], w - 20));
                text(regular, 8, MUTED, x + 12, y - 43, truncate(regular, 8, c[i][2], w - 20));
            }
            y -= h + 10;
        }

        /** As on the screen: the chart of the five prices on the left, the talking points beside it. */
        private void chartAndPoints() throws IOException {
            float gap = 12;
            float cw = chart == null ? 0 : WIDTH * 0.52f;
            float pw = WIDTH - cw - (chart == null ? 0 : gap);
            float size = 8.8f;
            float lead = 11.5f;
            List<List<String>> wrapped = new java.util.ArrayList<>();
            int lines = 0;
            for (String p : f.talkingPoints()) {
                List<String> l = wrap(regular, size, p, pw - 38);
                wrapped.add(l);
                lines += l.size();
            }
            float ph = f.talkingPoints().isEmpty() ? 0 : 30 + lines * lead + (wrapped.size() - 1) * 3;
            float ch = chart == null ? 0 : cw * 340 / 500;
            float h = Math.max(ph, ch);
            ensure(h + 8);
            if (chart != null) {
                drawChart(chart, MARGIN, y - (h - ch) / 2, cw, 500, 340);
            }
            if (ph > 0) {
                float x = MARGIN + WIDTH - pw;
                fill(SHADE, x, y - h, pw, h);
                fill(ACCENT, x, y - h, 3, h);
                text(bold, 11, INK, x + 14, y - 18, "Talking points");
                float ty = y - 34;
                for (List<String> p : wrapped) {
                    text(bold, size, ACCENT, x + 16, ty, "•");
                    for (String line : p) {
                        text(regular, size, INK, x + 28, ty, line);
                        ty -= lead;
                    }
                    ty -= 3;
                }
            }
            y -= h + 10;
        }

        private void models() throws IOException {
            section("Volume and spend by model");
            List<String[]> rows = new java.util.ArrayList<>();
            for (NegotiationFigures.ModelLine m : f.models()) {
                rows.add(new String[]{m.displayName(), grouped(m.monthlyTokens()), Usd.format(m.monthlyList()),
                        Usd.format(m.monthlyContracted()), Usd.format(m.forecastAnnualList())});
            }
            if (f.models().size() > 1) {
                rows.add(new String[]{"Total", grouped(f.monthlyTokens()), Usd.format(f.monthlyList()),
                        Usd.format(f.monthlyContracted()), Usd.format(f.forecastAnnualList())});
            }
            table(new String[]{"Model", "Tokens / month", "List / month", "Contracted / month", "12 months (list)"},
                    new float[]{0.22f, 0.19f, 0.17f, 0.22f, 0.20f}, new boolean[]{false, true, true, true, true}, rows, 0);
        }

        private void alternatives() throws IOException {
            section("Alternatives at the same volume");
            List<String[]> rows = new java.util.ArrayList<>();
            for (NegotiationFigures.Alternative a : f.alternatives()) {
                rows.add(new String[]{a.kind(), a.label(), Usd.format(a.annualCost()), pct(a.discountToMatch())});
            }
            table(new String[]{"Alternative", "What", "Next 12 months", "Discount to match"},
                    new float[]{0.30f, 0.36f, 0.17f, 0.17f}, new boolean[]{false, false, true, true}, rows, 0);
        }

        private void method() throws IOException {
            ensure(30);
            paragraph("How: next 12 months = this month × Σ (1 + g)^m, m = 0…11 (factor "
                    + f.growthFactor().setScale(4, RoundingMode.HALF_UP).toPlainString() + "); contracted = list × (1 − "
                    + pct(f.contractedDiscount()) + "); discount to match = 1 − alternative / 12 months at list; P50 and P90 "
                    + "from 20,000 Monte Carlo futures (lognormal, σ = " + f.forecastSigma().stripTrailingZeros().toPlainString()
                    + "), the safe commitment is its 10 % quantile. Amounts are rounded half-up to the cent only when printed.", 7.5f, MUTED);
        }
    }

    // ================================================================ numbers

    /** "48.45 %": a fraction to two decimals of a percent, half-up. */
    static String pct(BigDecimal fraction) {
        return fraction.movePointRight(2).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + " %";
    }

    static String pct(double fraction) {
        return Double.isNaN(fraction) ? "n/a" : pct(BigDecimal.valueOf(fraction));
    }

    private static String grouped(BigDecimal v) {
        return String.format(Locale.ROOT, "%,d", v.setScale(0, RoundingMode.HALF_UP).toBigInteger());
    }

    /** "8.10 billion": tokens for a card. */
    private static String tokensShort(BigDecimal v) {
        double a = v.doubleValue();
        if (a >= 1e12) return String.format(Locale.ROOT, "%.2f trillion", a / 1e12);
        if (a >= 1e9) return String.format(Locale.ROOT, "%.2f billion", a / 1e9);
        if (a >= 1e6) return String.format(Locale.ROOT, "%.1f million", a / 1e6);
        return grouped(v);
    }
}

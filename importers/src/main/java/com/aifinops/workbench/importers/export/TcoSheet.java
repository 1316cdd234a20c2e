package com.aifinops.workbench.importers.export;

import com.aifinops.workbench.model.decision.ApiOption;
import com.aifinops.workbench.model.decision.FactoryOption;
import com.aifinops.workbench.model.decision.GpuCapacity;
import com.aifinops.workbench.model.decision.NeocloudOption;
import com.aifinops.workbench.model.decision.TcoInputs;
import com.aifinops.workbench.model.workbook.Workbook;
import com.aifinops.workbench.model.workload.Workload;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The TCO sheet of the Excel export: the self-host vs API inputs in named cells and each option's annual cost at a
 * volume as live formulas, so the figures of the TCO screen can be re-derived and edited in Excel:
 * <pre>
 * TcoWorkbookTokens = 12 · Σ Users·Requests·Days·Overhead·(InputTokens + OutputTokens)
 * API_j     = 12 · (1 − Api_j_Discount) · Σ monthly(workload, model) · TcoVolume / TcoWorkbookTokens
 * steps     = CEILING(TcoVolume · (1 + headroom) / (tokens/GPU-s · 31,536,000 · utilisation · GPUs a step), 1)
 * neocloud  = steps · GPUs a step · 8,760 · $/GPU-h + FTE · loaded cost + software
 * factory   = steps · (capex / years + kW · PUE · 8,760 · $/kWh + network) + software + FTE · loaded cost
 * </pre>
 * {@code TcoVolume} starts at the workbook's own volume; type another volume over it to price that one.
 */
final class TcoSheet {
    private final ExcelWorkbookExport x;
    private final Sheet sh;
    private final Workbook wb;
    private final ExcelWorkbookExport.Styles st;
    private int r;

    TcoSheet(ExcelWorkbookExport x, Sheet sh) {
        this.x = x;
        this.sh = sh;
        this.wb = x.workbook();
        this.st = x.styles();
    }

    void fill() {
        TcoInputs in = wb.decisions().tco();
        x.text(sh, 0, 0, "Self-host vs API: annual cost at a volume", st.title);
        x.text(sh, 1, 0, "Edit the shaded cells. GPU options need CEILING(tokens · (1 + headroom) / (tokens per GPU-second · "
                + "31,536,000 s · utilisation · GPUs a step)) steps, billed all year.", null);
        r = 3;
        List<Integer> compared = comparedWorkloads(in);
        List<String> tokenTerms = new ArrayList<>();
        for (int n : compared) {
            tokenTerms.add("Users_" + n + "*Requests_" + n + "*Days_" + n + "*Overhead_" + n + "*(InputTokens_" + n + "+OutputTokens_" + n + ")");
        }
        x.text(sh, r, 0, "Workbook annual tokens", st.header);
        ExcelWorkbookExport.formula(row(r), 1, "12*(" + String.join("+", tokenTerms) + ")", st.count);
        x.name("TcoWorkbookTokens", sh, r++, 1);
        x.text(sh, r, 0, "Annual tokens priced (edit)", st.header);
        Row vr = row(r);
        org.apache.poi.ss.usermodel.Cell v = vr.createCell(1);
        v.setCellFormula("TcoWorkbookTokens");
        v.setCellStyle(st.input(st.count));
        x.name("TcoVolume", sh, r++, 1);
        r++;

        x.text(sh, r++, 0, "Options", st.section);
        x.header(sh, r++, "Option", "Annual cost", "$ / MTok", "GPUs", "How");
        // the inputs of every option go below the results; names resolve wherever they are
        int inputsRow = r + in.apis().size() + in.neoclouds().size() + in.factories().size() + 2;
        int ir = inputsRow;
        x.text(sh, ir++, 0, "API discounts off list", st.header);
        List<String[]> apiRows = new ArrayList<>();
        int j = 0;
        for (ApiOption a : in.apis()) {
            j++;
            String f = apiFormula(a, j, compared);
            if (f == null) {
                apiRows.add(new String[]{a.name() + " (model not exported)", null});
                continue;
            }
            x.text(sh, ir, 0, a.name(), null);
            x.input(sh, ir++, 1, a.discount(), st.percent, "Api" + j + "_Discount");
            apiRows.add(new String[]{a.name(), f});
        }
        ir++;
        for (String[] a : apiRows) {
            if (a[1] == null) {
                x.text(sh, r++, 0, a[0], null);
            } else {
                resultRow(a[0], a[1], "0", "pay-as-you-go, linear in volume");
            }
        }
        List<String[]> gpuRows = new ArrayList<>();
        for (int k = 0; k < in.neoclouds().size(); k++) {
            NeocloudOption o = in.neoclouds().get(k);
            String p = "Neo" + (k + 1) + "_";
            ir = inputBlock(ir, o.name(), p, o.capacity(), List.of(
                    new Object[]{"$ per GPU-hour", o.gpuHourUsd(), "GpuHour", st.price},
                    new Object[]{"Staff FTE", o.staffFte(), "Fte", st.decimal},
                    new Object[]{"Loaded cost per FTE", o.loadedCostPerFteUsd(), "FteCost", st.money},
                    new Object[]{"Software & licences / year", o.softwareAnnualUsd(), "Software", st.money}));
            String steps = steps(p);
            gpuRows.add(new String[]{o.name(), steps + "*" + p + "GpusPerStep*8760*" + p + "GpuHour+" + p + "Fte*" + p + "FteCost+" + p + "Software",
                    steps + "*" + p + "GpusPerStep", "rented GPUs all year + staff + software"});
        }
        for (int k = 0; k < in.factories().size(); k++) {
            FactoryOption o = in.factories().get(k);
            String p = "Own" + (k + 1) + "_";
            ir = inputBlock(ir, o.name(), p, o.capacity(), List.of(
                    new Object[]{"Capex per node", o.capexPerNodeUsd(), "Capex", st.money},
                    new Object[]{"Amortisation years", BigDecimal.valueOf(o.amortisationYears()), "Years", st.count},
                    new Object[]{"kW per node", o.powerKwPerNode(), "Kw", st.decimal},
                    new Object[]{"PUE", o.pue(), "Pue", st.decimal},
                    new Object[]{"$ per kWh", o.electricityUsdPerKwh(), "Kwh", st.price},
                    new Object[]{"Networking per node / year", o.networkingPerNodeAnnualUsd(), "Network", st.money},
                    new Object[]{"Software & licences / year", o.softwareAnnualUsd(), "Software", st.money},
                    new Object[]{"Staff FTE", o.staffFte(), "Fte", st.decimal},
                    new Object[]{"Loaded cost per FTE", o.loadedCostPerFteUsd(), "FteCost", st.money}));
            String steps = steps(p);
            gpuRows.add(new String[]{o.name(), steps + "*(" + p + "Capex/" + p + "Years+" + p + "Kw*" + p + "Pue*8760*" + p + "Kwh+"
                    + p + "Network)+" + p + "Software+" + p + "Fte*" + p + "FteCost", steps + "*" + p + "GpusPerStep",
                    "amortised nodes + power & cooling + network + software + staff"});
        }
        for (String[] g : gpuRows) {
            resultRow(g[0], g[1], g[2], g[3]);
        }
        x.text(sh, inputsRow - 1, 0, "Self-hosted inputs", st.section);
        sh.createFreezePane(1, 0);
        ExcelWorkbookExport.widths(sh, 36, 18, 12, 10, 52);
    }

    private Row row(int i) {
        return sh.getRow(i) == null ? sh.createRow(i) : sh.getRow(i);
    }

    private void resultRow(String name, String annual, String gpus, String how) {
        x.text(sh, r, 0, name, null);
        Row row = row(r);
        ExcelWorkbookExport.formula(row, 1, annual, st.moneyBold);
        String cost = new org.apache.poi.ss.util.CellReference(r, 1).formatAsString();
        ExcelWorkbookExport.formula(row, 2, cost + "*1000000/TcoVolume", st.price);
        ExcelWorkbookExport.formula(row, 3, gpus, st.count);
        x.text(sh, r, 4, how, null);
        r++;
    }

    private static String steps(String p) {
        return "CEILING(TcoVolume*(1+" + p + "Headroom)/(" + p + "Tps*31536000*" + p + "Util*" + p + "GpusPerStep),1)";
    }

    /** The workloads compared, by their 1-based export index. */
    private List<Integer> comparedWorkloads(TcoInputs in) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < wb.workloads().size(); i++) {
            if (in.workload() == null || in.workload().isBlank() || wb.workloads().get(i).name().equals(in.workload())) {
                out.add(i + 1);
            }
        }
        return out;
    }

    private String apiFormula(ApiOption a, int j, List<Integer> compared) {
        List<String> monthly = new ArrayList<>();
        for (int n : compared) {
            Workload w = wb.workloads().get(n - 1);
            Integer k = x.priceIndex(a.modelId() == null ? w.modelId() : a.modelId());
            if (k == null) {
                return null;
            }
            String h = "CacheHit_" + n;
            monthly.add("Users_" + n + "*Requests_" + n + "*Days_" + n + "*Overhead_" + n + "*(InputTokens_" + n + "*(PriceIn_" + k
                    + "*(1-" + h + ")+PriceHit_" + k + "*" + h + ")+OutputTokens_" + n + "*PriceOut_" + k + ")/1000000");
        }
        String discount = "Api" + j + "_Discount";
        return "12*(1-" + discount + ")*(" + String.join("+", monthly) + ")*TcoVolume/TcoWorkbookTokens";
    }

    private int inputBlock(int at, String title, String p, GpuCapacity c, List<Object[]> more) {
        x.text(sh, at++, 0, title, st.header);
        x.text(sh, at, 0, "Tokens per GPU-second", null);
        x.input(sh, at++, 1, c.tokensPerGpuSecond(), st.count, p + "Tps");
        x.text(sh, at, 0, "Utilisation", null);
        x.input(sh, at++, 1, c.utilisation(), st.percent, p + "Util");
        x.text(sh, at, 0, "Headroom for peaks", null);
        x.input(sh, at++, 1, c.headroom(), st.percent, p + "Headroom");
        x.text(sh, at, 0, "GPUs a step", null);
        x.input(sh, at++, 1, BigDecimal.valueOf(c.gpusPerStep()), st.count, p + "GpusPerStep");
        for (Object[] m : more) {
            x.text(sh, at, 0, (String) m[0], null);
            x.input(sh, at++, 1, (BigDecimal) m[1], (org.apache.poi.ss.usermodel.CellStyle) m[3], p + m[2]);
        }
        return at + 1;
    }
}

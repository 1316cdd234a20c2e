package com.aifinops.workbench.app;

import com.aifinops.workbench.importers.export.ChartImages;
import com.aifinops.workbench.importers.export.CsvTables;
import com.aifinops.workbench.importers.export.ExcelWorkbookExport;
import com.aifinops.workbench.importers.export.PdfBrief;
import com.aifinops.workbench.importers.export.Table;
import com.aifinops.workbench.importers.export.WorkbookTables;
import com.aifinops.workbench.model.Usd;
import com.aifinops.workbench.model.price.ModelPrice;
import com.aifinops.workbench.model.workbook.Note;
import com.aifinops.workbench.model.workbook.Scenario;
import com.aifinops.workbench.model.workbook.Workbook;
import com.aifinops.workbench.model.workload.Workload;
import com.aifinops.workbench.pricing.catalog.PriceCatalog;
import com.aifinops.workbench.pricing.engine.WorkbookCosts;
import com.aifinops.workbench.pricing.engine.WorkloadCost;
import com.aifinops.workbench.pricing.engine.WorkloadCostCalculator;
import com.aifinops.workbench.views.studio.CostCurvePlot;
import com.aifinops.workbench.views.studio.StudioResult;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The exports the window and the CLI share: Excel with live formulas, CSV of every table, the cost-curve chart as
 * PNG or SVG, and the PDF brief. None needs the JavaFX toolkit (the charts are plain JFreeCharts).
 */
public final class WorkbookExports {
    private WorkbookExports() {
    }

    /**
     * The Excel formulas know the core formula only, so a workload stated per month, as conversations, with
     * reasoning tokens or a batch share is exported as its exact core equivalent (users = requests or conversations
     * per month, 1 a day for 1 day, tokens per unit); every figure stays the app's to the cent.
     */
    public static void xlsx(Workbook wb, PriceCatalog catalog, Path out) throws IOException {
        Workbook core = wb.withWorkloads(wb.workloads().stream().map(WorkloadCostCalculator::asCoreWorkload).toList());
        ExcelWorkbookExport.write(core, WorkbookCosts.pricesUsed(wb, catalog), out);
    }

    /** Writes the input tables and {@code costs.csv} into {@code dir}; returns the files written. */
    public static List<Path> csv(Workbook wb, PriceCatalog catalog, Path dir) throws IOException {
        List<Table> tables = new ArrayList<>(WorkbookTables.inputs(wb, WorkbookCosts.pricesUsed(wb, catalog)));
        tables.add(costs(wb, catalog));
        return CsvTables.writeAll(tables, dir);
    }

    /** The studio's cost-curve chart as a 1200×700 PNG. */
    public static void chartPng(StudioResult r, Path out) throws IOException {
        ChartImages.png(CostCurvePlot.of(r), 1200, 700, out);
    }

    /** The studio's cost-curve chart as a 1200×700 SVG (text as text, lines as vectors). */
    public static void chartSvg(StudioResult r, Path out) throws IOException {
        ChartImages.svg(CostCurvePlot.of(r), 1200, 700, out);
    }

    /** The first workload's cost curve on its models, as the studio shows it on opening {@code wb}. */
    public static StudioResult curve(Workbook wb, PriceCatalog catalog) {
        Workload w = wb.workloads().get(0);
        return StudioResult.of(w, models(wb, w, WorkbookCosts.catalogFor(wb, catalog)));
    }

    /** The PDF brief of {@code wb} as it stands, dated {@code date}. */
    public static void pdf(Workbook wb, PriceCatalog catalog, LocalDate date, Path out) throws IOException {
        PdfBrief.write(brief(wb, catalog, date), out);
    }

    /** Every figure of the brief, priced like everywhere else: {@link WorkloadCostCalculator} on the workbook's rows. */
    public static PdfBrief.Brief brief(Workbook wb, PriceCatalog catalog, LocalDate date) {
        PriceCatalog c = WorkbookCosts.catalogFor(wb, catalog);
        List<PdfBrief.WorkloadBlock> blocks = new ArrayList<>();
        for (Workload w : wb.workloads()) {
            List<ModelPrice> models = models(wb, w, c);
            List<PdfBrief.ModelCost> costs = new ArrayList<>();
            for (ModelPrice m : models) {
                WorkloadCost cost = WorkloadCostCalculator.cost(w, m.prices());
                costs.add(new PdfBrief.ModelCost(m.id(), m.displayName(), m.provider(), cost.costPerRequest(), cost.monthlyCost()));
            }
            List<PdfBrief.ScenarioCosts> scenarios = new ArrayList<>();
            for (Scenario s : wb.scenarios()) {
                if (s.appliesTo(w)) {
                    Workload sw = s.applyTo(w);
                    List<BigDecimal> monthly = models.stream()
                            .map(m -> WorkloadCostCalculator.cost(sw, m.prices()).monthlyCost()).toList();
                    scenarios.add(new PdfBrief.ScenarioCosts(s.name(), monthly));
                }
            }
            blocks.add(new PdfBrief.WorkloadBlock(w, costs, scenarios,
                    models.isEmpty() ? null : CostCurvePlot.of(StudioResult.of(w, models))));
        }
        List<String> notes = wb.notes().stream().filter(n -> !n.internal()).map(Note::text).toList();
        return new PdfBrief.Brief(wb.name(), date, blocks, wb.scenarios(), notes, WorkbookCosts.pricesUsed(wb, catalog));
    }

    private static List<ModelPrice> models(Workbook wb, Workload w, PriceCatalog c) {
        return wb.modelsFor(w).stream().map(c::find).flatMap(java.util.Optional::stream).toList();
    }

    /** Every priced case, money rounded half-up to the cent and the per-request cost to 6 decimals. */
    public static Table costs(Workbook wb, PriceCatalog catalog) {
        List<List<Object>> rows = new ArrayList<>();
        for (WorkbookCosts.Case c : WorkbookCosts.of(wb, catalog)) {
            rows.add(Arrays.asList(c.scenario() == null ? "" : c.scenario(), c.workload().name(), c.model().id(),
                    c.model().displayName(), c.cost().requestsPerMonth(), Usd.round(c.cost().costPerRequest(), 6),
                    Usd.cents(c.cost().inputCost()), Usd.cents(c.cost().outputCost()), Usd.cents(c.cost().monthlyCost())));
        }
        return new Table("costs", List.of("scenario", "workload", "model_id", "model", "requests_per_month",
                "cost_per_request_usd", "input_cost_usd", "output_cost_usd", "monthly_cost_usd"), rows);
    }
}

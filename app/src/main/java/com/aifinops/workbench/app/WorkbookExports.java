package com.aifinops.workbench.app;

import com.aifinops.workbench.importers.export.CsvTables;
import com.aifinops.workbench.importers.export.ExcelWorkbookExport;
import com.aifinops.workbench.importers.export.Table;
import com.aifinops.workbench.importers.export.WorkbookTables;
import com.aifinops.workbench.model.Usd;
import com.aifinops.workbench.model.workbook.Workbook;
import com.aifinops.workbench.pricing.catalog.PriceCatalog;
import com.aifinops.workbench.pricing.engine.WorkbookCosts;
import com.aifinops.workbench.pricing.engine.WorkloadCostCalculator;
import com.aifinops.workbench.views.studio.CostCurveChart;
import com.aifinops.workbench.views.studio.StudioResult;
import org.jfree.chart.ChartUtils;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The exports the window and the CLI share: Excel with live formulas, CSV of every table, the chart as PNG. */
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

    /** The studio's cost-curve chart as a 1200×700 PNG. Call on the FX thread (the chart class builds its viewer). */
    public static void chartPng(StudioResult r, Path out) throws IOException {
        CostCurveChart chart = new CostCurveChart();
        chart.show(r);
        ChartUtils.saveChartAsPNG(out.toFile(), chart.chart(), 1200, 700);
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

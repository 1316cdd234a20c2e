package com.aifinops.workbench.app.cli;

import com.aifinops.workbench.app.WorkbookExports;
import com.aifinops.workbench.importers.workbook.WorkbookJson;
import com.aifinops.workbench.model.workbook.Workbook;
import com.aifinops.workbench.pricing.catalog.BuiltInCatalog;
import com.aifinops.workbench.pricing.catalog.PriceCatalog;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;

/** {@code export}: a workbook to Excel with live formulas and/or to CSV tables. */
final class ExportCommand implements Command {
    private final PriceCatalog catalog = BuiltInCatalog.get();

    @Override
    public String name() {
        return "export";
    }

    @Override
    public String summary() {
        return "export a workbook to Excel (live formulas) or CSV";
    }

    @Override
    public String help() {
        return """
                Usage: export WORKBOOK [--xlsx OUT.xlsx] [--csv DIR]

                  --xlsx OUT.xlsx  Excel workbook: an Inputs sheet of named assumption cells, one sheet per
                                   workload and per scenario whose costs are live formulas over those cells,
                                   a Summary sheet (chart-ready), notes and usage rollups
                  --csv DIR        one CSV per table (workloads, prices, scenarios, notes, usage_rollups, costs)

                At least one of --xlsx and --csv. Text starting with = + - @ tab or CR is written with a leading
                apostrophe so a spreadsheet never runs it as a formula.
                """;
    }

    @Override
    public int run(String[] argv, PrintStream out, PrintStream err) throws Exception {
        Args args = Args.parse(name(), argv, Set.of("xlsx", "csv"), Set.of());
        Path file = WorkbookArg.single(name(), args);
        if (!args.has("xlsx") && !args.has("csv")) {
            throw new CliException("export needs --xlsx OUT.xlsx or --csv DIR (see 'export --help')");
        }
        Workbook wb = WorkbookJson.read(file);
        if (args.has("xlsx")) {
            Path x = Path.of(args.require("xlsx"));
            WorkbookExports.xlsx(wb, catalog, x);
            out.println("wrote " + x);
        }
        if (args.has("csv")) {
            for (Path p : WorkbookExports.csv(wb, catalog, Path.of(args.require("csv")))) {
                out.println("wrote " + p);
            }
        }
        return Cli.OK;
    }
}

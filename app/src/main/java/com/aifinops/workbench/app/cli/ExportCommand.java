package com.aifinops.workbench.app.cli;

import com.aifinops.workbench.app.WorkbookExports;
import com.aifinops.workbench.importers.workbook.WorkbookJson;
import com.aifinops.workbench.model.workbook.Workbook;
import com.aifinops.workbench.pricing.catalog.BuiltInCatalog;
import com.aifinops.workbench.pricing.catalog.PriceCatalog;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;

/** {@code export}: a workbook to Excel with live formulas, CSV tables, a PDF brief and/or the cost chart as SVG. */
final class ExportCommand implements Command {
    private final PriceCatalog catalog = BuiltInCatalog.get();

    @Override
    public String name() {
        return "export";
    }

    @Override
    public String summary() {
        return "export a workbook to Excel (live formulas), CSV, a PDF brief or an SVG chart";
    }

    @Override
    public String help() {
        return """
                Usage: export WORKBOOK [--xlsx OUT.xlsx] [--csv DIR] [--pdf OUT.pdf [--date YYYY-MM-DD]] [--svg OUT.svg]

                  --xlsx OUT.xlsx  Excel workbook: an Inputs sheet of named assumption cells, one sheet per
                                   workload and per scenario whose costs are live formulas over those cells,
                                   a Summary sheet (chart-ready), notes and usage rollups
                  --csv DIR        one CSV per table (workloads, prices, scenarios, notes, usage_rollups, costs)
                  --pdf OUT.pdf    a brief to send: headline cost, each workload's assumptions and monthly cost
                                   per model, the cost-vs-cache-hit chart, scenarios, notes that are not
                                   internal, and the price rows with their sources (US Letter)
                  --date D         the date printed on the brief (default today)
                  --svg OUT.svg    the first workload's monthly cost against the cache hit rate, one line per
                                   model, as a 1200×700 SVG

                At least one of --xlsx, --csv, --pdf and --svg. Text starting with = + - @ tab or CR is written with a leading
                apostrophe so a spreadsheet never runs it as a formula.
                """;
    }

    @Override
    public int run(String[] argv, PrintStream out, PrintStream err) throws Exception {
        Args args = Args.parse(name(), argv, Set.of("xlsx", "csv", "pdf", "svg", "date"), Set.of());
        Path file = WorkbookArg.single(name(), args);
        if (!args.has("xlsx") && !args.has("csv") && !args.has("pdf") && !args.has("svg")) {
            throw new CliException("export needs --xlsx OUT.xlsx, --csv DIR, --pdf OUT.pdf or --svg OUT.svg (see 'export --help')");
        }
        if (args.has("date") && !args.has("pdf")) {
            throw new CliException("--date is the date printed on the brief: it needs --pdf (export)");
        }
        LocalDate date = LocalDate.now();
        if (args.has("date")) {
            try {
                date = LocalDate.parse(args.require("date"));
            } catch (DateTimeParseException e) {
                throw new CliException("--date: expected YYYY-MM-DD, got '" + args.require("date") + "'");
            }
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
        if (args.has("pdf")) {
            Path p = Path.of(args.require("pdf"));
            WorkbookExports.pdf(wb, catalog, date, p);
            out.println("wrote " + p);
        }
        if (args.has("svg")) {
            Path p = Path.of(args.require("svg"));
            WorkbookExports.chartSvg(WorkbookExports.curve(wb, catalog), p);
            out.println("wrote " + p);
        }
        return Cli.OK;
    }
}

package com.aifinops.workbench.app.cli;

import com.aifinops.workbench.app.ledger.H2ImportService;
import com.aifinops.workbench.app.ledger.LedgerQueries;
import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.app.store.H2MappingStore;
import com.aifinops.workbench.importers.usage.UsageReader;
import com.aifinops.workbench.importers.usage.UsageReaders;
import com.aifinops.workbench.model.Usd;
import com.aifinops.workbench.model.ledger.ColumnMappings;
import com.aifinops.workbench.model.ledger.ImportResult;
import com.aifinops.workbench.model.ledger.ImportService;
import com.aifinops.workbench.model.usage.ImportProblem;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code import FILE…}: usage and billing files into the ledger, one transaction per file. */
final class ImportCommand implements Command {
    private static final int ERRORS_SHOWN = 10;

    @Override
    public String name() {
        return "import";
    }

    @Override
    public String summary() {
        return "import usage files into the ledger (priced, deduplicated, restatements replace)";
    }

    @Override
    public String help() {
        return """
                Usage: import [--db PATH] [--format F | --mapping NAME] [--valid-rest] [--keep-rows] [--json] FILE...

                  Each file is one transaction: it lands whole or not at all. The format is detected unless --format
                  names it (%s).
                  Every line is priced with the catalogue in force; a model it does not know stays unpriced (no
                  priced cost, never $0) and is listed. A file imported before is skipped as a duplicate; a file of
                  the same source that restates a period replaces the earlier rows of that period.
                  --mapping NAME  read the files through a saved column mapping (see 'mapping')
                  --valid-rest  keep the valid lines of a file with bad ones (default: reject the whole file)
                  --keep-rows   keep every source row for drill-down (default: daily rollups only, much faster)
                  --json        {"files":[{"file","format","status","imported","replaced","duplicates","rejected",
                                "billedCostUsd","pricedCostUsd","unpricedModels","warnings","batchId","errors":[…]}]}
                  --db PATH     the database file (default: the app's own)
                Exit status 1 when any file was rejected.
                """.formatted(UsageReaders.all().stream().map(UsageReader::format).collect(Collectors.joining(", ")));
    }

    @Override
    public int run(String[] tokens, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse("import", tokens, Set.of("db", "format", "mapping"), Set.of("valid-rest", "keep-rows", "json"));
        if (a.positional().isEmpty()) throw new CliException("import needs at least one FILE");
        if (a.has("format") && a.has("mapping")) throw new CliException("--format and --mapping exclude each other");
        String format = a.get("format").orElse(null);
        if (format != null && UsageReaders.byFormat(format).isEmpty()) {
            throw new CliException("--format: unknown format '" + format + "' (known: "
                    + UsageReaders.all().stream().map(UsageReader::format).collect(Collectors.joining(", ")) + ")");
        }
        List<Path> files = new ArrayList<>();
        for (String f : a.positional()) {
            Path p = Path.of(f);
            if (!Files.isRegularFile(p)) throw new CliException("no such file: " + f);
            files.add(p);
        }
        ImportService.RejectPolicy policy = a.has("valid-rest") ? ImportService.RejectPolicy.IMPORT_VALID_REST
                : ImportService.RejectPolicy.ALL_OR_NOTHING;
        boolean failed = false;
        List<Map<String, Object>> json = new ArrayList<>();
        try (Database db = DbOption.open(a)) {
            if (a.has("mapping")) {
                String name = a.get("mapping").orElseThrow();
                H2MappingStore store = new H2MappingStore(db);
                if (store.get(name) == null) {
                    throw new CliException("--mapping: no mapping named '" + name + "' (saved: "
                            + (store.names().isEmpty() ? "none" : String.join(", ", store.names())) + ")");
                }
                format = ColumnMappings.FORMAT_PREFIX + name;
            }
            H2ImportService service = new H2ImportService(db, H2ImportService.Options.DEFAULT.withKeepRows(a.has("keep-rows")));
            LedgerQueries queries = new LedgerQueries(db);
            for (Path file : files) {
                ImportResult r = service.importFile(file, format, policy, ImportService.ImportProgress.NONE);
                failed |= r.status() == ImportResult.Status.REJECTED || r.status() == ImportResult.Status.CANCELLED;
                BigDecimal priced = r.batchId() == null ? null : queries.batchPricedCost(r.batchId());
                if (a.has("json")) {
                    json.add(json(r, priced));
                } else {
                    print(r, priced, out);
                }
            }
        }
        if (a.has("json")) out.println(Json.write(Map.of("files", json)));
        return failed ? Cli.FAILED : Cli.OK;
    }

    private static Map<String, Object> json(ImportResult r, BigDecimal priced) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("file", r.file());
        j.put("format", r.format());
        j.put("status", r.status().name());
        j.put("imported", r.imported());
        j.put("replaced", r.replaced());
        j.put("duplicates", r.duplicates());
        j.put("rejected", r.rejected());
        j.put("billedCostUsd", r.billedCost() == null ? null : Usd.cents(r.billedCost()).toPlainString());
        j.put("pricedCostUsd", priced == null ? null : Usd.cents(priced).toPlainString());
        j.put("unpricedModels", r.unpricedModels());
        j.put("warnings", r.problems().stream().filter(p -> p.severity() == ImportProblem.Severity.WARNING).count());
        j.put("batchId", r.batchId());
        List<Map<String, Object>> errors = new ArrayList<>();
        for (ImportProblem p : r.problems()) {
            if (p.severity() != ImportProblem.Severity.ERROR) continue;
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("line", p.line());
            e.put("column", p.column());
            e.put("value", p.value());
            e.put("message", p.message());
            errors.add(e);
        }
        j.put("errors", errors);
        return j;
    }

    private static void print(ImportResult r, BigDecimal priced, PrintStream out) {
        out.printf("%s (%s): %s, %,d imported, %,d replaced, %,d duplicates skipped, %,d rejected; billed %s, priced %s%n",
                r.file(), r.format() == null ? "unknown format" : r.format(), r.status().name().toLowerCase(java.util.Locale.ROOT),
                r.imported(), r.replaced(), r.duplicates(), r.rejected(),
                r.billedCost() == null ? "—" : Usd.format(r.billedCost()), priced == null ? "—" : Usd.format(priced));
        if (!r.unpricedModels().isEmpty()) {
            out.println("  unpriced models (not in the catalogue): " + String.join(", ", r.unpricedModels()));
        }
        List<ImportProblem> errors = r.problems().stream().filter(p -> p.severity() == ImportProblem.Severity.ERROR).toList();
        errors.stream().limit(ERRORS_SHOWN).forEach(p -> out.println("  error: " + p));
        long more = r.rejected() - Math.min(ERRORS_SHOWN, errors.size());
        if (errors.size() > ERRORS_SHOWN || more > 0) {
            out.printf("  … %,d more rejected lines (--json lists the first 1,000 problems)%n", Math.max(0, errors.size() - ERRORS_SHOWN));
        }
        long warnings = r.problems().stream().filter(p -> p.severity() == ImportProblem.Severity.WARNING).count();
        r.problems().stream().filter(p -> p.severity() == ImportProblem.Severity.WARNING).limit(3)
                .forEach(p -> out.println("  warning: " + p));
        if (warnings > 3) out.printf("  … %,d more warnings%n", warnings - 3);
    }
}

package com.aifinops.workbench.app.cli;

import com.aifinops.workbench.app.ledger.H2ImportService;
import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.model.Usd;
import com.aifinops.workbench.model.ledger.ImportBatch;

import java.io.PrintStream;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code batches [remove ID]}: the files in the ledger, and taking one out with everything it brought. */
final class BatchesCommand implements Command {
    @Override
    public String name() {
        return "batches";
    }

    @Override
    public String summary() {
        return "list the imported files in the ledger, or remove one";
    }

    @Override
    public String help() {
        return """
                Usage: batches [--db PATH] [--json]
                       batches remove ID [--db PATH]

                  list     one line per imported file, newest first: id, format, rows it holds (after later files
                           replaced restated periods), rejected lines, billed cost, when, file.
                           --json: [{"id","file","format","rows","rejected","warnings","billedCostUsd","importedAt"}]
                  remove   deletes the batch with its rows, daily rollups, problems and invoices
                  --db PATH the database file (default: the app's own)
                """;
    }

    @Override
    public int run(String[] tokens, PrintStream out, PrintStream err) throws Exception {
        if (tokens.length > 0 && tokens[0].equals("remove")) {
            Args a = Args.parse("batches remove", Arrays.copyOfRange(tokens, 1, tokens.length), Set.of("db"), Set.of());
            if (a.positional().size() != 1) throw new CliException("batches remove needs one batch ID");
            long id;
            try {
                id = Long.parseLong(a.positional().get(0).trim());
            } catch (NumberFormatException e) {
                throw new CliException("batches remove: expected a batch id (a whole number), got '" + a.positional().get(0) + "'");
            }
            try (Database db = DbOption.open(a)) {
                H2ImportService service = new H2ImportService(db);
                ImportBatch b = service.batches().stream().filter(x -> x.id() == id).findFirst().orElse(null);
                if (b == null || !service.removeBatch(id)) {
                    err.println("error: no batch " + id + " (see 'batches')");
                    return Cli.FAILED;
                }
                out.printf("removed batch %d (%s, %,d rows)%n", id, b.file(), b.rows());
            }
            return Cli.OK;
        }
        Args a = Args.parse("batches", tokens, Set.of("db"), Set.of("json"));
        if (!a.positional().isEmpty()) {
            throw new CliException("unknown batches action '" + a.positional().get(0) + "' (list, or remove ID)");
        }
        List<ImportBatch> batches;
        try (Database db = DbOption.open(a)) {
            batches = new H2ImportService(db).batches();
        }
        if (a.has("json")) {
            out.println(Json.write(batches.stream().map(BatchesCommand::json).toList()));
            return Cli.OK;
        }
        out.printf("%6s  %-20s %12s %9s %14s  %-20s  %s%n", "ID", "FORMAT", "ROWS", "REJECTED", "BILLED", "IMPORTED", "FILE");
        for (ImportBatch b : batches) {
            out.printf("%6d  %-20s %,12d %,9d %14s  %-20s  %s%n", b.id(), b.format(), b.rows(), b.rejected(),
                    b.billedCost() == null ? "—" : Usd.format(b.billedCost()), b.importedAt().truncatedTo(ChronoUnit.SECONDS), b.file());
        }
        out.printf("%d batches%n", batches.size());
        return Cli.OK;
    }

    private static Map<String, Object> json(ImportBatch b) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("id", b.id());
        j.put("file", b.file());
        j.put("format", b.format());
        j.put("rows", b.rows());
        j.put("rejected", b.rejected());
        j.put("warnings", b.warnings());
        j.put("billedCostUsd", b.billedCost() == null ? null : Usd.cents(b.billedCost()).toPlainString());
        j.put("importedAt", b.importedAt().truncatedTo(ChronoUnit.SECONDS).toString());
        return j;
    }
}

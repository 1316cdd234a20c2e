package com.aifinops.workbench.app.cli;

import com.aifinops.workbench.app.catalog.CatalogService;
import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.model.price.ContextTier;
import com.aifinops.workbench.model.price.ContractTerm;
import com.aifinops.workbench.model.price.PriceRow;
import com.aifinops.workbench.model.price.Rates;
import com.aifinops.workbench.pricing.catalog.Catalog;
import com.aifinops.workbench.pricing.engine.Contracts;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code catalog list|show|import|contract}: the price catalogue and negotiated terms. */
final class CatalogCommand implements Command {
    @Override
    public String name() {
        return "catalog";
    }

    @Override
    public String summary() {
        return "list, show and import model prices; set contract terms";
    }

    @Override
    public String help() {
        return """
                Usage: catalog list [--provider P] [--date YYYY-MM-DD] [--db PATH] [--json]
                       catalog show MODEL [--date YYYY-MM-DD] [--db PATH] [--json]
                       catalog import FILE [--format litellm|langfuse] [--as-of YYYY-MM-DD] [--db PATH] [--json]
                       catalog contract (--provider P | --model M) (--discount PCT | --input-price P --output-price P
                                        [--cached-price P]) [--db PATH]

                  list      one line per model: the row in force on the date (default today), prices in USD per MTok
                  show      the row in force with its context tiers, contract term, conflicting rows and history
                  import    a LiteLLM price map or Langfuse model list (per-token USD), detected from the JSON;
                            prints rows imported, unchanged (already there), conflicting and skipped with reasons.
                            Importing the same file twice adds nothing.
                  contract  a negotiated discount or contracted prices, kept apart from list prices; used by
                            'cost --contracted'
                  --db PATH the database file (default: the app's own)
                """;
    }

    @Override
    public int run(String[] tokens, PrintStream out, PrintStream err) throws Exception {
        if (tokens.length == 0) {
            throw new CliException("catalog needs list, show, import or contract (see 'catalog --help')");
        }
        String[] rest = Arrays.copyOfRange(tokens, 1, tokens.length);
        return switch (tokens[0]) {
            case "list" -> list(Args.parse("catalog list", rest, Set.of("provider", "date", "db"), Set.of("json")), out, err);
            case "show" -> show(Args.parse("catalog show", rest, Set.of("date", "db"), Set.of("json")), out, err);
            case "import" -> importFile(Args.parse("catalog import", rest, Set.of("format", "as-of", "db"), Set.of("json")), out);
            case "contract" -> contract(Args.parse("catalog contract", rest,
                    Set.of("provider", "model", "discount", "input-price", "cached-price", "output-price", "db"), Set.of()), out);
            default -> throw new CliException("unknown catalog action '" + tokens[0] + "' (list, show, import or contract)");
        };
    }

    private static Catalog load(Args a, PrintStream err) throws Exception {
        try (Database db = DbOption.openIfPresent(a, err)) {
            return new CatalogService(db).catalog();
        }
    }

    private static LocalDate date(Args a) throws CliException {
        try {
            return a.get("date").map(LocalDate::parse).orElse(LocalDate.now());
        } catch (DateTimeParseException e) {
            throw new CliException("--date: expected YYYY-MM-DD, got '" + a.get("date").orElse("") + "'");
        }
    }

    private int list(Args a, PrintStream out, PrintStream err) throws Exception {
        Catalog c = load(a, err);
        LocalDate date = date(a);
        Set<String> ids = new LinkedHashSet<>();
        c.rows().forEach(r -> ids.add(r.modelId()));
        List<PriceRow> rows = new ArrayList<>();
        for (String id : ids) {
            c.resolve(id, date).map(Catalog.Resolution::row)
                    .filter(r -> a.get("provider").map(p -> r.provider().equalsIgnoreCase(p)).orElse(true))
                    .ifPresent(rows::add);
        }
        rows.sort((x, y) -> x.modelId().compareTo(y.modelId()));
        if (a.has("json")) {
            out.println(Json.write(rows.stream().map(CatalogCommand::json).toList()));
            return Cli.OK;
        }
        out.printf("%-44s %-18s %10s %10s %10s  %s%n", "MODEL", "PROVIDER", "INPUT", "CACHED", "OUTPUT", "TIERS");
        for (PriceRow r : rows) {
            out.printf("%-44s %-18s %10s %10s %10s  %s%n", r.modelId(), r.provider(), plain(r.base().input()),
                    r.base().cachedRead() == null ? "—" : plain(r.base().cachedRead()), plain(r.base().output()),
                    r.tiers().isEmpty() ? "" : r.tiers().stream().map(t -> ">" + t.aboveTokens()).toList());
        }
        out.printf("%d models (USD per MTok, in force on %s)%n", rows.size(), date);
        return Cli.OK;
    }

    private int show(Args a, PrintStream out, PrintStream err) throws Exception {
        if (a.positional().size() != 1) {
            throw new CliException("catalog show needs one MODEL");
        }
        String name = a.positional().get(0);
        Catalog c = load(a, err);
        LocalDate date = date(a);
        Catalog.Resolution r = c.resolve(name, date).orElseThrow(() -> new CliException("unknown model '" + name + "'"
                + (c.matching(name).isEmpty() ? "" : " on " + date)));
        Optional<ContractTerm> term = c.termFor(r.row());
        if (a.has("json")) {
            Map<String, Object> j = json(r.row());
            j.put("contract", term.map(Contracts::describe).orElse(null));
            j.put("conflicts", r.conflicts().stream().map(CatalogCommand::json).toList());
            j.put("history", c.matching(name).stream().map(CatalogCommand::json).toList());
            out.println(Json.write(j));
            return Cli.OK;
        }
        PriceRow row = r.row();
        out.printf("%s (%s), %s%n", row.displayName(), row.modelId(), row.provider());
        out.printf("Source:     %s, as of %s%s%n", row.source(), row.asOf(),
                row.effectiveFrom() == null ? "" : ", effective " + row.effectiveFrom() + (row.effectiveUntil() == null ? "" : " to " + row.effectiveUntil()));
        out.printf("Base tier:  %s%n", rates(row.base()));
        for (ContextTier t : row.tiers()) {
            out.printf("Above %,d prompt tokens: %s%n", t.aboveTokens(), rates(t.rates()));
        }
        out.printf("Batch:      input $%s, output $%s per MTok%n", plain(row.batchInputOr(row.base().input())),
                plain(row.batchOutputOr(row.base().output())));
        out.printf("Contract:   %s%n", term.map(Contracts::describe).orElse("none (list price)"));
        for (PriceRow x : r.conflicts()) {
            out.printf("CONFLICT:   %s says %s%n", x.describe(), rates(x.base()));
        }
        return Cli.OK;
    }

    private int importFile(Args a, PrintStream out) throws Exception {
        if (a.positional().size() != 1) {
            throw new CliException("catalog import needs one FILE");
        }
        Path file = Path.of(a.positional().get(0));
        if (!Files.isRegularFile(file)) {
            throw new CliException("no such file: " + file);
        }
        String format = a.get("format").map(f -> f.toLowerCase(Locale.ROOT)).orElse(null);
        if (format != null && !format.equals("litellm") && !format.equals("langfuse")) {
            throw new CliException("--format: expected litellm or langfuse, got '" + format + "'");
        }
        String asOf = a.get("as-of").orElse(LocalDate.ofInstant(Files.getLastModifiedTime(file).toInstant(), java.time.ZoneOffset.UTC).toString());
        CatalogService.ImportResult r;
        try (Database db = DbOption.open(a)) {
            r = new CatalogService(db).importFile(file, format, asOf);
        }
        if (a.has("json")) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("file", file.toString());
            j.put("format", r.format());
            j.put("asOf", asOf);
            j.put("imported", r.imported());
            j.put("unchanged", r.unchanged());
            j.put("conflicting", r.conflicting());
            j.put("skipped", r.skipped());
            out.println(Json.write(j));
        } else {
            out.printf("%s (%s, as of %s): %d imported, %d unchanged, %d conflicting, %d skipped%n", file, r.format(), asOf,
                    r.imported(), r.unchanged(), r.conflicting().size(), r.skipped().size());
            r.conflicting().stream().limit(10).forEach(s -> out.println("  conflict: " + s));
            r.skipped().stream().limit(10).forEach(s -> out.println("  skipped:  " + s));
            if (r.skipped().size() > 10) {
                out.printf("  … and %d more skipped (--json lists all)%n", r.skipped().size() - 10);
            }
        }
        return Cli.OK;
    }

    private int contract(Args a, PrintStream out) throws Exception {
        if (a.has("provider") == a.has("model")) {
            throw new CliException("catalog contract needs either --provider or --model");
        }
        ContractTerm.Scope scope = a.has("model") ? ContractTerm.Scope.MODEL : ContractTerm.Scope.PROVIDER;
        String name = a.get("model").or(() -> a.get("provider")).orElseThrow();
        ContractTerm term;
        if (a.has("discount")) {
            term = new ContractTerm(scope, name, a.decimal("discount", BigDecimal.valueOf(100)).orElseThrow(), null);
        } else {
            term = new ContractTerm(scope, name, null, new Rates(a.requireDecimal("input-price"),
                    a.decimal("cached-price", null).orElse(null), null, null, a.requireDecimal("output-price")));
        }
        try (Database db = DbOption.open(a)) {
            new CatalogService(db).store().putContractTerm(term);
        }
        out.printf("Contract for %s %s: %s%n", scope.name().toLowerCase(Locale.ROOT), name, Contracts.describe(term));
        return Cli.OK;
    }

    private static Map<String, Object> json(PriceRow r) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("model", r.modelId());
        j.put("displayName", r.displayName());
        j.put("provider", r.provider());
        j.putAll(ratesJson(r.base()));
        List<Map<String, Object>> tiers = new ArrayList<>();
        for (ContextTier t : r.tiers()) {
            Map<String, Object> tj = new LinkedHashMap<>();
            tj.put("aboveTokens", t.aboveTokens());
            tj.putAll(ratesJson(t.rates()));
            tiers.add(tj);
        }
        j.put("tiers", tiers);
        j.put("source", r.source());
        j.put("asOf", r.asOf());
        j.put("effectiveFrom", r.effectiveFrom() == null ? null : r.effectiveFrom().toString());
        return j;
    }

    private static Map<String, Object> ratesJson(Rates r) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("inputPerMTok", plain(r.input()));
        j.put("cachedInputPerMTok", r.cachedRead() == null ? null : plain(r.cachedRead()));
        j.put("cacheWrite5mPerMTok", r.cacheWrite5m() == null ? null : plain(r.cacheWrite5m()));
        j.put("cacheWrite1hPerMTok", r.cacheWrite1h() == null ? null : plain(r.cacheWrite1h()));
        j.put("outputPerMTok", plain(r.output()));
        return j;
    }

    private static String rates(Rates r) {
        return "input $" + plain(r.input()) + ", cached $" + plain(r.cacheHit()) + (r.cachedRead() == null ? " (no discount)" : "")
                + ", write 5m $" + plain(r.write5m()) + ", write 1h $" + plain(r.write1h()) + ", output $" + plain(r.output())
                + " per MTok";
    }

    private static String plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 2 ? s.setScale(2) : s).toPlainString();
    }
}

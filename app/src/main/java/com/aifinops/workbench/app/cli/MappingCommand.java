package com.aifinops.workbench.app.cli;

import com.aifinops.workbench.app.mapping.StoredColumnMappings;
import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.app.store.H2MappingStore;
import com.aifinops.workbench.importers.usage.csv.CsvRecords;
import com.aifinops.workbench.importers.usage.mapped.ColumnMapping;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code mapping save|suggest|list|show|remove}: the saved column mappings that read "any other CSV". */
final class MappingCommand implements Command {
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final DateTimeFormatter SAVED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    @Override
    public String name() {
        return "mapping";
    }

    @Override
    public String summary() {
        return "save, suggest, list, show and remove column mappings for any other CSV";
    }

    @Override
    public String help() {
        return """
                Usage: mapping save NAME --from FILE.json [--db PATH]
                       mapping suggest CSVFILE --name NAME [--save] [--db PATH]
                       mapping list [--json] [--db PATH]
                       mapping show NAME [--db PATH]
                       mapping remove NAME [--db PATH]

                  save      validates the mapping in FILE.json (the keys of 'mapping show') and saves it as NAME,
                            replacing a mapping of that name; an unknown key or a missing field is named
                  suggest   proposes a mapping from CSVFILE's header and prints it as JSON (edit it, then
                            'mapping save'); what is still missing goes to stderr; --save saves it when complete
                  list      the saved mappings: name, when saved (UTC), and field <- column for each mapped column
                  show      a saved mapping as JSON
                  remove    forgets a mapping (batches imported with it keep their rows)
                  --db PATH the database file (default: the app's own)

                A saved mapping imports a file with 'import FILE --mapping NAME', or in the window as the format
                'mapping: NAME'.
                """;
    }

    @Override
    public int run(String[] tokens, PrintStream out, PrintStream err) throws Exception {
        if (tokens.length == 0) {
            throw new CliException("mapping needs save, suggest, list, show or remove (see 'mapping --help')");
        }
        String[] rest = Arrays.copyOfRange(tokens, 1, tokens.length);
        return switch (tokens[0]) {
            case "save" -> save(Args.parse("mapping save", rest, Set.of("from", "db"), Set.of()), out, err);
            case "suggest" -> suggest(Args.parse("mapping suggest", rest, Set.of("name", "db"), Set.of("save")), out, err);
            case "list" -> list(Args.parse("mapping list", rest, Set.of("db"), Set.of("json")), out);
            case "show" -> show(Args.parse("mapping show", rest, Set.of("db"), Set.of()), out);
            case "remove" -> remove(Args.parse("mapping remove", rest, Set.of("db"), Set.of()), out);
            default -> throw new CliException("unknown mapping action '" + tokens[0] + "' (save, suggest, list, show or remove)");
        };
    }

    private int save(Args a, PrintStream out, PrintStream err) throws Exception {
        String name = oneName(a, "mapping save needs one NAME");
        Path from = Path.of(a.require("from"));
        if (!Files.isRegularFile(from)) {
            throw new CliException("--from: no such file: " + from);
        }
        ColumnMapping m;
        try {
            m = named(read(Files.readString(from, StandardCharsets.UTF_8)), name).validated();
        } catch (IllegalArgumentException e) {
            err.println("error: " + from + ": " + e.getMessage());
            return Cli.FAILED;
        }
        try (Database db = DbOption.open(a)) {
            H2MappingStore store = new H2MappingStore(db);
            boolean replacing = store.names().contains(name);
            store.save(m);
            out.println((replacing ? "replaced" : "saved") + " mapping '" + name + "' (" + columns(m) + ")");
        }
        return Cli.OK;
    }

    private int suggest(Args a, PrintStream out, PrintStream err) throws Exception {
        if (a.positional().size() != 1) {
            throw new CliException("mapping suggest needs one CSVFILE");
        }
        Path file = Path.of(a.positional().get(0));
        if (!Files.isRegularFile(file)) {
            throw new CliException("no such file: " + file);
        }
        String name = a.require("name");
        if (name.isBlank()) {
            throw new CliException("--name must not be empty");
        }
        List<String> header;
        char delimiter;
        try (CsvRecords csv = StoredColumnMappings.open(file)) {
            header = csv.header();
            delimiter = csv.delimiter();
        } catch (IOException e) {
            err.println("error: " + file + ": the header cannot be read: " + e.getMessage());
            return Cli.FAILED;
        }
        ColumnMapping m = ColumnMapping.suggest(name, header).withDelimiter(String.valueOf(delimiter));
        out.println(m.toJson());
        List<String> problems = m.problems();
        problems.forEach(p -> err.println("missing: " + p));
        if (!a.has("save")) {
            return Cli.OK;
        }
        if (!problems.isEmpty()) {
            err.println("error: not saved: the suggestion is incomplete; edit the JSON and use 'mapping save " + name + " --from FILE'");
            return Cli.FAILED;
        }
        try (Database db = DbOption.open(a)) {
            new H2MappingStore(db).save(m);
        }
        err.println("saved mapping '" + name + "'");
        return Cli.OK;
    }

    private int list(Args a, PrintStream out) throws Exception {
        if (!a.positional().isEmpty()) {
            throw new CliException("mapping list takes no arguments");
        }
        List<H2MappingStore.Saved> saved;
        try (Database db = DbOption.open(a)) {
            saved = new H2MappingStore(db).list();
        }
        if (a.has("json")) {
            out.println(Json.write(saved.stream().map(s -> {
                Map<String, Object> j = new LinkedHashMap<>();
                j.put("name", s.mapping().name());
                j.put("savedAt", s.savedAt().withOffsetSameInstant(ZoneOffset.UTC).toInstant().toString());
                j.put("columns", s.mapping().mappedHeaders());
                return j;
            }).toList()));
            return Cli.OK;
        }
        if (saved.isEmpty()) {
            out.println("no saved mappings");
            return Cli.OK;
        }
        int width = Math.max(4, saved.stream().mapToInt(s -> s.mapping().name().length()).max().orElse(4));
        out.printf("%-" + width + "s  %-16s  %s%n", "NAME", "SAVED (UTC)", "COLUMNS");
        for (H2MappingStore.Saved s : saved) {
            out.printf("%-" + width + "s  %-16s  %s%n", s.mapping().name(),
                    SAVED.format(s.savedAt().withOffsetSameInstant(ZoneOffset.UTC)), columns(s.mapping()));
        }
        out.println(saved.size() + (saved.size() == 1 ? " mapping" : " mappings"));
        return Cli.OK;
    }

    private int show(Args a, PrintStream out) throws Exception {
        String name = oneName(a, "mapping show needs one NAME");
        try (Database db = DbOption.open(a)) {
            H2MappingStore store = new H2MappingStore(db);
            ColumnMapping m = store.get(name);
            if (m == null) {
                throw unknown(name, store);
            }
            out.println(m.toJson());
        }
        return Cli.OK;
    }

    private int remove(Args a, PrintStream out) throws Exception {
        String name = oneName(a, "mapping remove needs one NAME");
        try (Database db = DbOption.open(a)) {
            H2MappingStore store = new H2MappingStore(db);
            if (!store.remove(name)) {
                throw unknown(name, store);
            }
        }
        out.println("removed mapping '" + name + "'");
        return Cli.OK;
    }

    private static String oneName(Args a, String message) throws CliException {
        if (a.positional().size() != 1 || a.positional().get(0).isBlank()) {
            throw new CliException(message);
        }
        return a.positional().get(0);
    }

    private static CliException unknown(String name, H2MappingStore store) throws Exception {
        List<String> names = store.names();
        return new CliException("no mapping named '" + name + "'"
                + (names.isEmpty() ? " (none saved)" : " (saved: " + String.join(", ", names) + ")"));
    }

    /** "start time <- ts, provider <- vendor, …" (a constant provider as {@code provider = openai}). */
    static String columns(ColumnMapping m) {
        StringBuilder b = new StringBuilder();
        m.mappedHeaders().forEach((field, header) -> b.append(b.isEmpty() ? "" : ", ").append(field).append(" <- ").append(header));
        if (m.provider() == null && m.providerConstant() != null) {
            b.append(b.isEmpty() ? "" : ", ").append("provider = ").append(m.providerConstant());
        }
        return b.toString();
    }

    /**
     * The mapping in {@code json} without validating it (the name may be missing: the command line gives it),
     * failing with the unknown key and its line, or where the JSON breaks.
     */
    private static ColumnMapping read(String json) {
        try {
            unknownKey(json);
            ColumnMapping m = STRICT.readValue(json, ColumnMapping.class);
            if (m == null) throw new IllegalArgumentException("column mapping: empty");
            return m;
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException("column mapping: unknown key '" + e.getPropertyName()
                    + "' (line " + e.getLocation().getLineNr() + "; expected one of "
                    + String.join(", ", e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList()) + ")");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("column mapping: not valid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // reading a String: does not happen
        }
    }

    /**
     * Fails on the first top-level key that is no field of {@link ColumnMapping}, at its own line (Jackson reports
     * a record's unknown key only at the end of the object).
     */
    private static void unknownKey(String json) throws IOException {
        List<String> known = Arrays.stream(ColumnMapping.class.getRecordComponents()).map(c -> c.getName()).toList();
        try (JsonParser p = STRICT.getFactory().createParser(json)) {
            int depth = 0;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) depth++;
                else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) depth--;
                else if (t == JsonToken.FIELD_NAME && depth == 1 && !known.contains(p.currentName())) {
                    throw new IllegalArgumentException("column mapping: unknown key '" + p.currentName() + "' (line "
                            + p.currentTokenLocation().getLineNr() + "; expected one of "
                            + String.join(", ", known.stream().sorted().toList()) + ")");
                }
            }
        }
    }

    private static ColumnMapping named(ColumnMapping m, String name) {
        return new ColumnMapping(name, m.delimiter(), m.startTime(), m.endTime(), m.provider(), m.providerConstant(),
                m.model(), m.input(), m.inputIncludesCached(), m.cacheRead(), m.cacheWrite5m(), m.cacheWrite1h(),
                m.output(), m.outputIncludesReasoning(), m.reasoning(), m.requests(), m.billedCost(), m.currency(),
                m.currencyConstant(), m.allocation(), m.tags(), m.timeFormat(), m.tokenMultiplier());
    }
}

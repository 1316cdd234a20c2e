package com.aifinops.workbench.importers.usage.cloud;

import com.aifinops.workbench.importers.usage.AllocationTags;
import com.aifinops.workbench.importers.usage.TokenUnits;
import com.aifinops.workbench.importers.usage.csv.BadCell;
import com.aifinops.workbench.importers.usage.csv.CsvColumns;
import com.aifinops.workbench.importers.usage.csv.CsvRecord;
import com.aifinops.workbench.importers.usage.csv.CsvRecords;
import com.aifinops.workbench.importers.usage.FieldParsers;
import com.aifinops.workbench.importers.usage.UsageReader;
import com.aifinops.workbench.importers.usage.UsageReaders;
import com.aifinops.workbench.model.usage.Allocation;
import com.aifinops.workbench.model.usage.ImportProblem;
import com.aifinops.workbench.model.usage.SourceRef;
import com.aifinops.workbench.model.usage.UsageLine;
import com.aifinops.workbench.model.usage.UsageSink;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GCP Cloud Billing export (formats.md §4.2): the BigQuery export saved as CSV (flattened {@code service.description}
 * or {@code service_description} headers) or as JSON lines (nested objects), and the console's "Reports → Download
 * CSV" ({@code Service description,SKU description,Usage amount,Usage unit,…,Subtotal ($)}, quoted {@code "100,000"},
 * trailing {@code Subtotal}/{@code Tax}/{@code Filtered total} rows, which are skipped). Vertex AI and Gemini API rows
 * only: the SKU description gives model, token class (input / cached input / output, thinking = reasoning), batch
 * and the short/long context label; {@code usage.amount} in {@code usage.unit} ({@code count} = tokens), or
 * {@code usage.amount_in_pricing_units} in {@code usage.pricing_unit} ({@code 1 million count}) scaled to tokens.
 * Characters-priced SKUs keep their cost with no tokens (one warning). Cost is {@code cost} plus the credits, exact;
 * {@code labels} are tags and allocation, {@code project.id} the project.
 */
public final class GcpBillingReader implements UsageReader {
    public static final String FORMAT = "gcp-billing";
    private static final ObjectMapper JSON = JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final Set<String> KNOWN = Set.of("billing_account_id", "service_id", "service_description", "sku_id",
            "sku_description", "usage_start_time", "usage_end_time", "labels", "system_labels", "tags", "export_time",
            "cost", "cost_at_list", "currency", "currency_conversion_rate", "usage_amount", "usage_unit",
            "usage_amount_in_pricing_units", "usage_pricing_unit", "credits", "cost_type", "transaction_type",
            "seller_name", "date", "list_cost", "negotiated_savings", "savings_programmes", "savings_programs",
            "other_savings", "unrounded_subtotal", "subtotal", "resource", "project", "location",
            "invoice", "price", "consumption_model", "adjustment_info");
    private static final List<String> KNOWN_PREFIXES = List.of("project_", "location_", "resource_", "invoice_",
            "price_", "consumption_model_", "adjustment_info_", "credits_", "service_", "sku_", "usage_");
    private static final Set<String> SUMMARY = Set.of("subtotal", "tax", "filtered total", "total", "rounding error");
    private static final Pattern GEMINI = Pattern.compile(
            "(?i)gemini[\\s-]+\\d+(?:\\.\\d+)?(?:[\\s-]+(?:pro|flash|ultra|nano|lite|image|live|preview))*");
    private static final Pattern CURRENCY_IN_HEADER = Pattern.compile("\\(([^)]+)\\)\\s*$");

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "GCP Cloud Billing export (BigQuery CSV or JSON lines, console report CSV), Vertex AI / Gemini";
    }

    @Override
    public int detect(String fileName, String head) {
        String h = head.replace("\uFEFF", "").stripLeading();
        if (h.startsWith("{")) {
            String line = h.lines().findFirst().orElse("");
            return line.contains("\"service\"") && line.contains("\"sku\"") && line.contains("\"usage_start_time\"") ? 90 : 0;
        }
        Set<String> keys = new HashSet<>();
        for (String c : CsvRecords.headerCells(h)) keys.add(key(c));
        if (!keys.contains("service_description") || !keys.contains("sku_description")) return 0;
        if (!keys.contains("cost") && !keys.contains("subtotal") && !keys.contains("unrounded_subtotal")) return 0;
        return h.toLowerCase(Locale.ROOT).contains("vertex ai") || h.contains("Gemini API") ? 90 : 75;
    }

    /** {@code service.description}, {@code service_description} and {@code Service description} share one key. */
    static String key(String header) {
        String t = FieldParsers.headerKey(header);
        t = CURRENCY_IN_HEADER.matcher(t).replaceAll("");
        return t.replaceAll("[\\s._]+", "_").replaceAll("^_|_$", "");
    }

    @Override
    public void read(Path file, UsageSink sink) throws IOException {
        String name = file.getFileName().toString();
        String head = UsageReaders.head(file);
        Reading r = new Reading(name, sink);
        if (head.replace("\uFEFF", "").stripLeading().startsWith("{")) {
            readJsonLines(file, r);
        } else {
            try {
                readCsv(file, r);
            } catch (CsvRecords.MalformedCsvException e) {
                sink.problem(CsvRecords.brokenQuoting(name, e));
            }
        }
        if (r.skipped > 0) {
            sink.problem(ImportProblem.warning(name, 0, "service.description",
                    r.skipped + " rows of other services than Vertex AI / Gemini API skipped"));
        }
        if (r.characters > 0) {
            sink.problem(ImportProblem.warning(name, 0, "usage.unit",
                    r.characters + " rows priced per character, not per token: cost kept, no tokens counted"));
        }
        if (r.rounded > 0) {
            sink.problem(ImportProblem.warning(name, 0, "usage.amount",
                    r.rounded + " rows whose amount × pricing unit is not a whole number of tokens: rounded half-up"));
        }
    }

    private void readCsv(Path file, Reading r) throws IOException {
        try (CsvRecords csv = CsvRecords.open(file)) {
            CsvColumns cols = csv.columns(GcpBillingReader::key);
            if (!cols.has("service_description") || !cols.has("sku_description")
                    || !(cols.has("cost") || cols.has("subtotal") || cols.has("unrounded_subtotal"))) {
                r.sink.problem(ImportProblem.error(r.file, 1, null, null,
                        "expected columns service.description, sku.description and cost (or Subtotal)"));
                return;
            }
            cols.warnUnknown(r.file, GcpBillingReader::known, r.sink);
            String headerCurrency = null;
            for (String h : csv.header()) {
                Matcher m = CURRENCY_IN_HEADER.matcher(h.strip());
                if (m.find() && key(h).endsWith("subtotal")) headerCurrency = currencyOfSymbol(m.group(1));
            }
            FieldParsers.DecimalStyle style = FieldParsers.decimalStyleFor(csv.delimiter());
            try {
                for (CsvRecord row = csv.next(); row != null; row = csv.next()) {
                    Map<String, String> cells = new HashMap<>();
                    Map<String, String> names = new HashMap<>();
                    for (int i = 0; i < cols.size(); i++) {
                        cells.putIfAbsent(cols.key(i), row.get(i));
                        names.putIfAbsent(cols.key(i), cols.name(i));
                    }
                    if (FieldParsers.isBlank(cells.get("service_description")) && isSummary(row)) continue;
                    r.accept(new Cells(cells, names, style, headerCurrency), row.line());
                }
            } catch (CsvRecords.MalformedCsvException e) {
                r.sink.problem(CsvRecords.brokenQuoting(r.file, e));
            }
        }
    }

    private void readJsonLines(Path file, Reading r) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long lineNo = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                String t = lineNo == 1 ? line.replace("\uFEFF", "").strip() : line.strip();
                if (t.isEmpty()) continue;
                JsonNode node;
                try {
                    node = JSON.readTree(t);
                } catch (JsonProcessingException e) {
                    r.sink.problem(ImportProblem.error(r.file, lineNo, null, abbreviate(t),
                            "expected one JSON object per line: " + e.getOriginalMessage()));
                    continue;
                }
                if (!node.isObject()) {
                    r.sink.problem(ImportProblem.error(r.file, lineNo, null, abbreviate(t), "expected a JSON object"));
                    continue;
                }
                Map<String, String> cells = new HashMap<>();
                Map<String, String> names = new HashMap<>();
                flatten("", node, cells, names);
                for (Map.Entry<String, String> e : names.entrySet()) {
                    if (!known(e.getKey()) && r.warnedKeys.add(e.getKey())) {
                        r.sink.problem(ImportProblem.warning(r.file, lineNo, e.getValue(), "unknown field, ignored"));
                    }
                }
                r.accept(new Cells(cells, names, FieldParsers.DecimalStyle.AUTO, null), lineNo);
            }
        }
    }

    /** Nested objects become {@code a_b} keys (named {@code a.b} in problems); arrays stay JSON text. */
    private static void flatten(String prefix, JsonNode node, Map<String, String> cells, Map<String, String> names) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            JsonNode v = e.getValue();
            if (v.isObject() && !path.equals("labels") && !path.equals("tags")) {
                flatten(path, v, cells, names);
            } else {
                String k = key(path);
                cells.put(k, v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString());
                names.put(k, path);
            }
        }
    }

    private static boolean known(String key) {
        return KNOWN.contains(key) || KNOWN_PREFIXES.stream().anyMatch(key::startsWith);
    }

    /** A console summary row (its service is blank): a cell that reads Subtotal / Tax / Filtered total. */
    private static boolean isSummary(CsvRecord row) {
        for (String c : row.cells()) {
            if (c != null && SUMMARY.contains(c.strip().replaceAll(":$", "").toLowerCase(Locale.ROOT))) return true;
        }
        return false;
    }

    private static String currencyOfSymbol(String s) {
        return switch (s.strip()) {
            case "$" -> "USD";
            case "€" -> "EUR";
            case "£" -> "GBP";
            case "¥" -> "JPY";
            default -> s.strip().length() == 3 ? s.strip().toUpperCase(Locale.ROOT) : null;
        };
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    /** One record by key, from either input shape. */
    private record Cells(Map<String, String> values, Map<String, String> names, FieldParsers.DecimalStyle style, String headerCurrency) {
        String get(String... keys) {
            for (String k : keys) {
                String v = values.get(k);
                if (v != null && !FieldParsers.isBlank(v)) return v.strip();
            }
            return null;
        }

        String firstKey(String... keys) {
            for (String k : keys) if (values.get(k) != null && !FieldParsers.isBlank(values.get(k))) return k;
            return keys[0];
        }

        <T> T parse(Function<String, T> f, String... keys) {
            String k = firstKey(keys);
            String v = values.get(k);
            try {
                return f.apply(v);
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw new BadCell(names.getOrDefault(k, k.replace('_', '.')), v, e.getMessage());
            }
        }

        String name(String k) {
            return names.getOrDefault(k, k);
        }
    }

    private static final class Reading {
        final String file;
        final UsageSink sink;
        final Set<String> warnedKeys = new HashSet<>();
        long skipped;
        long characters;
        long rounded;

        Reading(String file, UsageSink sink) {
            this.file = file;
            this.sink = sink;
        }

        void accept(Cells c, long line) {
            try {
                UsageLine u = line(c, line);
                if (u != null) sink.accept(u);
            } catch (BadCell bad) {
                sink.problem(bad.problem(file, line));
            }
        }

        UsageLine line(Cells c, long line) {
            String service = c.get("service_description");
            String provider = provider(service);
            if (provider == null) {
                skipped++;
                return null;
            }
            String sku = c.get("sku_description");
            sku = sku == null ? "" : sku;
            Instant from = c.parse(GcpBillingReader::time, "usage_start_time", "date");
            if (from == null) throw new BadCell(c.name("usage_start_time"), null, "expected the usage start time");
            Instant to = c.parse(GcpBillingReader::time, "usage_end_time");
            if (to == null && c.get("usage_start_time") == null) to = from.plus(1, ChronoUnit.DAYS);
            BigDecimal cost = c.parse(v -> FieldParsers.decimal(v, c.style()), "cost", "unrounded_subtotal", "subtotal");
            if (cost == null) throw new BadCell(c.name(c.firstKey("cost", "subtotal")), null, "expected the row's cost");
            BigDecimal credits = c.parse(GcpBillingReader::credits, "credits");
            BigDecimal billed = credits == null ? cost : cost.add(credits);

            String lower = sku.toLowerCase(Locale.ROOT);
            AwsCurReader.TokenClass tc = tokenClass(lower);
            String costType = c.get("cost_type");
            boolean regular = costType == null || costType.equalsIgnoreCase("regular");
            if (!regular) tc = AwsCurReader.TokenClass.NONE;
            long tokens = 0;
            if (tc != AwsCurReader.TokenClass.NONE) {
                String amountKey = c.get("usage_amount") != null ? "usage_amount" : "usage_amount_in_pricing_units";
                String unitKey = amountKey.equals("usage_amount") ? "usage_unit" : "usage_pricing_unit";
                TokenUnits.Unit unit = c.parse(TokenUnits::parse, unitKey);
                BigDecimal amount = c.parse(v -> FieldParsers.decimal(v, c.style()), amountKey);
                if (amount == null) throw new BadCell(c.name(amountKey), null, "expected the usage amount");
                if (unit.measure() == TokenUnits.Measure.CHARACTERS) {
                    characters++;
                    tc = AwsCurReader.TokenClass.NONE;
                } else if (unit.measure() != TokenUnits.Measure.TOKENS) {
                    throw new BadCell(c.name(unitKey), c.get(unitKey), "expected a token count unit (count, tokens, 1 million count) for SKU " + sku);
                } else {
                    boolean[] r = new boolean[1];
                    try {
                        tokens = TokenUnits.tokens(amount, unit.block(), r);
                    } catch (IllegalArgumentException e) {
                        throw new BadCell(c.name(amountKey), c.get(amountKey), "expected a non-negative usage amount");
                    }
                    if (r[0]) rounded++;
                }
            }
            Map<String, String> labels = new LinkedHashMap<>();
            labels.putAll(c.parse(AllocationTags::parseCell, "project_labels"));
            labels.putAll(c.parse(AllocationTags::parseCell, "labels"));
            if (!regular) labels.put("charge_category", chargeCategory(costType));
            Map<String, String> system = c.parse(AllocationTags::parseCell, "system_labels");
            String model = labels.getOrDefault("goog-generativelanguage-model",
                    system.getOrDefault("goog-generativelanguage-model", model(sku)));
            Allocation a = AllocationTags.allocateCloud(labels, Allocation.NONE);
            String project = c.get("project_id");
            if (project != null) {
                a = new Allocation(a.org(), a.team(), project, a.agent(), a.user(), a.apiKey(), a.workspace(),
                        a.environment(), a.feature(), a.customer(), a.tags());
            }
            String currency = c.get("currency");
            if (currency == null) currency = c.headerCurrency();
            boolean reasoning = tc == AwsCurReader.TokenClass.OUTPUT && lower.contains("thinking");
            String tier = lower.contains("long input") || lower.contains("long context") ? "long input"
                    : lower.contains("short input") ? "short input" : null;
            return new UsageLine(from, to, provider, model,
                    tc == AwsCurReader.TokenClass.INPUT ? tokens : 0, tc == AwsCurReader.TokenClass.CACHE_READ ? tokens : 0,
                    0, 0, tc == AwsCurReader.TokenClass.OUTPUT ? tokens : 0, reasoning ? tokens : 0, 0,
                    lower.contains("batch"), null, tier, billed,
                    currency == null ? null : currency.toUpperCase(Locale.ROOT), a, new SourceRef(file, line));
        }
    }

    static String provider(String service) {
        if (service == null) return null;
        String s = service.toLowerCase(Locale.ROOT);
        if (s.contains("vertex ai")) return "gcp-vertex";
        if (s.equals("gemini api")) return "gcp-gemini-api";
        return null;
    }

    /** Token class from SKU words: storage and per-request tools bill no tokens. */
    static AwsCurReader.TokenClass tokenClass(String sku) {
        if (sku.contains("storage") || sku.contains("hour")) return AwsCurReader.TokenClass.NONE;
        if (sku.contains("cached") || sku.contains("caching") || sku.contains("cache read")) {
            return sku.contains("input") || sku.contains("token") ? AwsCurReader.TokenClass.CACHE_READ : AwsCurReader.TokenClass.NONE;
        }
        if (sku.contains("output")) return AwsCurReader.TokenClass.OUTPUT;
        if (sku.contains("input")) return AwsCurReader.TokenClass.INPUT;
        return AwsCurReader.TokenClass.NONE;
    }

    /** The Gemini model named in a SKU ({@code … gemini 2.5 flash short input text} → {@code gemini 2.5 flash}). */
    static String model(String sku) {
        Matcher m = GEMINI.matcher(sku);
        return m.find() ? m.group().strip() : "";
    }

    /** BigQuery writes {@code 2026-05-01 07:00:00 UTC} and offsets such as {@code +00}. */
    static Instant time(String s) {
        if (FieldParsers.isBlank(s)) return null;
        String t = s.strip();
        if (t.endsWith(" UTC")) t = t.substring(0, t.length() - 4).strip() + "Z";
        if (t.matches(".*[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?[+-]\\d{2}")) t = t + ":00";
        if (t.matches("\\d{1,2}/\\d{1,2}/\\d{4}")) return AzureCostReader.day(t);
        return FieldParsers.instant(t);
    }

    /** The credits of a row: a JSON array of {@code {"name":…,"amount":-1.25,…}}, summed exactly. */
    static BigDecimal credits(String cell) {
        if (FieldParsers.isBlank(cell) || cell.strip().equals("[]")) return null;
        try {
            JsonNode arr = JSON.readTree(cell);
            if (!arr.isArray()) throw new IllegalArgumentException("expected credits as a JSON array");
            BigDecimal sum = BigDecimal.ZERO;
            for (JsonNode c : arr) {
                JsonNode amount = c.get("amount");
                if (amount == null || amount.isNull()) continue;
                sum = sum.add(new BigDecimal(amount.asText()));
            }
            return sum;
        } catch (JsonProcessingException | NumberFormatException e) {
            throw new IllegalArgumentException("expected credits as [{\"name\":…,\"amount\":-1.25}]");
        }
    }

    static String chargeCategory(String costType) {
        String t = costType.toLowerCase(Locale.ROOT);
        if (t.equals("tax")) return "Tax";
        return "Adjustment";
    }
}

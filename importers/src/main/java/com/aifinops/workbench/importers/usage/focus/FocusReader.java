package com.aifinops.workbench.importers.usage.focus;

import com.aifinops.workbench.importers.usage.AllocationTags;
import com.aifinops.workbench.importers.usage.FieldParsers;
import com.aifinops.workbench.importers.usage.TokenUnits;
import com.aifinops.workbench.importers.usage.UsageReader;
import com.aifinops.workbench.importers.usage.csv.BadCell;
import com.aifinops.workbench.importers.usage.csv.CsvRecord;
import com.aifinops.workbench.importers.usage.csv.CsvRecords;
import com.aifinops.workbench.model.usage.Allocation;
import com.aifinops.workbench.model.usage.ImportProblem;
import com.aifinops.workbench.model.usage.SourceRef;
import com.aifinops.workbench.model.usage.UsageLine;
import com.aifinops.workbench.model.usage.UsageSink;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * FinOps FOCUS 1.0–1.3 cost and usage exports (CSV). Every row becomes one line carrying {@code BilledCost}
 * exactly; rows that are AI token usage also carry their tokens by class, every other row (compute, storage,
 * seats, commitments) has zero tokens and model {@code ""}, so the file's total billed cost is kept whole.
 *
 * <p>A row is token usage when its {@code ChargeCategory} is {@code Usage} and its {@code ConsumedUnit} (else its
 * {@code PricingUnit}) is a token unit ({@code Tokens}, {@code 1K tokens}, {@code 1000 Tokens}, {@code 1M Tokens});
 * the quantity is scaled by the unit's block. The token class (input, cache read, cache write, output, reasoning)
 * comes from the first of {@code SkuMeter}, {@code x_SkuMeterName}, {@code x_UsageType}, {@code ChargeDescription}
 * and the unit that names one. Vendor columns {@code x_…Tokens} ({@code x_InputTokens}, {@code x_CacheReadTokens},
 * {@code x_OutputTokens} …) give the classes directly and win; their input is total input (cache included), the
 * OpenAI/OTel convention. {@code Purchase}, {@code Credit}, {@code Tax} and {@code Adjustment} rows keep their
 * cost and never count tokens. Every line is tagged {@code charge_category} so such rows are never mistaken for
 * usage.
 *
 * <p>Pitfalls handled: BOM and CRLF, literal {@code NULL} cells, space-separated and US {@code M/D/YY} dates,
 * spreadsheet money ({@code "$10,100.00 "}), {@code Tags} as a JSON object inside a cell (or, as Azure writes it,
 * without braces), the non-FOCUS {@code Id} column of the sample data (warned about, ignored).
 */
public final class FocusReader implements UsageReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** FOCUS 1.0 (43 columns) + 1.1 (7) + 1.2 (7) + 1.3 (8) = 65, compared as header keys. */
    static final Set<String> COLUMNS = Stream.of(
            // 1.0
            "AvailabilityZone", "BilledCost", "BillingAccountId", "BillingAccountName", "BillingCurrency",
            "BillingPeriodEnd", "BillingPeriodStart", "ChargeCategory", "ChargeClass", "ChargeDescription",
            "ChargeFrequency", "ChargePeriodEnd", "ChargePeriodStart", "CommitmentDiscountCategory",
            "CommitmentDiscountId", "CommitmentDiscountName", "CommitmentDiscountStatus", "CommitmentDiscountType",
            "ConsumedQuantity", "ConsumedUnit", "ContractedCost", "ContractedUnitPrice", "EffectiveCost",
            "InvoiceIssuerName", "ListCost", "ListUnitPrice", "PricingCategory", "PricingQuantity", "PricingUnit",
            "ProviderName", "PublisherName", "RegionId", "RegionName", "ResourceId", "ResourceName", "ResourceType",
            "ServiceCategory", "ServiceName", "SkuId", "SkuPriceId", "SubAccountId", "SubAccountName", "Tags",
            // 1.1
            "CapacityReservationId", "CapacityReservationStatus", "CommitmentDiscountQuantity",
            "CommitmentDiscountUnit", "ServiceSubcategory", "SkuMeter", "SkuPriceDetails",
            // 1.2
            "BillingAccountType", "InvoiceId", "PricingCurrency", "PricingCurrencyContractedUnitPrice",
            "PricingCurrencyEffectiveCost", "PricingCurrencyListUnitPrice", "SubAccountType",
            // 1.3
            "AllocatedMethodId", "AllocatedMethodDetails", "AllocatedResourceId", "AllocatedResourceName",
            "AllocatedTags", "ContractApplied", "ServiceProviderName", "HostProviderName")
            .map(FieldParsers::headerKey).collect(Collectors.toUnmodifiableSet());

    /** Columns that, besides BilledCost, mark a FOCUS file (detection). */
    private static final List<String> DISTINCTIVE = Stream.of("ChargePeriodStart", "ChargePeriodEnd", "ChargeCategory",
            "EffectiveCost", "ListCost", "ContractedCost", "BillingPeriodStart", "BillingAccountId", "ServiceName",
            "InvoiceIssuerName", "PricingQuantity", "SkuPriceId").map(FieldParsers::headerKey).toList();

    private static final Pattern US_DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{2}|\\d{4})");

    @Override
    public String format() {
        return "focus";
    }

    @Override
    public String description() {
        return "FinOps FOCUS 1.0-1.3 cost and usage export (CSV)";
    }

    @Override
    public int detect(String fileName, String head) {
        Set<String> keys = headerKeys(head);
        if (!keys.contains("billedcost")) return 0;
        long distinctive = DISTINCTIVE.stream().filter(keys::contains).count();
        if (distinctive >= 5) return 95;
        if (distinctive >= 2) return 70;
        return 0;
    }

    /** The header keys of the first line of a CSV head (quotes and BOM dropped; good enough for detection). */
    static Set<String> headerKeys(String head) {
        String first = head.replace("\uFEFF", "");
        int nl = first.indexOf('\n');
        if (nl >= 0) first = first.substring(0, nl);
        return Stream.of(first.split(",")).map(FieldParsers::headerKey).collect(Collectors.toSet());
    }

    @Override
    public void read(Path file, UsageSink sink) throws IOException {
        String name = file.getFileName().toString();
        try (CsvRecords csv = CsvRecords.open(file, CsvRecords.Delimiter.COMMA)) {
            for (String required : List.of("BilledCost", "ChargePeriodStart")) {
                if (!csv.columns().has(required)) {
                    sink.problem(ImportProblem.error(name, 1, required, null,
                            "expected a FOCUS header with a " + required + " column"));
                    return;
                }
            }
            csv.columns().warnUnknown(name, k -> COLUMNS.contains(k) || k.startsWith("x_"), sink);
            List<String> vendorColumns = csv.columns().names(k -> k.startsWith("x_"));
            CsvRecord row;
            while ((row = csv.nextNonEmptyLine()) != null) {
                try {
                    sink.accept(line(name, row, vendorColumns, sink));
                } catch (BadCell e) {
                    sink.problem(e.problem(name, row.line()));
                }
            }
        } catch (CsvRecords.MalformedCsvException e) {
            sink.problem(ImportProblem.error(name, e.line(), null, null, "expected well-formed CSV: " + e.parserMessage()));
        }
    }

    private UsageLine line(String file, CsvRecord r, List<String> vendorColumns, UsageSink sink) {
        Instant start = time(r, "ChargePeriodStart");
        if (start == null) throw new BadCell("ChargePeriodStart", r.get("ChargePeriodStart"), "expected the start of the charge period");
        Instant end = time(r, "ChargePeriodEnd");
        BigDecimal billed = money(r, "BilledCost");
        if (billed == null) throw new BadCell("BilledCost", r.get("BilledCost"), "expected BilledCost, a mandatory FOCUS amount");
        String currency = r.first("BillingCurrency");
        String category = r.first("ChargeCategory");
        boolean usage = category == null || category.equalsIgnoreCase("Usage");

        Map<String, String> tags = new LinkedHashMap<>(jsonObject(file, r, "Tags", sink));
        Map<String, String> priceDetails = jsonObject(file, r, "SkuPriceDetails", sink);
        Map<String, String> vendor = vendorColumns.isEmpty() ? Map.of() : r.cells(vendorColumns);
        if (category != null) tags.put("charge_category", category);
        putIfPresent(tags, "charge_class", r.first("ChargeClass"));
        putIfPresent(tags, "service_name", r.first("ServiceName"));
        putIfPresent(tags, "service_category", r.first("ServiceCategory"));
        putIfPresent(tags, "service_subcategory", r.first("ServiceSubcategory"));
        BigDecimal effective = money(r, "EffectiveCost");
        if (effective != null && effective.compareTo(billed) != 0) tags.put("effective_cost", effective.toPlainString());
        String pricingCurrency = r.first("PricingCurrency");
        if (pricingCurrency != null && !pricingCurrency.equalsIgnoreCase(currency == null ? "USD" : currency)) {
            tags.put("pricing_currency", pricingCurrency);
            BigDecimal pce = decimal(r, "PricingCurrencyEffectiveCost");
            if (pce != null) tags.put("pricing_currency_effective_cost", pce.toPlainString());
        }

        Tokens t = usage ? tokens(file, r, vendor, sink) : Tokens.NONE;
        if (t.cls != null) tags.put("token_class", t.cls);
        if (t.unclassified > 0) tags.put("unclassified_tokens", Long.toString(t.unclassified));
        String model = t.any() || t.unclassified > 0 ? model(r, vendor, priceDetails, tags) : "";
        String provider = slug(r.first("ServiceProviderName", "ProviderName", "PublisherName"));

        Allocation base = new Allocation(r.first("BillingAccountName", "BillingAccountId"), null, null, null, null, null,
                r.first("SubAccountName", "SubAccountId"), null, null, null, Map.of());
        Allocation allocation = AllocationTags.allocate(base, tags);
        return new UsageLine(start, end, provider, model, t.uncached, t.cacheRead, t.write5m, t.write1h, t.output,
                t.reasoning, 0, t.batch, null, null, billed, currency, allocation, new SourceRef(file, r.line()));
    }

    // ---- tokens ------------------------------------------------------------------------------------------

    private record Tokens(long uncached, long cacheRead, long write5m, long write1h, long output, long reasoning,
                          boolean batch, String cls, long unclassified) {
        static final Tokens NONE = new Tokens(0, 0, 0, 0, 0, 0, false, null, 0);

        boolean any() {
            return uncached + cacheRead + write5m + write1h + output > 0;
        }
    }

    private Tokens tokens(String file, CsvRecord r, Map<String, String> vendor, UsageSink sink) {
        Tokens direct = vendorTokens(r, vendor);
        if (direct != null) return direct;
        String quantityColumn = "ConsumedQuantity";
        BigDecimal block = tokenBlock(r.first("ConsumedUnit"));
        if (block == null) {
            block = tokenBlock(r.first("PricingUnit"));
            quantityColumn = "PricingQuantity";
        }
        if (block == null) return Tokens.NONE;
        BigDecimal quantity = decimal(r, quantityColumn);
        if (quantity == null) return Tokens.NONE;
        long n = quantity.multiply(block).setScale(0, RoundingMode.HALF_UP).longValue();
        String text = classText(r, vendor);
        boolean batch = text.contains("batch");
        if (n < 0) {
            sink.problem(new ImportProblem(file, r.line(), quantityColumn, quantity.toPlainString(),
                    "negative token quantity (a refund or correction): cost kept, tokens not counted",
                    ImportProblem.Severity.WARNING));
            return Tokens.NONE;
        }
        String cls = tokenClass(r, vendor);
        if (cls == null) {
            sink.problem(new ImportProblem(file, r.line(), "SkuMeter", r.first("SkuMeter", "ChargeDescription"),
                    "token usage without a token class (input, cached input, cache write, output) in SkuMeter, "
                            + "x_SkuMeterName or ChargeDescription: cost kept, tokens not counted",
                    ImportProblem.Severity.WARNING));
            return new Tokens(0, 0, 0, 0, 0, 0, batch, null, n);
        }
        return switch (cls) {
            case "cache_read" -> new Tokens(0, n, 0, 0, 0, 0, batch, cls, 0);
            case "cache_write_5m" -> new Tokens(0, 0, n, 0, 0, 0, batch, cls, 0);
            case "cache_write_1h" -> new Tokens(0, 0, 0, n, 0, 0, batch, cls, 0);
            case "reasoning" -> new Tokens(0, 0, 0, 0, n, n, batch, cls, 0);
            case "output" -> new Tokens(0, 0, 0, 0, n, 0, batch, cls, 0);
            default -> new Tokens(n, 0, 0, 0, 0, 0, batch, cls, 0);
        };
    }

    /** x_…Tokens columns: total input (cache included), cache read/write, output, reasoning (inside output). */
    private Tokens vendorTokens(CsvRecord r, Map<String, String> vendor) {
        long input = 0, uncached = -1, read = 0, w5 = 0, w1h = 0, out = 0, reasoning = 0;
        boolean found = false;
        for (Map.Entry<String, String> e : vendor.entrySet()) {
            String k = FieldParsers.headerKey(e.getKey()).replaceAll("[^a-z0-9]", "");
            if (!k.contains("token") || NOT_A_COUNT.matcher(k).find()) continue;
            Long v;
            try {
                v = FieldParsers.count(e.getValue());
            } catch (IllegalArgumentException ex) {
                throw new BadCell(e.getKey(), e.getValue(), ex.getMessage() + " of tokens");
            }
            if (v == null) continue;
            String cls = tokenClass(FieldParsers.headerKey(e.getKey()));
            if (cls == null) continue;
            found = true;
            switch (cls) {
                case "cache_read" -> read += v;
                case "cache_write_5m" -> w5 += v;
                case "cache_write_1h" -> w1h += v;
                case "reasoning" -> reasoning += v;
                case "output" -> out += v;
                default -> {
                    if (k.contains("uncached")) uncached = v;
                    else input += v;
                }
            }
        }
        if (!found) return null;
        if (uncached < 0) {
            uncached = input - read - w5 - w1h;
            if (uncached < 0) uncached = input; // the vendor counted input without the cache
        }
        String text = classText(r, vendor);
        return new Tokens(uncached, read, w5, w1h, Math.max(out, reasoning), reasoning, text.contains("batch"), null, 0);
    }

    /** The token block a unit stands for: "Tokens" → 1, "1K tokens" → 1000, "1M Tokens" → 1,000,000; else null. */
    static BigDecimal tokenBlock(String unit) {
        return TokenUnits.blockOfTokenUnit(unit);
    }

    private static String classText(CsvRecord r, Map<String, String> vendor) {
        StringBuilder b = new StringBuilder();
        for (String s : classSources(r, vendor)) b.append(s).append(' ');
        return b.toString().toLowerCase(Locale.ROOT);
    }

    private static List<String> classSources(CsvRecord r, Map<String, String> vendor) {
        return Stream.of(r.first("SkuMeter"), vendorCell(vendor, "x_SkuMeterName"), vendorCell(vendor, "x_UsageType"),
                vendorCell(vendor, "x_SkuDescription"), r.first("ChargeDescription"), r.first("ConsumedUnit"),
                r.first("PricingUnit")).filter(s -> s != null && !s.isBlank()).toList();
    }

    private static String tokenClass(CsvRecord r, Map<String, String> vendor) {
        for (String s : classSources(r, vendor)) {
            String c = tokenClass(s);
            if (c != null) return c;
        }
        return null;
    }

    /** The billing class a meter/SKU text names, or null: checked from the most specific (cache write) down. */
    private static final Pattern NOT_A_COUNT = Pattern.compile("price|cost|rate|unit");
    private static final Pattern SEPARATORS = Pattern.compile("[_\\-:/.,()]+");
    private static final Pattern CACHE_WRITE = Pattern.compile("cache\\s*(write|creation|create|writes)");
    private static final Pattern ONE_HOUR = Pattern.compile("\\b1\\s*h\\b|\\b1\\s*hr\\b|1\\s*hour|ephemeral\\s*1h|\\b60\\s*min");
    private static final Pattern CACHE_READ = Pattern.compile("cache\\s*(read|hit|hits)|\\bcached");
    private static final Pattern REASONING = Pattern.compile("reasoning|thinking");
    private static final Pattern OUTPUT = Pattern.compile("\\boutput|\\boutp\\b|\\boutpt\\b|\\bcompletion|\\bgenerated\\s+tokens");
    private static final Pattern INPUT = Pattern.compile("\\binput|\\binp\\b|\\binpt\\b|\\bprompt");

    /** The billing class a meter/SKU text names, or null: checked from the most specific (cache write) down. */
    static String tokenClass(String text) {
        String t = " " + SEPARATORS.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ") + " ";
        if (t.contains("uncached")) return "input";
        if (CACHE_WRITE.matcher(t).find()) return ONE_HOUR.matcher(t).find() ? "cache_write_1h" : "cache_write_5m";
        if (CACHE_READ.matcher(t).find()) return "cache_read";
        if (REASONING.matcher(t).find()) return "reasoning";
        if (OUTPUT.matcher(t).find()) return "output";
        if (INPUT.matcher(t).find()) return "input";
        return null;
    }

    // ---- model -------------------------------------------------------------------------------------------

    private static final Pattern CLASS_WORD = Pattern.compile(
            "(?i)[\\s_\\-:]+(cached|cache|input|inp|inpt|output|outp|outpt|prompt|completion|reasoning|thinking)(?![a-z])");
    private static final Pattern REGION_PREFIX = Pattern.compile("^(?:[A-Z]{2,4}\\d?-)?(?:MP:)?(?:[A-Z]{2,4}\\d?_)?");

    private static String model(CsvRecord r, Map<String, String> vendor, Map<String, String> priceDetails,
                                Map<String, String> tags) {
        for (Map<String, String> m : List.of(vendor, priceDetails, tags)) {
            for (Map.Entry<String, String> e : m.entrySet()) {
                String k = FieldParsers.headerKey(e.getKey()).replaceAll("[^a-z0-9]", "");
                if ((k.equals("xmodel") || k.equals("xmodelname") || k.equals("xmodelid") || k.equals("model")
                        || k.equals("modelname") || k.equals("modelid") || k.equals("genairequestmodel"))
                        && !FieldParsers.isBlank(e.getValue())) {
                    return e.getValue().strip();
                }
            }
        }
        for (String s : new String[]{r.first("SkuMeter"), vendorCell(vendor, "x_SkuMeterName"), vendorCell(vendor, "x_UsageType")}) {
            String m = modelFromMeter(s);
            if (!m.isEmpty()) return m;
        }
        return "";
    }

    /**
     * The model part of a meter text: what comes before the first token-class word, without an AWS region or
     * Marketplace prefix ("USE1-Claude4.6Sonnet-input-tokens" → "Claude4.6Sonnet", "gpt 4o 0513 Input global Tokens"
     * → "gpt 4o 0513"); for Google's "… input token count gemini 2.5 flash …" the words after "token count".
     */
    static String modelFromMeter(String meter) {
        if (meter == null || meter.isBlank()) return "";
        String s = meter.strip();
        int tc = s.toLowerCase(Locale.ROOT).indexOf("token count ");
        if (tc >= 0) {
            String after = s.substring(tc + "token count ".length());
            return after.replaceAll("(?i)\\s+(short|long|input|output|text|image|audio|video|batch|flex)\\b.*$", "").strip();
        }
        Matcher m = CLASS_WORD.matcher(s);
        if (!m.find()) return "";
        String before = REGION_PREFIX.matcher(s.substring(0, m.start())).replaceFirst("").strip();
        return before.replaceAll("[\\s_\\-:]+$", "");
    }

    // ---- cells -------------------------------------------------------------------------------------------

    private static String vendorCell(Map<String, String> vendor, String column) {
        String key = FieldParsers.headerKey(column);
        for (Map.Entry<String, String> e : vendor.entrySet()) {
            if (FieldParsers.headerKey(e.getKey()).equals(key) && !FieldParsers.isBlank(e.getValue())) return e.getValue().strip();
        }
        return null;
    }

    private static Instant time(CsvRecord r, String column) {
        String v = r.get(column);
        if (FieldParsers.isBlank(v)) return null;
        Matcher us = US_DATE.matcher(v.strip());
        if (us.matches()) {
            int year = Integer.parseInt(us.group(3));
            if (year < 100) year += 2000;
            try {
                return LocalDate.of(year, Integer.parseInt(us.group(1)), Integer.parseInt(us.group(2)))
                        .atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (java.time.DateTimeException e) {
                throw new BadCell(column, v, "expected a date such as 2025-04-01 or 4/1/25 (month/day/year)");
            }
        }
        try {
            return FieldParsers.instant(v);
        } catch (IllegalArgumentException e) {
            throw new BadCell(column, v, e.getMessage());
        }
    }

    private static BigDecimal money(CsvRecord r, String column) {
        String v = r.get(column);
        try {
            return FieldParsers.money(v);
        } catch (IllegalArgumentException e) {
            throw new BadCell(column, v, e.getMessage());
        }
    }

    private static BigDecimal decimal(CsvRecord r, String column) {
        String v = r.get(column);
        try {
            return FieldParsers.money(v);
        } catch (IllegalArgumentException e) {
            throw new BadCell(column, v, e.getMessage().replace("an amount such as 10.25", "a number"));
        }
    }

    /** A JSON object cell as string values; a malformed one is a warning (the row's cost still counts). */
    private static Map<String, String> jsonObject(String file, CsvRecord r, String column, UsageSink sink) {
        String v = r.get(column);
        if (FieldParsers.isBlank(v) || v.isBlank() || v.strip().equals("{}")) return Map.of();
        String text = v.strip();
        if (!text.startsWith("{")) text = "{" + text + "}"; // Azure writes tags without the braces
        try {
            JsonNode n = JSON.readTree(text);
            if (n == null || !n.isObject()) throw new IOException("not an object");
            Map<String, String> out = new HashMap<>();
            n.fields().forEachRemaining(e -> {
                JsonNode val = e.getValue();
                if (val == null || val.isNull()) return;
                String key = e.getKey().strip();
                if (!key.isEmpty()) out.putIfAbsent(key, val.isValueNode() ? val.asText() : val.toString());
            });
            return out;
        } catch (IOException e) {
            sink.problem(new ImportProblem(file, r.line(), column, v,
                    "expected a JSON object such as {\"team\": \"search\"}; ignored", ImportProblem.Severity.WARNING));
            return Map.of();
        }
    }

    private static void putIfPresent(Map<String, String> tags, String key, String value) {
        if (value != null && !value.isBlank()) tags.put(key, value);
    }

    /** "AWS" → "aws", "Microsoft" → "microsoft", "Acme Co" → "acme-co"; none → "unknown". */
    static String slug(String provider) {
        if (provider == null || provider.isBlank()) return "unknown";
        return provider.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-").replaceAll("^-+|-+$", "");
    }
}

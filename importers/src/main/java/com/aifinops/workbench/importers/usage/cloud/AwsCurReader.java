package com.aifinops.workbench.importers.usage.cloud;

import com.aifinops.workbench.importers.usage.AllocationTags;
import com.aifinops.workbench.importers.usage.TokenUnits;
import com.aifinops.workbench.importers.usage.csv.BadCell;
import com.aifinops.workbench.importers.usage.csv.CsvColumns;
import com.aifinops.workbench.importers.usage.csv.CsvRecord;
import com.aifinops.workbench.importers.usage.csv.CsvRecords;
import com.aifinops.workbench.importers.usage.FieldParsers;
import com.aifinops.workbench.importers.usage.UsageReader;
import com.aifinops.workbench.model.usage.Allocation;
import com.aifinops.workbench.model.usage.ImportProblem;
import com.aifinops.workbench.model.usage.SourceRef;
import com.aifinops.workbench.model.usage.UsageLine;
import com.aifinops.workbench.model.usage.UsageSink;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.Map;
import java.util.Set;

/**
 * AWS Cost and Usage Report 2.0 (Data Exports) as CSV, Amazon Bedrock rows (formats.md §3). Each Bedrock line
 * becomes one usage line: the token class from {@code line_item_usage_type} ({@code …-input-tokens},
 * {@code …-output-tokens}, {@code …-cache-read-input-token-count}, {@code …-cache-write-input-token-count},
 * mantle and Marketplace spellings), tokens = {@code line_item_usage_amount} × the block {@code pricing_unit} states
 * (never assumed), the exact {@code line_item_unblended_cost}, the IAM principal as user and resource/principal
 * tags as allocation. Non-usage lines (Tax, Credit, Refund, Fee, discounts) keep their cost with no tokens and a
 * {@code charge_category} tag. Rows of other services are skipped and summarised in one warning. Legacy CUR
 * headers ({@code lineItem/UsageType}) are read too.
 */
public final class AwsCurReader implements UsageReader {
    public static final String FORMAT = "aws-cur";
    private static final String PROVIDER = "aws-bedrock";
    private static final Set<String> BEDROCK_CODES = Set.of("amazonbedrock", "amazonbedrockservice");
    private static final Set<String> USAGE_TYPES = Set.of("usage", "discountedusage", "savingsplancoveredusage");
    private static final List<String> KNOWN_PREFIXES = List.of("bill_", "identity_", "line_item_", "pricing_",
            "product_", "reservation_", "savings_plan_", "discount_", "split_line_item_", "resource_tags",
            "cost_category", "tags");
    private static final List<String> REQUIRED = List.of("line_item_usage_start_date", "line_item_product_code",
            "line_item_usage_type", "line_item_usage_amount", "pricing_unit", "line_item_unblended_cost");

    private static final Pattern ONE_HOUR = Pattern.compile("(-1h|-1hr|1hour)\\b");
    private static final Pattern REGION_PREFIX = Pattern.compile("^[A-Z]{2,4}\\d?-");

    /** The token class a usage type bills. */
    enum TokenClass { INPUT, OUTPUT, CACHE_READ, CACHE_WRITE_5M, CACHE_WRITE_1H, NONE }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "AWS Cost and Usage Report 2.0 / Data Exports (CSV), Amazon Bedrock lines";
    }

    @Override
    public int detect(String fileName, String head) {
        Set<String> keys = new HashSet<>();
        for (String h : CsvRecords.headerCells(head)) keys.add(key(h));
        if (!keys.contains("line_item_usage_type") || !keys.contains("line_item_product_code")) return 0;
        return head.contains("AmazonBedrock") || head.contains("Amazon Bedrock") ? 95 : 80;
    }

    /** CUR 2.0 names are snake case; legacy CUR writes {@code lineItem/UsageType}: both reduce to one key. */
    static String key(String header) {
        String t = header.replace("\uFEFF", "").strip();
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) t = t.substring(1, t.length() - 1);
        t = t.replace('/', '_').replaceAll("([a-z0-9])([A-Z])", "$1_$2");
        return t.toLowerCase(Locale.ROOT);
    }

    @Override
    public void read(Path file, UsageSink sink) throws IOException {
        String name = file.getFileName().toString();
        CsvRecords.read(file, CsvRecords.Delimiter.SNIFFED, sink, csv -> {
            CsvColumns cols = csv.columns(AwsCurReader::key);
            boolean missing = false;
            for (String r : REQUIRED) {
                if (!cols.has(r)) {
                    sink.problem(ImportProblem.error(name, 1, r, null,
                            "missing column " + r + ": this does not look like a CUR 2.0 export"));
                    missing = true;
                }
            }
            if (missing) return;
            cols.warnUnknown(name, k -> k.equals("product") || k.equals("discount")
                    || KNOWN_PREFIXES.stream().anyMatch(k::startsWith), sink);
            Reading r = new Reading(name, cols, FieldParsers.decimalStyleFor(csv.delimiter()));
            csv.readLines(name, sink, r::line);
            if (r.skipped > 0) {
                sink.problem(ImportProblem.warning(name, 0, "line_item_product_code",
                        r.skipped + " rows of other services than Amazon Bedrock skipped"));
            }
            if (r.rounded > 0) {
                sink.problem(ImportProblem.warning(name, 0, "line_item_usage_amount",
                        r.rounded + " rows whose usage amount × pricing unit is not a whole number of tokens: rounded half-up"));
            }
        });
    }

    /** The state of one read: column indexes, and counts summarised in warnings at the end. */
    private static final class Reading {
        final String file;
        final CsvColumns cols;
        final FieldParsers.DecimalStyle style;
        final int start, end, productCode, serviceCode, productName, billingEntity, itemType, usageType, amount,
                unit, cost, currency, principal, resourceTags, principalTags, productModel, account;
        final Map<Integer, String> tagColumns = new LinkedHashMap<>();
        long skipped;
        long rounded;
        /** Units and usage types repeat on every row: parse each distinct text once. */
        final Map<String, TokenUnits.Unit> units = new HashMap<>();
        final Map<String, TokenClass> classes = new HashMap<>();

        Reading(String file, CsvColumns cols, FieldParsers.DecimalStyle style) {
            this.file = file;
            this.cols = cols;
            this.style = style;
            start = cols.find("line_item_usage_start_date");
            end = cols.find("line_item_usage_end_date");
            productCode = cols.find("line_item_product_code");
            serviceCode = cols.find("product_servicecode");
            productName = cols.find("product_product_name", "product_productname");
            billingEntity = cols.find("bill_billing_entity");
            itemType = cols.find("line_item_line_item_type");
            usageType = cols.find("line_item_usage_type");
            amount = cols.find("line_item_usage_amount");
            unit = cols.find("pricing_unit");
            cost = cols.find("line_item_unblended_cost");
            currency = cols.find("line_item_currency_code");
            principal = cols.find("line_item_iam_principal");
            resourceTags = cols.find("resource_tags");
            principalTags = cols.find("tags");
            productModel = cols.find("product_model");
            account = cols.find("line_item_usage_account_id");
            for (int i = 0; i < cols.size(); i++) {
                String k = cols.key(i);
                if (k.startsWith("resource_tags_") || k.startsWith("resource_tags:")) {
                    String raw = cols.name(i);
                    int cut = raw.indexOf('/') >= 0 ? raw.indexOf('/') + 1 : "resource_tags_".length();
                    String tag = raw.substring(Math.min(cut, raw.length()));
                    if (tag.startsWith("user_") || tag.startsWith("user:")) tag = tag.substring(5);
                    tagColumns.put(i, tag);
                }
            }
        }

        UsageLine line(CsvRecord row) {
            if (!bedrock(row)) {
                skipped++;
                return null;
            }
            Instant from = BadCell.parse(row, cols, start, FieldParsers::instant);
            if (from == null) throw new BadCell(cols.name(start), row.get(start), "expected the usage start time");
            Instant to = BadCell.parse(row, cols, end, FieldParsers::instant);
            BigDecimal billed = BadCell.parse(row, cols, cost, v -> FieldParsers.decimal(v, style));
            if (billed == null) throw new BadCell(cols.name(cost), row.get(cost), "expected the line's cost");
            String type = row.get(itemType) == null || row.get(itemType).isBlank() ? "Usage" : row.get(itemType).strip();
            String usage = row.get(usageType) == null ? "" : row.get(usageType).strip();
            boolean usageLine = USAGE_TYPES.contains(type.toLowerCase(Locale.ROOT));
            TokenClass tc = usageLine ? classes.computeIfAbsent(usage, AwsCurReader::tokenClass) : TokenClass.NONE;
            long tokens = 0;
            if (tc != TokenClass.NONE) {
                String unitText = row.get(unit) == null ? "" : row.get(unit);
                TokenUnits.Unit u = units.containsKey(unitText) ? units.get(unitText)
                        : BadCell.parse(row, cols, unit, TokenUnits::parse);
                units.putIfAbsent(unitText, u);
                if (u.measure() != TokenUnits.Measure.TOKENS) {
                    throw new BadCell(cols.name(unit), row.get(unit),
                            "expected a token unit (e.g. '1K tokens', '1M tokens', 'tokens') for usage type " + usage);
                }
                BigDecimal n = BadCell.parse(row, cols, amount, v -> FieldParsers.decimal(v, style));
                if (n == null) throw new BadCell(cols.name(amount), row.get(amount), "expected the usage amount");
                boolean[] r = new boolean[1];
                try {
                    tokens = TokenUnits.tokens(n, u.block(), r);
                } catch (IllegalArgumentException | ArithmeticException e) {
                    throw new BadCell(cols.name(amount), row.get(amount), "expected a non-negative usage amount");
                }
                if (r[0]) rounded++;
            }
            Map<String, String> tags = new LinkedHashMap<>();
            if (resourceTags >= 0) tags.putAll(stripUserPrefix(BadCell.parse(row, cols, resourceTags, AllocationTags::parseCell)));
            tagColumns.forEach((i, k) -> {
                String v = row.get(i);
                if (v != null && !v.isBlank()) tags.put(k, v.strip());
            });
            Map<String, String> principalTagMap = principalTags < 0 ? Map.of() : BadCell.parse(row, cols, principalTags, AllocationTags::parseCell);
            tags.putAll(principalTagMap);
            if (!usageLine) tags.put("charge_category", chargeCategory(type));
            String acct = row.get(account);
            if (acct != null && !acct.isBlank()) tags.put("aws_account", acct.strip());
            Allocation alloc = AllocationTags.allocateCloud(tags, principalAllocation(row.get(principal)));
            String lower = usage.toLowerCase(Locale.ROOT);
            boolean batch = lower.contains("-batch") || lower.contains("_batch");
            String tier = lower.contains("lctx") || lower.contains("long-context") ? "long context" : null;
            String cur = row.get(currency);
            return new UsageLine(from, to, PROVIDER, model(row, usage),
                    tc == TokenClass.INPUT ? tokens : 0, tc == TokenClass.CACHE_READ ? tokens : 0,
                    tc == TokenClass.CACHE_WRITE_5M ? tokens : 0, tc == TokenClass.CACHE_WRITE_1H ? tokens : 0,
                    tc == TokenClass.OUTPUT ? tokens : 0, 0, 0, batch, null, tier, billed,
                    cur == null || cur.isBlank() ? null : cur.strip().toUpperCase(Locale.ROOT), alloc,
                    new SourceRef(file, row.line()));
        }

        boolean bedrock(CsvRecord row) {
            String code = lower(row.get(productCode));
            String svc = lower(row.get(serviceCode));
            String pname = lower(row.get(productName));
            return BEDROCK_CODES.contains(code) || BEDROCK_CODES.contains(svc)
                    || pname.contains("amazon bedrock") || (lower(row.get(billingEntity)).equals("aws marketplace")
                    && pname.contains("bedrock"));
        }

        String model(CsvRecord row, String usage) {
            String pm = row.get(productModel);
            if (pm != null && !pm.isBlank()) return pm.strip();
            String fromType = modelFromUsageType(usage);
            if (fromType != null) return fromType;
            String pname = row.get(productName);
            if (pname != null && pname.contains("Bedrock Edition")) {
                return pname.replace("(Amazon Bedrock Edition)", "").strip();
            }
            return "";
        }
    }

    private static Map<String, String> stripUserPrefix(Map<String, String> tags) {
        Map<String, String> out = new LinkedHashMap<>();
        tags.forEach((k, v) -> out.put(k.startsWith("user_") || k.startsWith("user:") ? k.substring(5) : k, v));
        return out;
    }

    static TokenClass tokenClass(String usageType) {
        String u = usageType.toLowerCase(Locale.ROOT).replace('_', '-');
        if (u.contains("cache-read") || u.contains("cacheread")) return TokenClass.CACHE_READ;
        if (u.contains("cache-write") || u.contains("cachewrite")) {
            return ONE_HOUR.matcher(u).find() ? TokenClass.CACHE_WRITE_1H : TokenClass.CACHE_WRITE_5M;
        }
        if (u.contains("output-token") || u.contains("outputtoken")) return TokenClass.OUTPUT;
        if (u.contains("input-token") || u.contains("inputtoken")) return TokenClass.INPUT;
        return TokenClass.NONE;
    }

    /** {@code USE1-Claude3.5Sonnet-input-tokens} → {@code Claude3.5Sonnet}; Marketplace types name no model. */
    static String modelFromUsageType(String usageType) {
        String rest = REGION_PREFIX.matcher(usageType).replaceFirst("");
        if (rest.startsWith("MP:") || rest.isEmpty()) return null;
        String lower = rest.toLowerCase(Locale.ROOT);
        int cut = -1;
        for (String marker : List.of("-mantle-", "-input-token", "-output-token", "-cache-read", "-cache-write")) {
            int i = lower.indexOf(marker);
            if (i > 0 && (cut < 0 || i < cut)) cut = i;
        }
        return cut > 0 ? rest.substring(0, cut) : null;
    }

    /** The principal ARN as allocation: the user (or session name) after the last {@code /}; Bedrock API keys as key. */
    static Allocation principalAllocation(String arn) {
        if (arn == null || arn.isBlank()) return Allocation.NONE;
        String a = arn.strip();
        String who = a.substring(a.lastIndexOf('/') + 1);
        String apiKey = who.startsWith("BedrockAPIKey") ? who : null;
        return new Allocation(null, null, null, null, who, apiKey, null, null, null, null, Map.of("iam_principal", a));
    }

    /** CUR line item types as FOCUS charge categories. */
    static String chargeCategory(String lineItemType) {
        String t = lineItemType.toLowerCase(Locale.ROOT);
        if (t.equals("tax")) return "Tax";
        if (t.equals("credit") || t.equals("refund") || t.endsWith("discount") || t.contains("negation")) return "Credit";
        if (t.equals("fee") || t.contains("recurringfee") || t.contains("upfront")) return "Purchase";
        return "Adjustment";
    }

    private static String lower(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }
}

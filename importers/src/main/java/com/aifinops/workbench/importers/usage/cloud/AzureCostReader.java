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
import java.math.MathContext;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Azure Cost Management "cost and usage details" export (EA, MCA camelCase and legacy spellings), Azure OpenAI
 * meters (formats.md §4.1). The meter name ({@code gpt-4o-0513 Inp glbl Tokens}, {@code gpt 4.1 mini cached Inp
 * glbl}, {@code gpt-4-8K-Batch-Inp-glbl Tokens}) gives model, token class and batch; tokens = {@code Quantity} ×
 * the block of {@code UnitOfMeasure} ({@code 1K}, {@code 1M}, {@code 1K Tokens}). When the row's
 * {@code EffectivePrice} shows the quantity is already in tokens (quantity ÷ block × price = cost, quantity × price
 * does not), the quantity is taken as tokens. Cost is {@code CostInBillingCurrency} (or {@code PreTaxCost}, or
 * {@code CostInUsd} in USD), exact; semicolon files read decimal commas ({@code 1.234,56}). {@code Tags} (JSON, with
 * or without braces) give the allocation; the resource group is the project when no tag names one, the
 * Cognitive Services account the workspace. Other services are skipped and summarised in one warning.
 */
public final class AzureCostReader implements UsageReader {
    public static final String FORMAT = "azure-cost";
    private static final String PROVIDER = "azure-openai";
    private static final Set<String> KNOWN = Set.copyOf(List.of("billingaccountid", "billingaccountname", "billingperiodstartdate",
            "billingperiodenddate", "billingprofileid", "billingprofilename", "accountownerid", "accountname",
            "subscriptionid", "subscriptionname", "subscriptionguid", "date", "usagedatetime", "usagedate", "product",
            "productname", "partnumber", "meterid", "metername", "metercategory", "metersubcategory", "meterregion",
            "servicefamily", "productid", "productorderid", "productordername", "quantity", "usagequantity",
            "consumedquantity", "unitofmeasure", "effectiveprice", "unitprice", "paygprice", "resourcerate",
            "costinbillingcurrency", "costinpricingcurrency", "costinusd", "paygcostinbillingcurrency",
            "paygcostinusd", "pretaxcost", "cost", "billingcurrency", "billingcurrencycode", "currency",
            "pricingcurrency", "pricingcurrencycode", "exchangeratepricingtobilling", "exchangeratedate",
            "resourcelocation", "location", "consumedservice", "resourceid", "instanceid", "resourcegroup",
            "resourcegroupname", "resourcename", "tags", "additionalinfo", "invoiceid", "previousinvoiceid",
            "invoicesectionid", "invoicesectionname", "costcenter", "chargetype", "frequency", "pricingmodel",
            "benefitid", "benefitname", "reservationid", "reservationname", "term", "publishertype", "publishername",
            "publisherid", "planname", "costallocationrulename", "serviceperiodstartdate", "serviceperiodenddate",
            "isazurecrediteligible", "partnerearnedcreditapplied", "partnerearnedcreditrate", "servicename",
            "servicetier", "servicelocation", "departmentname", "departmentid", "accountownername", "offerid",
            "chargesbilledseparately", "invoicesection", "customername", "customertenantid", "resellername",
            "resellermpnid", "marketprice", "serviceinfo1", "serviceinfo2", "provider", "serviceadministratorid", "month",
            "day", "year", "extendedcost", "storeserviceidentifier", "instancename", "customerid"));
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/uuuu");
    private static final DateTimeFormatter EU_DATE = DateTimeFormatter.ofPattern("d.M.uuuu");
    private static final Pattern WORDS = Pattern.compile("[^\\s-]+");

    /** What a meter name says about its tokens. */
    record Meter(String model, AwsCurReader.TokenClass tokenClass, boolean batch) {
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "Azure Cost Management cost details export (CSV), Azure OpenAI meters";
    }

    @Override
    public int detect(String fileName, String head) {
        Set<String> keys = new HashSet<>();
        for (String h : CsvRecords.headerCells(head)) keys.add(key(h));
        if (!keys.contains("metername")) return 0;
        boolean cost = keys.contains("costinbillingcurrency") || keys.contains("costinusd") || keys.contains("pretaxcost")
                || keys.contains("extendedcost");
        boolean quantity = keys.contains("quantity") || keys.contains("usagequantity") || keys.contains("consumedquantity");
        if (!cost || !quantity) return 0;
        String h = head.toLowerCase(Locale.ROOT);
        return h.contains("openai") || h.contains("foundry models") ? 90 : 75;
    }

    static String key(String header) {
        return FieldParsers.headerKey(header).replace(" ", "").replace("_", "");
    }

    @Override
    public void read(Path file, UsageSink sink) throws IOException {
        String name = file.getFileName().toString();
        CsvRecords.read(file, CsvRecords.Delimiter.SNIFFED, sink, csv -> {
            CsvColumns cols = csv.columns(AzureCostReader::key);
            Reading r = new Reading(name, cols, FieldParsers.decimalStyleFor(csv.delimiter()));
            boolean missing = false;
            for (Map.Entry<String, Integer> req : Map.of("Date", r.date, "MeterName", r.meterName, "Quantity",
                    r.quantity, "UnitOfMeasure", r.unit, "CostInBillingCurrency", r.cost).entrySet()) {
                if (req.getValue() < 0) {
                    sink.problem(ImportProblem.error(name, 1, req.getKey(), null, "missing column " + req.getKey()
                            + (req.getKey().startsWith("Cost") ? " (or PreTaxCost, ExtendedCost, CostInUsd)" : "")));
                    missing = true;
                }
            }
            if (missing) return;
            cols.warnUnknown(name, KNOWN::contains, sink);
            csv.readLines(name, sink, r::line);
            if (r.skipped > 0) {
                sink.problem(ImportProblem.warning(name, 0, cols.name(r.meterCategory),
                        r.skipped + " rows of other services than Azure OpenAI skipped"));
            }
            if (r.rounded > 0) {
                sink.problem(ImportProblem.warning(name, 0, cols.name(r.quantity),
                        r.rounded + " rows whose quantity × unit is not a whole number of tokens: rounded half-up"));
            }
        });
    }

    private static final class Reading {
        final String file;
        final CsvColumns cols;
        final FieldParsers.DecimalStyle style;
        final int date, meterName, meterSub, meterCategory, product, quantity, unit, cost, currency, price,
                resourceId, resourceGroup, resourceName, subscription, tags, chargeType, costCenter;
        final boolean usdCost;
        long skipped;
        long rounded;

        Reading(String file, CsvColumns cols, FieldParsers.DecimalStyle style) {
            this.file = file;
            this.cols = cols;
            this.style = style;
            date = cols.find("Date", "UsageDateTime", "UsageDate");
            meterName = cols.find("MeterName");
            meterSub = cols.find("MeterSubCategory");
            meterCategory = cols.find("MeterCategory");
            product = cols.find("ProductName", "Product");
            quantity = cols.find("Quantity", "UsageQuantity", "ConsumedQuantity");
            unit = cols.find("UnitOfMeasure");
            int billingCost = cols.find("CostInBillingCurrency", "PreTaxCost", "ExtendedCost", "Cost");
            cost = billingCost >= 0 ? billingCost : cols.find("CostInUsd");
            usdCost = billingCost < 0 && cost >= 0;
            currency = cols.find("BillingCurrency", "BillingCurrencyCode", "Currency");
            price = cols.find("EffectivePrice", "ResourceRate");
            resourceId = cols.find("ResourceId", "InstanceId");
            resourceGroup = cols.find("ResourceGroup", "ResourceGroupName");
            resourceName = cols.find("ResourceName");
            subscription = cols.find("SubscriptionName", "SubscriptionId", "SubscriptionGuid");
            tags = cols.find("Tags");
            chargeType = cols.find("ChargeType");
            costCenter = cols.find("CostCenter");
        }

        UsageLine line(CsvRecord row) {
            String meter = cell(row, meterName);
            String sub = cell(row, meterSub);
            Meter m = meter(meter);
            if (m.tokenClass() == AwsCurReader.TokenClass.NONE && !sub.isEmpty()) {
                Meter fromSub = meter(sub);
                if (fromSub.tokenClass() != AwsCurReader.TokenClass.NONE) m = fromSub;
            }
            if (!openAi(row, m)) {
                skipped++;
                return null;
            }
            Instant day = BadCell.parse(row, cols, date, AzureCostReader::day);
            if (day == null) throw new BadCell(cols.name(date), row.get(date), "expected the usage date");
            BigDecimal billed = BadCell.parse(row, cols, cost, v -> FieldParsers.decimal(v, style));
            if (billed == null) throw new BadCell(cols.name(cost), row.get(cost), "expected the line's cost");
            String charge = cell(row, chargeType);
            boolean usage = charge.isEmpty() || charge.equalsIgnoreCase("usage");
            long tokens = 0;
            if (usage && m.tokenClass() != AwsCurReader.TokenClass.NONE) {
                TokenUnits.Unit u = BadCell.parse(row, cols, unit, TokenUnits::parse);
                if (u.measure() != TokenUnits.Measure.TOKENS) {
                    throw new BadCell(cols.name(unit), row.get(unit), "expected a token unit such as 1K or 1M for meter " + meter);
                }
                BigDecimal q = BadCell.parse(row, cols, quantity, v -> FieldParsers.decimal(v, style));
                if (q == null || q.signum() < 0) throw new BadCell(cols.name(quantity), row.get(quantity), "expected a non-negative quantity");
                BigDecimal p = BadCell.parse(row, cols, price, v -> FieldParsers.decimal(v, style));
                BigDecimal block = quantityIsTokens(q, u.block(), p, billed) ? BigDecimal.ONE : u.block();
                boolean[] r = new boolean[1];
                tokens = TokenUnits.tokens(q, block, r);
                if (r[0]) rounded++;
            }
            Map<String, String> tagMap = new LinkedHashMap<>();
            if (tags >= 0) tagMap.putAll(BadCell.parse(row, cols, tags, AllocationTags::parseCell));
            if (!usage) tagMap.put("charge_category", chargeCategory(charge));
            String subName = cell(row, subscription);
            if (!subName.isEmpty()) tagMap.put("subscription", subName);
            String cc = cell(row, costCenter);
            if (!cc.isEmpty()) tagMap.putIfAbsent("cost_center", cc);
            String rg = cell(row, resourceGroup);
            Allocation fallback = new Allocation(null, null, rg.isEmpty() ? null : rg, null, null, null,
                    account(cell(row, resourceId), cell(row, resourceName)), null, null, null, Map.of());
            String cur = usdCost ? "USD" : cell(row, currency);
            AwsCurReader.TokenClass tc = m.tokenClass();
            return new UsageLine(day, day.plus(1, ChronoUnit.DAYS), PROVIDER, m.model(),
                    tc == AwsCurReader.TokenClass.INPUT ? tokens : 0, tc == AwsCurReader.TokenClass.CACHE_READ ? tokens : 0,
                    0, 0, tc == AwsCurReader.TokenClass.OUTPUT ? tokens : 0, 0, 0, m.batch(), null, null, billed,
                    cur.isEmpty() ? null : cur.toUpperCase(Locale.ROOT), AllocationTags.allocateCloud(tagMap, fallback),
                    new SourceRef(file, row.line()));
        }

        boolean openAi(CsvRecord row, Meter m) {
            String cat = cell(row, meterCategory).toLowerCase(Locale.ROOT);
            String prod = cell(row, product).toLowerCase(Locale.ROOT);
            String sub = cell(row, meterSub).toLowerCase(Locale.ROOT);
            return prod.contains("openai") || sub.contains("openai") || cat.equals("foundry models")
                    || cat.equals("azure openai")
                    || (cat.contains("cognitive services") && m.tokenClass() != AwsCurReader.TokenClass.NONE);
        }
    }

    /**
     * True when the quantity is already in tokens: the block-scaled reading does not reproduce the cost from the
     * row's effective price but the raw reading does (within a cent or 1 %). Without a price the unit is trusted.
     */
    static boolean quantityIsTokens(BigDecimal quantity, BigDecimal block, BigDecimal pricePerBlock, BigDecimal cost) {
        if (pricePerBlock == null || pricePerBlock.signum() <= 0 || block.compareTo(BigDecimal.ONE) <= 0) return false;
        BigDecimal asBlocks = quantity.multiply(pricePerBlock).subtract(cost).abs();
        BigDecimal asTokens = quantity.divide(block, MathContext.DECIMAL128).multiply(pricePerBlock).subtract(cost).abs();
        BigDecimal tolerance = cost.abs().movePointLeft(2).max(new BigDecimal("0.01"));
        return asTokens.compareTo(tolerance) <= 0 && asBlocks.compareTo(tolerance) > 0;
    }

    /** A usage day: {@code 05/31/2026} (US, as Cost Management writes it), {@code 31.05.2026}, ISO date or time. */
    static Instant day(String s) {
        if (FieldParsers.isBlank(s)) return null;
        String t = s.strip();
        try {
            if (t.matches("\\d{1,2}/\\d{1,2}/\\d{4}")) return LocalDate.parse(t, US_DATE).atStartOfDay().toInstant(ZoneOffset.UTC);
            if (t.matches("\\d{1,2}\\.\\d{1,2}\\.\\d{4}")) return LocalDate.parse(t, EU_DATE).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expected a date such as 05/31/2026 (MM/dd/yyyy) or 2026-05-31");
        }
        try {
            return FieldParsers.instant(t).truncatedTo(ChronoUnit.DAYS);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected a date such as 05/31/2026 (MM/dd/yyyy) or 2026-05-31");
        }
    }

    /**
     * Reads a meter name: the words before the first of cached / batch / PTU / direction are the model as
     * written; {@code Inp}/{@code Input}/{@code Inpt} is input, {@code Outp}/{@code Output} output, {@code cached}
     * (or {@code cchd}) a cache read. A meter without a direction bills no tokens (hosting, training, PTU hours).
     */
    static Meter meter(String name) {
        if (name == null || name.isBlank()) return new Meter("", AwsCurReader.TokenClass.NONE, false);
        Matcher w = WORDS.matcher(name);
        int modelEnd = -1;
        boolean cached = false, batch = false, ptu = false;
        AwsCurReader.TokenClass dir = AwsCurReader.TokenClass.NONE;
        while (w.find()) {
            String word = w.group().toLowerCase(Locale.ROOT);
            boolean marker = true;
            switch (word) {
                case "cached", "cache", "cchd" -> cached = true;
                case "batch" -> batch = true;
                case "ptu" -> ptu = true;
                case "inp", "input", "inpt" -> dir = AwsCurReader.TokenClass.INPUT;
                case "outp", "output", "outpt" -> dir = AwsCurReader.TokenClass.OUTPUT;
                default -> marker = false;
            }
            if (marker && modelEnd < 0) modelEnd = w.start();
        }
        if (ptu || dir == AwsCurReader.TokenClass.NONE) return new Meter("", AwsCurReader.TokenClass.NONE, batch);
        String model = name.substring(0, Math.max(modelEnd, 0)).replaceAll("[\\s-]+$", "").strip();
        AwsCurReader.TokenClass tc = cached && dir == AwsCurReader.TokenClass.INPUT ? AwsCurReader.TokenClass.CACHE_READ : dir;
        return new Meter(model, tc, batch);
    }

    /** The Cognitive Services account a resource id names ({@code …/accounts/<name>}), else the resource name. */
    static String account(String resourceId, String resourceName) {
        int i = resourceId.toLowerCase(Locale.ROOT).indexOf("/accounts/");
        if (i >= 0) {
            String rest = resourceId.substring(i + "/accounts/".length());
            int slash = rest.indexOf('/');
            return slash < 0 ? rest : rest.substring(0, slash);
        }
        return resourceName.isEmpty() ? null : resourceName;
    }

    static String chargeCategory(String chargeType) {
        String t = chargeType.toLowerCase(Locale.ROOT);
        if (t.equals("refund")) return "Credit";
        if (t.equals("tax")) return "Tax";
        if (t.equals("purchase") || t.startsWith("unused")) return "Purchase";
        return "Adjustment";
    }

    private static String cell(CsvRecord row, int i) {
        String v = row.get(i);
        return v == null ? "" : v.strip();
    }
}

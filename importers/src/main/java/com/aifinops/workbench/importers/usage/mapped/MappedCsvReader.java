package com.aifinops.workbench.importers.usage.mapped;

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
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads any CSV through a {@link ColumnMapping}. The mapping is checked against the file's header first: a mapped
 * header the file lacks is an error naming it (and nothing is read); columns the mapping does not use are
 * warnings. Token cells may be fractional when the multiplier makes them whole ({@code 12.5} × 1000).
 */
public final class MappedCsvReader implements UsageReader {
    public static final String FORMAT = "mapped-csv";
    private final ColumnMapping mapping;

    public MappedCsvReader(ColumnMapping mapping) {
        this.mapping = mapping.validated();
    }

    public ColumnMapping mapping() {
        return mapping;
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "Any CSV through the column mapping '" + mapping.name() + "'";
    }

    /** Never detected: a mapped reader is used only when the user chooses its mapping. */
    @Override
    public int detect(String fileName, String head) {
        return 0;
    }

    @Override
    public void read(Path file, UsageSink sink) throws IOException {
        String name = file.getFileName().toString();
        CsvRecords.read(file, CsvRecords.Delimiter.fixed(mapping.delimiterChar()), sink, csv -> {
            Map<String, String> missing = mapping.missingHeaders(csv.header());
            if (!missing.isEmpty()) {
                missing.forEach((field, header) -> sink.problem(ImportProblem.error(name, 1, header, null,
                        "the mapping '" + mapping.name() + "' reads " + field + " from column '" + header
                                + "', which is not in this file (its columns: " + String.join(", ", csv.header()) + ")")));
                return;
            }
            CsvColumns cols = csv.columns(FieldParsers::headerKey);
            Set<String> used = new HashSet<>();
            mapping.mappedHeaders().values().forEach(h -> used.add(FieldParsers.headerKey(h)));
            cols.warnUnknown(name, used::contains, sink);
            Reading r = new Reading(name, cols, FieldParsers.decimalStyleFor(csv.delimiter()));
            csv.readLines(name, sink, r::line);
        });
    }

    private final class Reading {
        final String file;
        final CsvColumns cols;
        final FieldParsers.DecimalStyle style;
        final int start, end, provider, model, input, cacheRead, cw5, cw1, output, reasoning, requests, cost, currency;
        final Map<String, Integer> allocation = new LinkedHashMap<>();
        final Map<String, Integer> tags = new LinkedHashMap<>();
        final DateTimeFormatter pattern;

        Reading(String file, CsvColumns cols, FieldParsers.DecimalStyle style) {
            this.file = file;
            this.cols = cols;
            this.style = style;
            start = idx(mapping.startTime());
            end = idx(mapping.endTime());
            provider = idx(mapping.provider());
            model = idx(mapping.model());
            input = idx(mapping.input());
            cacheRead = idx(mapping.cacheRead());
            cw5 = idx(mapping.cacheWrite5m());
            cw1 = idx(mapping.cacheWrite1h());
            output = idx(mapping.output());
            reasoning = idx(mapping.reasoning());
            requests = idx(mapping.requests());
            cost = idx(mapping.billedCost());
            currency = idx(mapping.currency());
            mapping.allocation().forEach((f, h) -> allocation.put(f, idx(h)));
            for (String t : mapping.tags()) tags.put(t, idx(t));
            String tf = mapping.timeFormat();
            pattern = tf.equals("auto") || tf.startsWith("epoch-") ? null : DateTimeFormatter.ofPattern(tf, Locale.ROOT);
        }

        int idx(String header) {
            return header == null || header.isBlank() ? -1 : cols.find(header);
        }

        UsageLine line(CsvRecord row) {
            Instant from = BadCell.parse(row, cols, start, this::time);
            if (from == null) throw new BadCell(cols.name(start), row.get(start), "expected the row's time");
            Instant to = BadCell.parse(row, cols, end, this::time);
            String prov = text(row, provider);
            if (prov == null) prov = mapping.providerConstant();
            if (prov == null || prov.isBlank()) throw new BadCell(cols.name(provider), row.get(provider), "expected a provider");
            long in = tokens(row, input), read = tokens(row, cacheRead), w5 = tokens(row, cw5), w1 = tokens(row, cw1);
            long out = tokens(row, output), reason = tokens(row, reasoning);
            long uncached = in;
            if (mapping.inputIncludesCached()) {
                uncached = in - read - w5 - w1;
                if (uncached < 0 && input >= 0) {
                    throw new BadCell(cols.name(input), row.get(input), "expected input (" + in
                            + ") to include its cached part (" + (read + w5 + w1)
                            + "); if this file counts cached tokens apart, set inputIncludesCached to false");
                }
                uncached = Math.max(uncached, 0);
            }
            if (!mapping.outputIncludesReasoning()) out += reason;
            if (reason > out) {
                throw new BadCell(cols.name(reasoning), row.get(reasoning), "expected reasoning (" + reason
                        + ") to be part of output (" + out + "); if this file counts it apart, set outputIncludesReasoning to false");
            }
            Long req = BadCell.parse(row, cols, requests, FieldParsers::count);
            BigDecimal billed = BadCell.parse(row, cols, cost, v -> FieldParsers.decimal(v, style));
            String cur = text(row, currency);
            if (cur == null) cur = mapping.currencyConstant();
            Map<String, String> tagValues = new LinkedHashMap<>();
            tags.forEach((t, i) -> {
                String v = text(row, i);
                if (v != null) tagValues.put(t, v);
            });
            Allocation a = new Allocation(alloc(row, "org"), alloc(row, "team"), alloc(row, "project"),
                    alloc(row, "agent"), alloc(row, "user"), alloc(row, "apiKey"), alloc(row, "workspace"),
                    alloc(row, "environment"), alloc(row, "feature"), alloc(row, "customer"), tagValues);
            String m = text(row, model);
            return new UsageLine(from, to, prov.strip().toLowerCase(Locale.ROOT), m, uncached, read, w5, w1, out, reason,
                    req == null ? 0 : req, false, null, null, billed,
                    cur == null || cur.isBlank() ? null : cur.strip().toUpperCase(Locale.ROOT), a,
                    new SourceRef(file, row.line()));
        }

        String alloc(CsvRecord row, String field) {
            Integer i = allocation.get(field);
            return i == null ? null : text(row, i);
        }

        String text(CsvRecord row, int i) {
            String v = row.get(i);
            return FieldParsers.isBlank(v) ? null : v.strip();
        }

        long tokens(CsvRecord row, int i) {
            BigDecimal d = BadCell.parse(row, cols, i, v -> FieldParsers.decimal(v, style));
            if (d == null) return 0;
            BigDecimal t = d.multiply(BigDecimal.valueOf(mapping.tokenMultiplier()));
            if (t.signum() < 0) throw new BadCell(cols.name(i), row.get(i), "expected a non-negative token count");
            try {
                return t.stripTrailingZeros().longValueExact();
            } catch (ArithmeticException e) {
                throw new BadCell(cols.name(i), row.get(i), "expected a whole number of tokens (× "
                        + mapping.tokenMultiplier() + ")");
            }
        }

        Instant time(String s) {
            if (FieldParsers.isBlank(s)) return null;
            String t = s.strip();
            String tf = mapping.timeFormat();
            try {
                if (tf.equals("epoch-seconds")) return Instant.ofEpochSecond(new BigDecimal(t).longValueExact());
                if (tf.equals("epoch-millis")) return Instant.ofEpochMilli(new BigDecimal(t).longValueExact());
            } catch (NumberFormatException | ArithmeticException e) {
                throw new IllegalArgumentException("expected whole Unix " + (tf.equals("epoch-seconds") ? "seconds" : "milliseconds"));
            }
            if (pattern == null) {
                if (t.endsWith(" UTC")) t = t.substring(0, t.length() - 4) + "Z";
                return FieldParsers.instant(t);
            }
            try {
                TemporalAccessor p = pattern.parseBest(t, ZonedDateTime::from, LocalDateTime::from, LocalDate::from);
                if (p instanceof ZonedDateTime z) return z.toInstant();
                if (p instanceof LocalDateTime l) return l.toInstant(ZoneOffset.UTC);
                return ((LocalDate) p).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("expected a time in the format " + tf);
            }
        }
    }
}

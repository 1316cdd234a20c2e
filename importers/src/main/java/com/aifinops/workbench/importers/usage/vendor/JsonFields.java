package com.aifinops.workbench.importers.usage.vendor;

import com.aifinops.workbench.importers.usage.csv.CheckedRecord;
import com.aifinops.workbench.importers.usage.FieldParsers;
import com.aifinops.workbench.model.usage.ImportProblem;
import com.aifinops.workbench.model.usage.SourceRef;
import com.aifinops.workbench.model.usage.UsageSink;
import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.function.Function;

/**
 * Typed, tolerant reads from one JSON object (a bucket or a result): numbers may arrive as JSON numbers,
 * {@code 10.0} or strings ({@code "12.50"}), names are dotted paths ({@code amount.value}). A malformed value
 * is an error naming the file, line, JSON path, value and what was expected, and marks the object bad.
 */
public final class JsonFields {
    private final String file;
    private final long line;
    private final String path;
    private final JsonNode node;
    private final UsageSink sink;
    private boolean ok = true;

    public JsonFields(String file, long line, String path, JsonNode node, UsageSink sink) {
        this.file = file;
        this.line = line;
        this.path = path;
        this.node = node;
        this.sink = sink;
    }

    public static JsonFields of(String file, BucketPages.Bucket bucket, UsageSink sink) {
        return new JsonFields(file, bucket.line(), bucket.path(), bucket.fields(), sink);
    }

    public static JsonFields of(String file, BucketPages.Result result, UsageSink sink) {
        return new JsonFields(file, result.line(), result.path(), result.node(), sink);
    }

    public SourceRef source() {
        return new SourceRef(file, line);
    }

    public boolean ok() {
        return ok;
    }

    public JsonNode node() {
        return node;
    }

    /** The value at a dotted path, or {@code null} when absent or JSON null. */
    public JsonNode at(String dotted) {
        JsonNode n = node;
        for (String part : dotted.split("\\.")) {
            if (n == null || !n.isObject()) {
                return null;
            }
            n = n.get(part);
        }
        return n == null || n.isNull() || n.isMissingNode() ? null : n;
    }

    public boolean has(String dotted) {
        return at(dotted) != null;
    }

    public String text(String dotted) {
        JsonNode n = at(dotted);
        if (n == null) {
            return null;
        }
        if (n.isContainerNode()) {
            error(dotted, n.toString(), "expected a string");
            return null;
        }
        String t = n.asText();
        return t.isBlank() ? null : t.strip();
    }

    public Long count(String dotted) {
        return parse(dotted, FieldParsers::count, "expected a whole number of tokens or requests");
    }

    public long countOrZero(String dotted) {
        Long v = count(dotted);
        return v == null ? 0 : v;
    }

    /** An exact decimal, from a JSON number or a numeric string; never via double. */
    public BigDecimal decimal(String dotted) {
        return parse(dotted, FieldParsers::decimal, "expected a number such as 12.50");
    }

    /**
     * A decimal the line cannot do without: {@code null} when absent (an error saying {@code expected}, unless the
     * value was already reported as malformed) or malformed.
     */
    public BigDecimal requiredDecimal(String dotted, String expected) {
        BigDecimal v = decimal(dotted);
        if (v == null && ok) {
            error(dotted, null, expected);
        }
        return v;
    }

    public Instant instant(String dotted) {
        return parse(dotted, FieldParsers::instant, "expected Unix seconds or an RFC 3339 time such as 2025-09-17T00:00:00Z");
    }

    public Boolean bool(String dotted) {
        JsonNode n = at(dotted);
        if (n == null) {
            return null;
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        try {
            return CheckedRecord.parseBool(n.asText());
        } catch (IllegalArgumentException e) {
            error(dotted, n.toString(), "expected true or false");
            return null;
        }
    }

    public void error(String dotted, String value, String expected) {
        ok = false;
        sink.problem(ImportProblem.error(file, line, path + "." + dotted, value, expected));
    }

    public void warning(String dotted, String message) {
        sink.problem(ImportProblem.warning(file, line, dotted == null ? path : path + "." + dotted, message));
    }

    private <T> T parse(String dotted, Function<String, T> parser, String expected) {
        JsonNode n = at(dotted);
        if (n == null) {
            return null;
        }
        if (!n.isValueNode()) {
            error(dotted, n.toString(), expected);
            return null;
        }
        // decimalValue keeps a JSON number exact (the mapper reads floats as BigDecimal)
        String raw = n.isNumber() ? n.decimalValue().toPlainString() : n.asText();
        try {
            return parser.apply(raw);
        } catch (IllegalArgumentException e) {
            error(dotted, n.isTextual() ? n.asText() : n.toString(), e.getMessage() == null ? expected : e.getMessage());
            return null;
        }
    }
}

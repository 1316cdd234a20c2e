package com.aifinops.workbench.importers.usage.vendor;

import com.aifinops.workbench.model.usage.ImportProblem;
import com.aifinops.workbench.model.usage.UsageLine;
import com.aifinops.workbench.model.usage.UsageSink;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams the paged bucket envelope both OpenAI's and Anthropic's admin usage/cost APIs return,
 * {@code {"data":[{<bucket fields>, "results":[…]}], "has_more":…, "next_page":…}}, or a JSON array of such
 * pages (several fetches saved together). Only one bucket is held in memory at a time, each result as a tree
 * with the line it starts on. A last page that says {@code has_more: true} is a warning (later pages are
 * missing from the file); malformed JSON is an error at its line and column, after which reading stops.
 */
public final class BucketPages {
    /** Exact decimals: amounts with 30 decimals survive, and {@code 10.0} stays a number we can check. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    /** One result object of a bucket. */
    public record Result(JsonNode node, long line, String path) {
    }

    /**
     * One bucket: its own fields (without {@code results}), where it starts, and its results in file order.
     */
    public record Bucket(ObjectNode fields, long line, String path, List<Result> results) {
    }

    @FunctionalInterface
    public interface BucketHandler {
        void bucket(Bucket bucket);
    }

    /**
     * Where a page format keeps a bucket's window: the start and end field names, and what a missing start is
     * expected to look like (for the error).
     */
    public record Window(String start, String end, String startExpected) {
    }

    /** Maps one result of a bucket to a usage line, or {@code null} when it yields none (reported or skipped). */
    @FunctionalInterface
    public interface ResultMapper {
        UsageLine line(JsonFields result, Instant start, Instant end);
    }

    private BucketPages() {
    }

    /**
     * Reads every result of every non-empty bucket through {@code mapper} and sends the lines it returns to the
     * sink. A bucket without a readable start is an error and its results are not read.
     */
    public static void readResults(Path file, UsageSink sink, Window window, ResultMapper mapper) throws IOException {
        String name = file.getFileName().toString();
        read(file, sink, bucket -> {
            if (bucket.results().isEmpty()) {
                return;
            }
            JsonFields b = JsonFields.of(name, bucket, sink);
            Instant start = b.instant(window.start());
            Instant end = b.instant(window.end());
            if (start == null) {
                if (b.ok()) {
                    b.error(window.start(), null, window.startExpected());
                }
                return;
            }
            for (Result result : bucket.results()) {
                UsageLine line = mapper.line(JsonFields.of(name, result, sink), start, end);
                if (line != null) {
                    sink.accept(line);
                }
            }
        });
    }

    public static void read(Path file, UsageSink sink, BucketHandler handler) throws IOException {
        String name = file.getFileName().toString();
        boolean[] sawData = {false};
        try (InputStream in = Files.newInputStream(file); JsonParser p = MAPPER.getFactory().createParser(in)) {
            try {
                JsonToken first = p.nextToken();
                Boolean lastHasMore;
                if (first == null) {
                    return;
                } else if (first == JsonToken.START_OBJECT) {
                    lastHasMore = page(p, "", name, sink, handler, sawData);
                } else if (first == JsonToken.START_ARRAY) {
                    lastHasMore = null;
                    int i = 0;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        if (p.currentToken() != JsonToken.START_OBJECT) {
                            sink.problem(ImportProblem.error(name, line(p), "[" + i + "]", p.getText(),
                                    "expected a page object {\"data\":[…]}"));
                            p.skipChildren();
                        } else {
                            lastHasMore = page(p, "[" + i + "]", name, sink, handler, sawData);
                        }
                        i++;
                    }
                } else {
                    sink.problem(ImportProblem.error(name, line(p), null, p.getText(),
                            "expected a JSON page object {\"data\":[…]} or an array of pages"));
                    return;
                }
                if (!sawData[0]) {
                    sink.problem(ImportProblem.warning(name, 1, "data",
                            "no \"data\" array of buckets found: expected a saved API page {\"data\":[…]}; nothing read"));
                }
                if (Boolean.TRUE.equals(lastHasMore)) {
                    sink.problem(ImportProblem.warning(name, 0, "has_more",
                            "the last page says has_more=true: later pages were not saved in this file"));
                }
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation();
                long line = at == null ? 0 : at.getLineNr();
                String where = at == null ? "" : " at column " + at.getColumnNr();
                sink.problem(ImportProblem.error(name, Math.max(line, 0), null, null,
                        "malformed JSON" + where + ", reading stopped: " + e.getOriginalMessage()));
            }
        }
    }

    /** Reads one page object (current token START_OBJECT); returns its has_more, or null when absent. */
    private static Boolean page(JsonParser p, String path, String name, UsageSink sink, BucketHandler handler,
                                boolean[] sawData) throws IOException {
        Boolean hasMore = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (field.equals("data") && value == JsonToken.START_ARRAY) {
                sawData[0] = true;
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    String bucketPath = prefix(path) + "data[" + i++ + "]";
                    if (p.currentToken() == JsonToken.START_OBJECT) {
                        handler.bucket(bucket(p, bucketPath, name, sink));
                    } else {
                        p.skipChildren();
                    }
                }
            } else if (field.equals("has_more") && value.isBoolean()) {
                hasMore = p.getBooleanValue();
            } else {
                p.skipChildren();
            }
        }
        return hasMore;
    }

    private static Bucket bucket(JsonParser p, String path, String name, UsageSink sink) throws IOException {
        long line = line(p);
        ObjectNode fields = MAPPER.createObjectNode();
        List<Result> results = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (field.equals("results") && value == JsonToken.START_ARRAY) {
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    long resultLine = line(p);
                    String resultPath = path + ".results[" + i++ + "]";
                    if (p.currentToken() != JsonToken.START_OBJECT) {
                        sink.problem(ImportProblem.error(name, resultLine, resultPath, p.getText(), "expected a result object {…}"));
                        p.skipChildren();
                        continue;
                    }
                    results.add(new Result(MAPPER.readTree(p), resultLine, resultPath));
                }
            } else {
                fields.set(field, tree(p));
            }
        }
        return new Bucket(fields, line, path, List.copyOf(results));
    }

    private static JsonNode tree(JsonParser p) throws IOException {
        return p.currentToken() == JsonToken.VALUE_NULL ? NullNode.getInstance() : MAPPER.readTree(p);
    }

    private static String prefix(String path) {
        return path.isEmpty() ? "" : path + ".";
    }

    private static long line(JsonParser p) {
        return Math.max(p.currentTokenLocation().getLineNr(), 0);
    }
}

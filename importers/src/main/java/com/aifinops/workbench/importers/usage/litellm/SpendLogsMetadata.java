package com.aifinops.workbench.importers.usage.litellm;

import com.aifinops.workbench.importers.usage.FieldParsers;
import com.aifinops.workbench.importers.usage.litellm.LiteLlmSpendLogsReader.LineProblem;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/**
 * The fields of a spend log's {@code metadata} the ledger uses: the cache split, the reasoning tokens and the
 * org/team/user/project ids.
 *
 * <p>Read by a scanner that accepts only plain, strict JSON (no escapes, no control characters, standard numbers,
 * no keys with dots) and reads it exactly as Jackson would; anything else (including every malformed value) is
 * read again by Jackson ({@link #parseWithJackson}), which decides. The scanner exists for speed: a Jackson parser
 * per row (its context, buffers and a {@code String} per key) was 40% of reading a million-row export.
 */
final class SpendLogsMetadata {
    static final SpendLogsMetadata NONE = new SpendLogsMetadata();
    private static final JsonFactory JSON = new JsonFactory();

    long cacheRead;
    long cacheWrite;
    long cacheWrite1h;
    long reasoning;
    String orgId;
    String teamId;
    String userId;
    String projectId;

    static SpendLogsMetadata parse(String raw) {
        if (raw == null || raw.isBlank() || raw.equals("{}")) return NONE;
        SpendLogsMetadata m = new Scan(raw).run();
        return m != null ? m : parseWithJackson(raw);
    }

    /** The fast reading alone: {@code null} when the text is not plain JSON (tests check both readings agree). */
    static SpendLogsMetadata scan(String raw) {
        return new Scan(raw).run();
    }

    // ---------------------------------------------------------------- the reference reading (Jackson)

    static SpendLogsMetadata parseWithJackson(String raw) {
        if (raw == null || raw.isBlank() || raw.equals("{}")) return NONE;
        SpendLogsMetadata m = new SpendLogsMetadata();
        try (JsonParser p = JSON.createParser(raw)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new LineProblem("metadata", cut(raw), "expected a JSON object");
            m.walk(p, "");
        } catch (IOException e) {
            throw new LineProblem("metadata", cut(raw), "expected a JSON object (malformed JSON)");
        }
        return m;
    }

    /** Walks one object; {@code path} is the dotted path of its parent keys. */
    private void walk(JsonParser p, String path) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            if (v == JsonToken.START_OBJECT) {
                if (path.isEmpty() && !key.equals("usage_object") && !key.equals("spend_logs_metadata")
                        && !key.equals("additional_usage_values")) {
                    p.skipChildren(); // headers, guardrails, …: nothing the ledger uses
                } else {
                    walk(p, path.isEmpty() ? key : path + "." + key);
                }
                continue;
            }
            if (v == JsonToken.START_ARRAY) {
                p.skipChildren();
                continue;
            }
            if (v == JsonToken.VALUE_NULL) continue;
            String full = path.isEmpty() ? key : path + "." + key;
            switch (full) {
                case "usage_object.prompt_tokens_details.cached_tokens", "usage_object.cache_read_input_tokens",
                     "additional_usage_values.cache_read_input_tokens" -> cacheRead = Math.max(cacheRead, tokens(p.getText(), full));
                case "usage_object.cache_creation_input_tokens", "additional_usage_values.cache_creation_input_tokens",
                     "usage_object.prompt_tokens_details.cache_creation_tokens" -> cacheWrite = Math.max(cacheWrite, tokens(p.getText(), full));
                case "usage_object.cache_creation.ephemeral_1h_input_tokens",
                     "usage_object.cache_creation_token_details.ephemeral_1h_input_tokens" ->
                        cacheWrite1h = Math.max(cacheWrite1h, tokens(p.getText(), full));
                case "usage_object.completion_tokens_details.reasoning_tokens" -> reasoning = tokens(p.getText(), full);
                case "user_api_key_org_id" -> orgId = p.getText();
                case "user_api_key_team_id" -> teamId = p.getText();
                case "user_api_key_user_id" -> userId = p.getText();
                case "project_id", "spend_logs_metadata.project_id" -> projectId = p.getText();
                default -> {
                    // not used
                }
            }
        }
        if (t != JsonToken.END_OBJECT) throw new JsonProcessingException("unbalanced object", p.currentLocation()) {
        };
    }

    private static long tokens(String s, String field) {
        long fast = digits(s);
        if (fast >= 0) return fast;
        try {
            Long v = FieldParsers.count(s);
            return v == null ? 0 : v;
        } catch (IllegalArgumentException e) {
            throw new LineProblem("metadata." + field, s, e.getMessage());
        }
    }

    /** The value of 1 to 18 ASCII digits (what {@link FieldParsers#count} makes of them), else −1. */
    private static long digits(String s) {
        int n = s.length();
        if (n == 0 || n > 18) return -1;
        long v = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static String cut(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }

    // ---------------------------------------------------------------- the fast reading

    /**
     * One pass over the text, in the order Jackson reads it (so a bad token count before anything unusual is the
     * same problem); {@code null} from {@link #run} means "not plain JSON: let Jackson read it".
     */
    private static final class Scan {
        /** Where the walk is: the parent keys' path, as far as it matters. */
        private static final int ROOT = 0, USAGE = 1, SPEND_LOGS_METADATA = 2, ADDITIONAL_USAGE = 3, PROMPT_DETAILS = 4,
                CACHE_CREATION = 5, CACHE_CREATION_DETAILS = 6, COMPLETION_DETAILS = 7, OTHER = 8;
        // well inside Jackson's own limits (nesting 1,000, number 1,000 chars, name 50,000, string 20,000,000)
        private static final int MAX_DEPTH = 200, MAX_NUMBER = 100, MAX_NAME = 1_000, MAX_STRING = 1_000_000;

        /** Not plain JSON; thrown without a stack trace, caught in {@link #run}. */
        private static final class Unusual extends RuntimeException {
            Unusual() {
                super("not plain JSON", null, false, false);
            }
        }

        private static final Unusual UNUSUAL = new Unusual();

        private final String s;
        private final int n;
        private int i;
        private final SpendLogsMetadata m = new SpendLogsMetadata();

        Scan(String s) {
            this.s = s;
            this.n = s.length();
        }

        SpendLogsMetadata run() {
            try {
                ws();
                if (peek() != '{') return null;
                i++;
                object(ROOT, 1);
                return m; // like Jackson, what follows the object is not read
            } catch (Unusual e) {
                return null;
            }
        }

        private void object(int path, int depth) {
            if (depth > MAX_DEPTH) throw UNUSUAL;
            ws();
            char c = peek();
            if (c == '}') {
                i++;
                return;
            }
            while (true) {
                if (c != '"') throw UNUSUAL;
                i++;
                int ks = i;
                int ke = key(path != OTHER);
                ws();
                if (peek() != ':') throw UNUSUAL;
                i++;
                ws();
                c = peek();
                if (c == '{') {
                    i++;
                    object(child(path, ks, ke), depth + 1);
                } else if (c == '[') {
                    i++;
                    array(depth + 1);
                } else if (c == 'n') {
                    literal("null");
                } else {
                    int vs;
                    int ve;
                    if (c == '"') {
                        i++;
                        vs = i;
                        ve = string(MAX_STRING, false);
                    } else {
                        vs = i;
                        if (c == 't') literal("true");
                        else if (c == 'f') literal("false");
                        else number();
                        ve = i;
                    }
                    if (path != OTHER) scalar(path, ks, ke, vs, ve);
                }
                ws();
                c = peek();
                if (c == ',') {
                    i++;
                    ws();
                    c = peek();
                    continue;
                }
                if (c == '}') {
                    i++;
                    return;
                }
                throw UNUSUAL;
            }
        }

        private void array(int depth) {
            if (depth > MAX_DEPTH) throw UNUSUAL;
            ws();
            char c = peek();
            if (c == ']') {
                i++;
                return;
            }
            while (true) {
                if (c == '{') {
                    i++;
                    object(OTHER, depth + 1);
                } else if (c == '[') {
                    i++;
                    array(depth + 1);
                } else if (c == '"') {
                    i++;
                    string(MAX_STRING, false);
                } else if (c == 'n') {
                    literal("null");
                } else if (c == 't') {
                    literal("true");
                } else if (c == 'f') {
                    literal("false");
                } else {
                    number();
                }
                ws();
                c = peek();
                if (c == ',') {
                    i++;
                    ws();
                    c = peek();
                    continue;
                }
                if (c == ']') {
                    i++;
                    return;
                }
                throw UNUSUAL;
            }
        }

        /** The path of an object under {@code path} named by the key; at the top only three are read, like Jackson's walk. */
        private int child(int path, int ks, int ke) {
            if (path == ROOT) {
                if (is(ks, ke, "usage_object")) return USAGE;
                if (is(ks, ke, "spend_logs_metadata")) return SPEND_LOGS_METADATA;
                if (is(ks, ke, "additional_usage_values")) return ADDITIONAL_USAGE;
                return OTHER; // skipped: read through, nothing used
            }
            if (path == USAGE) {
                if (is(ks, ke, "prompt_tokens_details")) return PROMPT_DETAILS;
                if (is(ks, ke, "cache_creation")) return CACHE_CREATION;
                if (is(ks, ke, "cache_creation_token_details")) return CACHE_CREATION_DETAILS;
                if (is(ks, ke, "completion_tokens_details")) return COMPLETION_DETAILS;
            }
            return OTHER;
        }

        /** A scalar (not null) under {@code path}: the same cases as {@link SpendLogsMetadata#walk}. */
        private void scalar(int path, int ks, int ke, int vs, int ve) {
            switch (path) {
                case ROOT -> {
                    if (is(ks, ke, "user_api_key_org_id")) m.orgId = s.substring(vs, ve);
                    else if (is(ks, ke, "user_api_key_team_id")) m.teamId = s.substring(vs, ve);
                    else if (is(ks, ke, "user_api_key_user_id")) m.userId = s.substring(vs, ve);
                    else if (is(ks, ke, "project_id")) m.projectId = s.substring(vs, ve);
                }
                case SPEND_LOGS_METADATA -> {
                    if (is(ks, ke, "project_id")) m.projectId = s.substring(vs, ve);
                }
                case USAGE -> {
                    if (is(ks, ke, "cache_read_input_tokens")) {
                        m.cacheRead = Math.max(m.cacheRead, tokens(s.substring(vs, ve), "usage_object.cache_read_input_tokens"));
                    } else if (is(ks, ke, "cache_creation_input_tokens")) {
                        m.cacheWrite = Math.max(m.cacheWrite, tokens(s.substring(vs, ve), "usage_object.cache_creation_input_tokens"));
                    }
                }
                case ADDITIONAL_USAGE -> {
                    if (is(ks, ke, "cache_read_input_tokens")) {
                        m.cacheRead = Math.max(m.cacheRead, tokens(s.substring(vs, ve), "additional_usage_values.cache_read_input_tokens"));
                    } else if (is(ks, ke, "cache_creation_input_tokens")) {
                        m.cacheWrite = Math.max(m.cacheWrite,
                                tokens(s.substring(vs, ve), "additional_usage_values.cache_creation_input_tokens"));
                    }
                }
                case PROMPT_DETAILS -> {
                    if (is(ks, ke, "cached_tokens")) {
                        m.cacheRead = Math.max(m.cacheRead,
                                tokens(s.substring(vs, ve), "usage_object.prompt_tokens_details.cached_tokens"));
                    } else if (is(ks, ke, "cache_creation_tokens")) {
                        m.cacheWrite = Math.max(m.cacheWrite,
                                tokens(s.substring(vs, ve), "usage_object.prompt_tokens_details.cache_creation_tokens"));
                    }
                }
                case CACHE_CREATION -> {
                    if (is(ks, ke, "ephemeral_1h_input_tokens")) {
                        m.cacheWrite1h = Math.max(m.cacheWrite1h,
                                tokens(s.substring(vs, ve), "usage_object.cache_creation.ephemeral_1h_input_tokens"));
                    }
                }
                case CACHE_CREATION_DETAILS -> {
                    if (is(ks, ke, "ephemeral_1h_input_tokens")) {
                        m.cacheWrite1h = Math.max(m.cacheWrite1h,
                                tokens(s.substring(vs, ve), "usage_object.cache_creation_token_details.ephemeral_1h_input_tokens"));
                    }
                }
                case COMPLETION_DETAILS -> {
                    if (is(ks, ke, "reasoning_tokens")) {
                        m.reasoning = tokens(s.substring(vs, ve), "usage_object.completion_tokens_details.reasoning_tokens");
                    }
                }
                default -> {
                    // not used
                }
            }
        }

        private boolean is(int from, int to, String name) {
            return to - from == name.length() && s.startsWith(name, from);
        }

        /**
         * A key, as {@link #string}. Where something is still read ({@code dotted}), a key containing a dot is unusual:
         * Jackson's walk matches dotted paths, so {@code "usage_object.cache_read_input_tokens"} as one key counts.
         * Below a part nothing is read from, no path can match whatever its keys are.
         */
        private int key(boolean dotted) {
            return string(MAX_NAME, dotted);
        }

        /**
         * A string without escapes, control characters or surrogates (else unusual), the opening quote consumed;
         * returns its end and steps past the closing quote.
         */
        private int string(int maxLength, boolean noDots) {
            int from = i;
            int max = Math.min(n, from + maxLength);
            for (int k = from; k < max; k++) {
                char c = s.charAt(k);
                if (c == '"') {
                    i = k + 1;
                    return k;
                }
                if (c == '\\' || c < 0x20 || Character.isSurrogate(c) || (noDots && c == '.')) throw UNUSUAL;
            }
            throw UNUSUAL;
        }

        /** -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? followed by whitespace, ',', '}' or ']'. */
        private void number() {
            int from = i;
            if (at() == '-') i++;
            int c = at();
            if (c == '0') {
                i++;
            } else if (c >= '1' && c <= '9') {
                digitsRun();
            } else {
                throw UNUSUAL;
            }
            if (at() == '.') {
                i++;
                if (!isDigit(at())) throw UNUSUAL;
                digitsRun();
            }
            c = at();
            if (c == 'e' || c == 'E') {
                i++;
                c = at();
                if (c == '+' || c == '-') i++;
                if (!isDigit(at())) throw UNUSUAL;
                digitsRun();
            }
            if (i - from > MAX_NUMBER) throw UNUSUAL;
            delimiter();
        }

        private void digitsRun() {
            while (isDigit(at())) i++;
        }

        private static boolean isDigit(int c) {
            return c >= '0' && c <= '9';
        }

        private void literal(String word) {
            if (!s.startsWith(word, i)) throw UNUSUAL;
            i += word.length();
            delimiter();
        }

        /** What may follow a number or literal inside an object or array. */
        private void delimiter() {
            char c = peek();
            if (c != ',' && c != '}' && c != ']' && c != ' ' && c != '\t' && c != '\n' && c != '\r') throw UNUSUAL;
        }

        private void ws() {
            while (i < n) {
                char c = s.charAt(i);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
                i++;
            }
        }

        /** The character at the position; the end of the text is unusual (the object is not closed). */
        private char peek() {
            if (i >= n) throw UNUSUAL;
            return s.charAt(i);
        }

        /** The character at the position, or −1 at the end. */
        private int at() {
            return i < n ? s.charAt(i) : -1;
        }
    }
}

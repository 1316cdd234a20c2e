package com.aifinops.workbench.importers.usage.litellm;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The metadata scanner reads plain JSON exactly as the Jackson walk does and hands everything else to it: checked on
 * hand-written shapes of real LiteLLM metadata (expected values read off the text) and on 30,000 random corruptions
 * of them, where both readings must give the same fields or the same problem.
 */
class SpendLogsMetadataTest {
    /** LiteLLM's shapes: OpenAI's prompt_tokens_details, Anthropic's cache fields, and where the ids sit. */
    static final List<String> SHAPES = List.of(
            "{\"user_api_key_alias\":\"key-7\",\"user_api_key_team_id\":\"team-7\",\"user_api_key_user_id\":\"user-0007\","
                    + "\"usage_object\":{\"completion_tokens\":640,\"prompt_tokens\":3000,\"total_tokens\":3640,"
                    + "\"prompt_tokens_details\":{\"cached_tokens\":1000},\"completion_tokens_details\":{\"reasoning_tokens\":160}}}",
            "{ \"usage_object\" : { \"cache_read_input_tokens\" : 6000 , \"cache_creation_input_tokens\" : 2000,\n"
                    + " \"cache_creation\": {\"ephemeral_1h_input_tokens\": 500, \"ephemeral_5m_input_tokens\": 1500} } }",
            "{\"user_api_key_org_id\":\"org-1\",\"spend_logs_metadata\":{\"project_id\":\"p-9\"},\"headers\":{\"x\":[1,2,{\"a\":null}]},"
                    + "\"additional_usage_values\":{\"cache_read_input_tokens\":\"1,200\",\"cache_creation_input_tokens\":3.0E2},"
                    + "\"guardrails\":[],\"hidden\":true,\"cost\":-1.5e-3,\"usage_object\":{\"cache_creation_token_details\":"
                    + "{\"ephemeral_1h_input_tokens\":40},\"prompt_tokens_details\":{\"cache_creation_tokens\":77,\"cached_tokens\":null}}}",
            "{\"project_id\":12,\"user_api_key_team_id\":false,\"tags\":[\"a\",\"b\"],\"usage_object\":{\"x\":{\"cached_tokens\":5}}}");

    @Test
    void readsTheFieldsOfEachShape() {
        SpendLogsMetadata openai = SpendLogsMetadata.parse(SHAPES.get(0));
        assertEquals(1000, openai.cacheRead);
        assertEquals(160, openai.reasoning);
        assertEquals(0, openai.cacheWrite);
        assertEquals("team-7", openai.teamId);
        assertEquals("user-0007", openai.userId);
        assertNull(openai.orgId);

        SpendLogsMetadata anthropic = SpendLogsMetadata.parse(SHAPES.get(1));
        assertEquals(6000, anthropic.cacheRead);
        assertEquals(2000, anthropic.cacheWrite);
        assertEquals(500, anthropic.cacheWrite1h);

        SpendLogsMetadata mixed = SpendLogsMetadata.parse(SHAPES.get(2));
        assertEquals(1200, mixed.cacheRead); // "1,200" is a count with grouping
        assertEquals(300, mixed.cacheWrite); // max(3.0E2 from additional_usage_values, 77) = 300
        assertEquals(40, mixed.cacheWrite1h);
        assertEquals("org-1", mixed.orgId);
        assertEquals("p-9", mixed.projectId);

        SpendLogsMetadata odd = SpendLogsMetadata.parse(SHAPES.get(3));
        assertEquals("12", odd.projectId); // a scalar's text, as Jackson's getText gives it
        assertEquals("false", odd.teamId);
        assertEquals(0, odd.cacheRead); // usage_object.x.cached_tokens is not a cache field
    }

    @Test
    void plainJsonIsReadByTheScannerAndTheRestByJackson() {
        for (String s : SHAPES) assertNotNull(SpendLogsMetadata.scan(s), s);
        // an escape, a dotted key (Jackson's walk matches the dotted path), a comment: Jackson reads them
        String escaped = "{\"user_api_key_user_id\":\"al\\u0069ce\"}";
        assertNull(SpendLogsMetadata.scan(escaped));
        assertEquals("alice", SpendLogsMetadata.parse(escaped).userId);
        String dotted = "{\"usage_object.cache_read_input_tokens\":300}";
        assertNull(SpendLogsMetadata.scan(dotted));
        assertEquals(300, SpendLogsMetadata.parse(dotted).cacheRead);
        // under a part nothing is read from, dots are harmless and stay on the fast path
        assertNotNull(SpendLogsMetadata.scan("{\"headers\":{\"x.y\":1},\"usage_object\":{\"k\":{\"a.b\":2}}}"));
        assertNull(SpendLogsMetadata.scan("{/*c*/\"usage_object\":{}}"));
    }

    @Test
    void badTokenCountsAndMalformedJsonAreTheSameProblemsAsBefore() {
        LiteLlmSpendLogsReader.LineProblem bad = problem("{\"usage_object\":{\"prompt_tokens_details\":{\"cached_tokens\":\"lots\"}}}");
        assertEquals("metadata.usage_object.prompt_tokens_details.cached_tokens", bad.column);
        assertEquals("lots", bad.value);
        LiteLlmSpendLogsReader.LineProblem malformed = problem("{\"usage_object\":{{}}");
        assertEquals("metadata", malformed.column);
        assertEquals("expected a JSON object (malformed JSON)", malformed.getMessage());
        assertEquals("expected a JSON object", problem("[1]").getMessage());
    }

    @Test
    void bothReadingsAgreeOnRandomCorruptions() {
        Random r = new Random(7);
        String alphabet = "{}[]:,\"\\ .-+0123456789eEtrufalsn\u00e9\t\nx";
        List<String> cases = new ArrayList<>(SHAPES);
        for (int k = 0; k < 30_000; k++) {
            StringBuilder b = new StringBuilder(SHAPES.get(r.nextInt(SHAPES.size())));
            for (int edits = 1 + r.nextInt(3); edits > 0; edits--) {
                int at = r.nextInt(b.length());
                char c = alphabet.charAt(r.nextInt(alphabet.length()));
                switch (r.nextInt(3)) {
                    case 0 -> b.deleteCharAt(at);
                    case 1 -> b.insert(at, c);
                    default -> b.setCharAt(at, c);
                }
            }
            cases.add(b.toString());
        }
        int scanned = 0;
        for (String s : cases) {
            String expected = outcome(() -> SpendLogsMetadata.parseWithJackson(s));
            assertEquals(expected, outcome(() -> SpendLogsMetadata.parse(s)), s);
            try {
                if (SpendLogsMetadata.scan(s) != null) scanned++;
            } catch (LiteLlmSpendLogsReader.LineProblem e) {
                scanned++; // the scanner read it and found a bad count
            }
        }
        // the corruptions that stay valid JSON exercise the scanner itself, not just the fallback
        assertEquals(true, scanned > 3_000, "scanned " + scanned);
    }

    private static LiteLlmSpendLogsReader.LineProblem problem(String raw) {
        try {
            SpendLogsMetadata.parse(raw);
        } catch (LiteLlmSpendLogsReader.LineProblem e) {
            return e;
        }
        throw new AssertionError("no problem for " + raw);
    }

    private static String outcome(java.util.function.Supplier<SpendLogsMetadata> read) {
        try {
            SpendLogsMetadata m = read.get();
            return String.join("|", String.valueOf(m.cacheRead), String.valueOf(m.cacheWrite), String.valueOf(m.cacheWrite1h),
                    String.valueOf(m.reasoning), Objects.toString(m.orgId), Objects.toString(m.teamId),
                    Objects.toString(m.userId), Objects.toString(m.projectId));
        } catch (LiteLlmSpendLogsReader.LineProblem e) {
            return "problem " + e.column + " | " + e.value + " | " + e.getMessage();
        }
    }
}

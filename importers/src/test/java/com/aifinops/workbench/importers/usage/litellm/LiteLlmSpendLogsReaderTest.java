package com.aifinops.workbench.importers.usage.litellm;

import com.aifinops.workbench.importers.usage.UsageReaders;
import com.aifinops.workbench.model.usage.ImportProblem;
import com.aifinops.workbench.model.usage.UsageLine;
import com.aifinops.workbench.model.usage.UsageSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hand-written fixture (CSV and the same four requests as a JSON export): gpt-5.5 with 500 of 1,500 prompt
 * tokens cached (OpenAI's prompt_tokens_details), Claude with 6,000 cache reads and 2,000 cache writes of a
 * 10,000-token prompt (Anthropic's fields in usage_object), and a model no catalogue knows.
 */
class LiteLlmSpendLogsReaderTest {
    @TempDir
    Path dir;

    private final LiteLlmSpendLogsReader reader = new LiteLlmSpendLogsReader();

    private static final class Collect implements UsageSink {
        final List<UsageLine> lines = new ArrayList<>();
        final List<ImportProblem> problems = new ArrayList<>();

        @Override
        public void accept(UsageLine line) {
            lines.add(line);
        }

        @Override
        public void problem(ImportProblem problem) {
            problems.add(problem);
        }
    }

    private Path fixture(String name) throws Exception {
        Path p = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/fixtures/usage/litellm/" + name)) {
            Files.copy(in, p);
        }
        return p;
    }

    private Collect read(Path p) throws Exception {
        Collect c = new Collect();
        reader.read(p, c);
        return c;
    }

    private Path write(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {"spendlogs-june.csv", "spendlogs-june.json"})
    void readsEveryRequestWithTheCacheSplitAndAllocation(String name) throws Exception {
        Collect c = read(fixture(name));
        assertEquals(List.of(), c.problems);
        assertEquals(4, c.lines.size());

        UsageLine gpt = c.lines.get(0);
        assertEquals(Instant.parse("2026-06-01T09:00:00Z"), gpt.start());
        assertEquals(Instant.parse("2026-06-01T09:00:02.500Z"), gpt.end());
        assertEquals("openai", gpt.provider());
        assertEquals("gpt-5.5", gpt.model());
        assertEquals(1000, gpt.uncachedInputTokens()); // 1500 prompt − 500 cached
        assertEquals(500, gpt.cacheReadTokens());
        assertEquals(750, gpt.outputTokens());
        assertEquals(1, gpt.requests());
        assertEquals(1500L, gpt.promptTokensPerRequest());
        assertEquals(new BigDecimal("0.028125"), gpt.billedCost());
        assertEquals("alice", gpt.allocation().user());
        assertEquals("team-search", gpt.allocation().team());
        assertEquals("hk-alice", gpt.allocation().apiKey());
        assertEquals("cust-1", gpt.allocation().customer());
        assertEquals(Map.of("prod", "", "feature", "search"), gpt.allocation().tags());

        UsageLine claude = c.lines.get(2);
        assertEquals("anthropic", claude.provider());
        assertEquals(2000, claude.uncachedInputTokens()); // 10000 − 6000 read − 2000 written
        assertEquals(6000, claude.cacheReadTokens());
        assertEquals(2000, claude.cacheWrite5mTokens());
        assertEquals(0, claude.cacheWrite1hTokens());
        assertNull(claude.allocation().customer());
        assertEquals(Map.of(), claude.allocation().tags());

        assertEquals(new BigDecimal("0.004075"), c.lines.get(3).billedCost());
        long input = c.lines.stream().mapToLong(UsageLine::inputTokens).sum();
        assertEquals(1500 + 2000 + 10000 + 100, input);
    }

    @Test
    void csvLinesAreThePhysicalLinesEvenAfterAQuotedLineBreak() throws Exception {
        Collect c = read(fixture("spendlogs-june.csv"));
        assertEquals(List.of(2L, 3L, 4L, 5L), c.lines.stream().map(l -> l.source().line()).toList());

        String csv = Files.readString(dir.resolve("spendlogs-june.csv"))
                .replace("\"[\"\"prod\"\",\"\"feature:search\"\"]\",True", "\"[\"\"prod\"\",\n\"\"feature:search\"\"]\",True");
        Collect broken = read(write("multiline.csv", csv));
        assertEquals(List.of(), broken.problems);
        assertEquals(List.of(2L, 4L, 5L, 6L), broken.lines.stream().map(l -> l.source().line()).toList());
        assertEquals(Map.of("prod", "", "feature", "search"), broken.lines.get(0).allocation().tags());
    }

    @Test
    void jsonLinesAreTheLinesEachObjectStartsOn() throws Exception {
        Collect c = read(fixture("spendlogs-june.json"));
        assertEquals(List.of(2L, 8L, 12L, 18L), c.lines.stream().map(l -> l.source().line()).toList());
    }

    @Test
    void aPageOfTheSpendLogsApiIsRead() throws Exception {
        Path p = write("page.json", "{\"total\": 2, \"page\": 1, \"data\": [\n"
                + "{\"request_id\": \"a\", \"startTime\": \"2026-06-01 00:00:01\", \"model\": \"gpt-5\", \"spend\": \"0.5\","
                + " \"prompt_tokens\": 10, \"completion_tokens\": 5},\n"
                + "{\"request_id\": \"b\", \"startTime\": \"2026-06-01 00:00:02\", \"model\": \"gpt-5\", \"spend\": 1e-3,"
                + " \"prompt_tokens\": 10, \"completion_tokens\": 5}]}");
        Collect c = read(p);
        assertEquals(List.of(), c.problems);
        assertEquals(2, c.lines.size());
        assertEquals(0, new BigDecimal("0.001").compareTo(c.lines.get(1).billedCost()));
        assertEquals(3L, c.lines.get(1).source().line());
        assertEquals("unknown", c.lines.get(0).provider());
    }

    @Test
    void badValuesNameLineColumnAndValue() throws Exception {
        String csv = Files.readString(fixture("spendlogs-june.csv"));
        String[] lines = csv.split("\n");
        lines[2] = lines[2].replace("2026-06-01 10:30:00.000", "yesterday");
        lines[3] = lines[3].replace("\"{\"\"usage_object\"\":{", "\"{\"\"usage_object\"\":{{");
        lines[4] = lines[4].replace(",0.004075,", ",lots,");
        Collect c = read(write("bad.csv", String.join("\n", lines) + "\n"));
        assertEquals(1, c.lines.size());
        assertEquals(3, c.problems.size());
        ImportProblem time = c.problems.get(0);
        assertEquals(3, time.line());
        assertEquals("startTime", time.column());
        assertEquals("yesterday", time.value());
        assertEquals(ImportProblem.Severity.ERROR, time.severity());
        assertEquals(4, c.problems.get(1).line());
        assertEquals("metadata", c.problems.get(1).column());
        assertEquals(5, c.problems.get(2).line());
        assertEquals("spend", c.problems.get(2).column());
        assertEquals("lots", c.problems.get(2).value());
    }

    @Test
    void anUnclosedQuoteIsAnErrorAtTheLineItOpens() throws Exception {
        String csv = Files.readString(fixture("spendlogs-june.csv"));
        Collect c = read(write("unclosed.csv", csv + "req-9,acompletion,hk,0.1,1,1,0,2026-06-03 00:00:00,,gpt-5,gpt-5,openai,u,t,,\"{oops\n"));
        assertEquals(4, c.lines.size());
        assertEquals(1, c.problems.size());
        assertEquals(6, c.problems.get(0).line());
        assertTrue(c.problems.get(0).message().contains("not closed"), c.problems.get(0).message());
    }

    @Test
    void unknownColumnsAreWarningsAndMissingRequiredOnesAreErrors() throws Exception {
        Collect extra = read(write("extra.csv", "request_id,startTime,model,spend,prompt_tokens,completion_tokens,colour\n"
                + "r1,2026-06-01T00:00:00Z,gpt-5,0.01,10,10,blue\n"));
        assertEquals(1, extra.lines.size());
        assertEquals(ImportProblem.Severity.WARNING, extra.problems.get(0).severity());
        assertEquals("colour", extra.problems.get(0).column());

        Collect missing = read(write("missing.csv", "request_id,startTime,model,prompt_tokens\nr1,2026-06-01,gpt-5,10\n"));
        assertEquals(0, missing.lines.size());
        assertEquals(List.of("spend", "completion_tokens"), missing.problems.stream().map(ImportProblem::column).toList());
    }

    @Test
    void aFailedRequestCarriesItsStatusAsATag() throws Exception {
        Collect c = read(write("status.csv", "request_id,startTime,model,spend,prompt_tokens,completion_tokens,request_tags,status\n"
                + "r1,2026-06-01T00:00:00Z,gpt-5,0.01,10,10,\"[\"\"feature:search\"\"]\",success\n"
                + "r2,2026-06-01T00:00:01Z,gpt-5,0,10,0,\"[\"\"feature:search\"\"]\",failure\n"
                + "r3,2026-06-01T00:00:02Z,gpt-5,0.01,10,10,,\n"));
        assertEquals(List.of(), c.problems);
        assertEquals(Map.of("feature", "search"), c.lines.get(0).allocation().tags(), "a success adds nothing");
        assertEquals(Map.of("feature", "search", "status", "failure"), c.lines.get(1).allocation().tags());
        assertEquals(Map.of(), c.lines.get(2).allocation().tags(), "no status column value: nothing");
    }

    @Test
    void cacheTokensBeyondThePromptMeanThePromptExcludedThem() throws Exception {
        // older proxies reported Anthropic's input_tokens (without cache) as prompt_tokens
        Collect c = read(write("old.csv", "request_id,startTime,model,spend,prompt_tokens,completion_tokens,metadata\n"
                + "r1,2026-06-01 00:00:00,claude-sonnet-4-6,0.01,300,10,\"{\"\"usage_object\"\":{\"\"cache_read_input_tokens\"\":5000,"
                + "\"\"cache_creation_input_tokens\"\":1000,\"\"cache_creation\"\":{\"\"ephemeral_1h_input_tokens\"\":400}}}\"\n"));
        assertEquals(List.of(), c.problems);
        UsageLine l = c.lines.get(0);
        assertEquals(300, l.uncachedInputTokens());
        assertEquals(5000, l.cacheReadTokens());
        assertEquals(600, l.cacheWrite5mTokens());
        assertEquals(400, l.cacheWrite1hTokens());
    }

    @Test
    void detectionClaimsRequestLogsButNotTheDailySpendTables() throws Exception {
        String spendLogs = Files.readString(fixture("spendlogs-june.csv"));
        assertTrue(reader.detect("export.csv", spendLogs) >= 80);
        assertTrue(reader.detect("logs.json", Files.readString(fixture("spendlogs-june.json"))) >= 80);
        String daily = "id,date,user_id,api_key,model,model_group,custom_llm_provider,prompt_tokens,completion_tokens,"
                + "cache_read_input_tokens,cache_creation_input_tokens,spend,api_requests,successful_requests,failed_requests,"
                + "created_at,updated_at\n";
        assertEquals(0, reader.detect("LiteLLM_DailyUserSpend.csv", daily));
        assertEquals(0, reader.detect("daily.json", "[{\"date\":\"2026-06-01\",\"team_id\":\"t\",\"spend\":1.0,\"api_requests\":3}]"));
        assertEquals(0, reader.detect("usage.csv", "start_time,end_time,start_time_iso,end_time_iso,project_id,num_model_requests\n"));
        assertEquals("litellm-spendlogs", UsageReaders.detect(dir.resolve("spendlogs-june.csv")).orElseThrow().format());
    }

    @Test
    void fastTimestampsAgreeWithTheTolerantParser() {
        for (String s : List.of("2026-06-01 10:00:00", "2026-06-01T10:00:00.5", "2026-06-01T10:00:00.123456789Z",
                "2026-06-01 10:00:00+00:00", "2024-02-29 23:59:59.999")) {
            assertEquals(com.aifinops.workbench.importers.usage.FieldParsers.instant(s.replace("+00:00", "Z")),
                    LiteLlmSpendLogsReader.fastInstant(s), s);
        }
        assertNull(LiteLlmSpendLogsReader.fastInstant("2026-02-30 10:00:00"));
        assertNull(LiteLlmSpendLogsReader.fastInstant("2026-06-01 10:00:00+02:00"));
    }
}

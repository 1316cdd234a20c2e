package com.aifinops.workbench.importers.usage.litellm;

import com.aifinops.workbench.importers.usage.ReaderFixtures;
import com.aifinops.workbench.importers.usage.ReaderFixtures.CollectingSink;
import com.aifinops.workbench.importers.usage.UsageReaders;
import com.aifinops.workbench.model.usage.ImportProblem;
import com.aifinops.workbench.model.usage.UsageLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static com.aifinops.workbench.importers.usage.ReaderFixtures.sum;
import static com.aifinops.workbench.importers.usage.ReaderFixtures.fixture;
import static com.aifinops.workbench.importers.usage.ReaderFixtures.read;
import static com.aifinops.workbench.importers.usage.ReaderFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiteLlmDailyReaderTest {
    private static final String FORMAT = "litellm";
    private final LiteLlmDailyReader reader = new LiteLlmDailyReader();



    @Test
    void dailyUserSpendTotals() throws IOException {
        CollectingSink sink = read(reader, fixture(FORMAT, "LiteLLM_DailyUserSpend.csv"));
        List<UsageLine> lines = sink.lines;
        assertEquals(List.of(), sink.problems);
        assertEquals(4, lines.size());
        // prompt_tokens includes the cache: (59,200 − 5,760) + (120,000 − 80,000 − 20,000) + 1,000 + 500
        //                                  = 53,440 + 20,000 + 1,000 + 500 = 74,940
        assertEquals(74_940, sum(lines, UsageLine::uncachedInputTokens));
        assertEquals(5_760 + 80_000, sum(lines, UsageLine::cacheReadTokens));
        assertEquals(20_000, sum(lines, UsageLine::cacheWrite5mTokens));
        // Completion: 10,646 + 4,000 + 200 + 100 = 14,946; requests 10 + 12 + 3 + 1 = 26.
        assertEquals(14_946, sum(lines, UsageLine::outputTokens));
        assertEquals(26, sum(lines, UsageLine::requests));
        // Spend exactly as written: 0.24726 + 0.219 + 0.00027000000000000006 + 0.00225 = 0.46878000000000000006
        BigDecimal spend = lines.stream().map(UsageLine::billedCost).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(new BigDecimal("0.46878000000000000006"), spend);
        assertEquals(new BigDecimal("0.47"), spend.setScale(2, java.math.RoundingMode.HALF_UP));
    }

    @Test
    void rowFieldsMapToTheLine() throws IOException {
        List<UsageLine> lines = read(reader, fixture(FORMAT, "LiteLLM_DailyUserSpend.csv")).lines;
        UsageLine a = lines.get(0);
        assertEquals(Instant.parse("2026-02-01T00:00:00Z"), a.start());
        assertEquals(Instant.parse("2026-02-02T00:00:00Z"), a.end());
        assertEquals("openai", a.provider());
        assertEquals("gpt-4o-2024-08-06", a.model());
        assertEquals("gpt-4o", a.allocation().tags().get("model_group"));
        assertEquals("u-alice", a.allocation().user());
        assertEquals("88dc28d0f030c55ed4ab77ed8faf098196cb1c05df778539800c9f1243fe6b4b", a.allocation().apiKey());
        assertEquals("user", a.allocation().tags().get("litellm_table"));
        assertEquals("/chat/completions", a.allocation().tags().get("endpoint"));
        assertEquals(2, a.source().line());
        assertEquals("anthropic", lines.get(1).provider());
        assertEquals("azure", lines.get(3).provider()); // empty custom_llm_provider: the model's prefix
    }

    @Test
    void teamAndTagTablesAllocateToTheirEntity() throws IOException {
        List<UsageLine> team = read(reader, fixture(FORMAT, "LiteLLM_DailyTeamSpend.csv")).lines;
        assertEquals(List.of("t-search", "t-ads"), team.stream().map(l -> l.allocation().team()).toList());
        assertEquals("team", team.get(0).allocation().tags().get("litellm_table"));
        // t-ads: prompt 3,000 incl. 1,000 cache read → 2,000 uncached.
        assertEquals(2_000, team.get(1).uncachedInputTokens());
        List<UsageLine> tag = read(reader, fixture(FORMAT, "LiteLLM_DailyTagSpend.csv")).lines;
        assertEquals("search", tag.get(0).allocation().team()); // "team:search" is a key:value tag
        assertEquals("team:search", tag.get(0).allocation().tags().get("tag"));
        assertEquals("prod", tag.get(1).allocation().tags().get("tag"));
        assertEquals(null, tag.get(1).allocation().team());
    }

    @Test
    void malformedCountIsAnErrorAndUnknownColumnAWarning(@TempDir Path dir) throws IOException {
        Path file = write(dir, "daily.csv", """
                user_id,date,model,custom_llm_provider,prompt_tokens,completion_tokens,cache_read_input_tokens,spend,api_requests,region
                u1,2026-02-01,gpt-4o,openai,100,10,0,0.001,1,eu
                u1,2026-02-02,gpt-4o,openai,1.5e1x,10,0,0.001,1,eu
                u1,2026-02-03,gpt-4o,openai,100,10,0,0.001,1,eu
                u1,02/04/2026x,gpt-4o,openai,100,10,0,0.001,1,eu
                u1,2026-02-05,gpt-4o,openai,50,10,80,0.001,1,eu
                """);
        CollectingSink sink = read(reader, file);
        assertEquals(3, sink.lines.size());
        assertEquals(2, sink.errors().size());
        ImportProblem bad = sink.errors().get(0);
        assertEquals("daily.csv", bad.file());
        assertEquals(3, bad.line());
        assertEquals("prompt_tokens", bad.column());
        assertEquals("1.5e1x", bad.value());
        assertTrue(bad.message().startsWith("expected"), bad.message());
        assertEquals(5, sink.errors().get(1).line());
        assertEquals("date", sink.errors().get(1).column());
        // Warnings: the unknown "region" column (line 1) and line 6, whose cache read exceeds the prompt.
        assertEquals(List.of(1L, 6L), sink.warnings().stream().map(ImportProblem::line).toList());
        assertEquals("region", sink.warnings().get(0).column());
        assertEquals(50, sink.lines.get(2).uncachedInputTokens());
    }

    @ParameterizedTest
    @ValueSource(strings = {"LiteLLM_DailyUserSpend.csv", "LiteLLM_DailyTeamSpend.csv", "LiteLLM_DailyTagSpend.csv"})
    void detectionPicksLiteLlmDaily(String name) throws IOException {
        assertEquals("litellm-daily", UsageReaders.detect(fixture(FORMAT, name)).orElseThrow().format());
    }

    @Test
    void spendLogsHeaderIsNotClaimed() throws IOException {
        Path logs = fixture(FORMAT, "LiteLLM_SpendLogs_sample.csv");
        assertEquals(0, reader.detect(logs.getFileName().toString(), UsageReaders.head(logs)));
        assertTrue(UsageReaders.detect(logs).map(r -> !r.format().equals("litellm-daily")).orElse(true));
    }
}

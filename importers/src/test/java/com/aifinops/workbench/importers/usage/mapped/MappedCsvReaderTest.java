package com.aifinops.workbench.importers.usage.mapped;

import com.aifinops.workbench.importers.usage.ReaderFixtures.CollectingSink;
import com.aifinops.workbench.importers.usage.UsageReader;
import com.aifinops.workbench.importers.usage.UsageReaders;
import com.aifinops.workbench.importers.usage.ReaderFixtures;
import com.aifinops.workbench.model.usage.ImportProblem;
import com.aifinops.workbench.model.usage.UsageLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.aifinops.workbench.importers.usage.ReaderFixtures.errors;
import static com.aifinops.workbench.importers.usage.ReaderFixtures.sum;
import static com.aifinops.workbench.importers.usage.ReaderFixtures.warnings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MappedCsvReaderTest {
    private static ColumnMapping gatewayMapping() throws IOException {
        return ColumnMapping.fromJson(Files.readString(ReaderFixtures.path("usage/mapped-csv/gateway-log.mapping.json")));
    }

    @Test
    void readsAGatewayLogThroughItsSavedMapping() throws IOException {
        UsageReader reader = UsageReaders.mapped(gatewayMapping());
        assertEquals("mapped-csv", reader.format());
        CollectingSink s = ReaderFixtures.read(reader, "usage/mapped-csv/gateway-log.csv");
        assertEquals(List.of(), s.problems);
        assertEquals(3, s.lines.size());
        // tokens in thousands; input includes cached: (1.5 − 0.5) + 2 + 0.4 = 3.4k uncached
        assertEquals(1_000 + 2_000 + 400, sum(s.lines, UsageLine::uncachedInputTokens));
        assertEquals(500, sum(s.lines, UsageLine::cacheReadTokens));
        assertEquals(750 + 1_000 + 100, sum(s.lines, UsageLine::outputTokens));
        assertEquals(250, sum(s.lines, UsageLine::reasoningTokens));
        // 0.01375 + 0.021 + 0.0003 = 0.03505
        assertEquals(0, new BigDecimal("0.03505").compareTo(ReaderFixtures.billed(s.lines)));
        UsageLine first = s.lines.get(0);
        assertEquals(Instant.parse("2026-05-31T10:00:00Z"), first.start()); // dd/MM/yyyy HH:mm, UTC
        assertEquals("openai", first.provider());
        assertEquals("gpt-5.5", first.model());
        assertEquals("search", first.allocation().team());
        assertEquals("u-1", first.allocation().user());
        assertEquals(Map.of("region", "eu"), first.allocation().tags());
        assertEquals("anthropic", s.lines.get(1).provider());
        assertEquals("openai", s.lines.get(2).provider()); // empty cell: the constant
        assertEquals(4, s.lines.get(2).source().line());
    }

    @Test
    void jsonRoundTripKeepsEveryField() throws IOException {
        ColumnMapping m = gatewayMapping();
        ColumnMapping back = ColumnMapping.fromJson(m.toJson());
        assertEquals(m, back);
        assertEquals(1000, back.tokenMultiplier());
        assertEquals("dd/MM/yyyy HH:mm", back.timeFormat());
        assertEquals(List.of("region"), back.tags());
        // defaults of a minimal mapping survive the trip too
        ColumnMapping minimal = ColumnMapping.fromJson("{\"name\":\"m\",\"startTime\":\"t\",\"providerConstant\":\"openai\",\"output\":\"o\"}");
        assertEquals(",", minimal.delimiter());
        assertEquals("auto", minimal.timeFormat());
        assertEquals(1, minimal.tokenMultiplier());
        assertTrue(minimal.inputIncludesCached());
        assertTrue(minimal.outputIncludesReasoning());
        assertEquals(minimal, ColumnMapping.fromJson(minimal.toJson()));
    }

    @Test
    void badMappingsAreClearErrors() {
        IllegalArgumentException unknownKey = assertThrows(IllegalArgumentException.class,
                () -> ColumnMapping.fromJson("{\"name\":\"m\",\"startTime\":\"t\",\"providerConstant\":\"x\",\"ouptut\":\"o\"}"));
        assertTrue(unknownKey.getMessage().contains("unknown key 'ouptut'"), unknownKey.getMessage());
        IllegalArgumentException incomplete = assertThrows(IllegalArgumentException.class,
                () -> ColumnMapping.fromJson("{\"name\":\"m\",\"output\":\"o\",\"allocation\":{\"squad\":\"s\"}}"));
        assertTrue(incomplete.getMessage().contains("map a column to the start time"), incomplete.getMessage());
        assertTrue(incomplete.getMessage().contains("provider"), incomplete.getMessage());
        assertTrue(incomplete.getMessage().contains("unknown allocation field 'squad'"), incomplete.getMessage());
        IllegalArgumentException broken = assertThrows(IllegalArgumentException.class, () -> ColumnMapping.fromJson("{\"name\":"));
        assertTrue(broken.getMessage().contains("not valid JSON"), broken.getMessage());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> ColumnMapping.fromJson("{\"name\":\"m\",\"startTime\":\"t\",\"providerConstant\":\"x\",\"input\":\"tok\",\"output\":\"TOK\"}"));
        assertTrue(twice.getMessage().contains("mapped to both input and output"), twice.getMessage());
    }

    @Test
    void aMappedHeaderMissingFromTheFileIsAnErrorNamingIt(@TempDir Path dir) throws IOException {
        Path f = ReaderFixtures.write(dir, "other.csv", "ts,vendor,model_name,prompt_tokens,completion_tokens,cost_usd,team,user_id,region\n"
                + "31/05/2026 10:00,openai,gpt-5.5,1,1,0.01,search,u-1,eu\n");
        CollectingSink s = ReaderFixtures.read(UsageReaders.mapped(gatewayMapping()), f);
        assertEquals(List.of(), s.lines);
        List<ImportProblem> e = errors(s);
        assertEquals(2, e.size(), e.toString()); // cached_tokens and reasoning_tokens
        assertEquals("cached_tokens", e.get(0).column());
        assertTrue(e.get(0).message().contains("reads cache read from column 'cached_tokens', which is not in this file"), e.get(0).message());
        assertEquals("reasoning_tokens", e.get(1).column());
    }

    @Test
    void malformedCellsAndUnmappedColumns(@TempDir Path dir) throws IOException {
        Path f = ReaderFixtures.write(dir, "log.csv", "ts,vendor,model_name,prompt_tokens,cached_tokens,completion_tokens,reasoning_tokens,cost_usd,team,user_id,region,extra\n"
                + "31/05/2026 10:00,openai,gpt-5.5,1.5,0.5,0.75,0.25,0.01375,search,u-1,eu,x\n"
                + "2026-05-31,openai,gpt-5.5,1.5,0.5,0.75,0.25,0.01375,search,u-1,eu,x\n"
                + "31/05/2026 10:00,openai,gpt-5.5,0.4,0.5,0.75,0.25,0.01375,search,u-1,eu,x\n"
                + "31/05/2026 10:00,openai,gpt-5.5,1.5,0.5,0.75,0.0001,0.01375,search,u-1,eu,x\n"
                + "31/05/2026 10:00,openai,gpt-5.5,1.5,0.5,0.75,0.25,ten cents,search,u-1,eu,x\n");
        CollectingSink s = ReaderFixtures.read(UsageReaders.mapped(gatewayMapping()), f);
        assertEquals(1, s.lines.size());
        List<ImportProblem> e = errors(s);
        assertEquals(List.of(3L, 4L, 5L, 6L), e.stream().map(ImportProblem::line).toList(), e.toString());
        assertEquals(List.of("ts", "prompt_tokens", "reasoning_tokens", "cost_usd"), e.stream().map(ImportProblem::column).toList());
        assertTrue(e.get(0).message().contains("dd/MM/yyyy HH:mm"));
        assertTrue(e.get(1).message().contains("include its cached part"), e.get(1).message()); // 400 < 500 cached
        assertTrue(e.get(2).message().contains("whole number of tokens"), e.get(2).message()); // 0.0001 × 1000 = 0.1
        assertEquals("extra", warnings(s).get(0).column());
    }

    @Test
    void suggestionMatchesHeadersByName() {
        ColumnMapping m = ColumnMapping.suggest("LiteLLM export", List.of("startTime", "endTime", "model", "custom_llm_provider",
                "prompt_tokens", "completion_tokens", "cache_read_input_tokens", "cache_creation_input_tokens", "spend",
                "user", "team_id", "api_key", "request_tags", "status"));
        assertEquals("startTime", m.startTime());
        assertEquals("endTime", m.endTime());
        assertEquals("model", m.model());
        assertEquals("custom_llm_provider", m.provider());
        assertEquals("prompt_tokens", m.input());
        assertTrue(m.inputIncludesCached());
        assertEquals("completion_tokens", m.output());
        assertEquals("cache_read_input_tokens", m.cacheRead());
        assertEquals("cache_creation_input_tokens", m.cacheWrite5m());
        assertEquals("spend", m.billedCost());
        assertEquals(Map.of("user", "user", "team", "team_id", "apiKey", "api_key"), m.allocation());
        assertEquals(List.of(), m.problems());

        ColumnMapping openai = ColumnMapping.suggest("OpenAI", List.of("start_time", "end_time", "start_time_iso", "input_tokens",
                "input_cached_tokens", "input_uncached_tokens", "output_tokens", "num_model_requests", "project_id"));
        assertEquals("start_time", openai.startTime());
        assertEquals("input_tokens", openai.input());
        assertEquals("input_cached_tokens", openai.cacheRead());
        assertEquals("num_model_requests", openai.requests());
        assertEquals("project_id", openai.allocation().get("project"));
        assertNull(openai.provider());
        assertFalse(openai.problems().isEmpty()); // no provider column: the user picks a constant
        assertEquals(List.of(), openai.withProviderConstant("openai").problems());

        ColumnMapping uncached = ColumnMapping.suggest("Anthropic", List.of("usage_date_utc", "usage_input_tokens_no_cache",
                "usage_input_tokens_cache_read", "usage_output_tokens"));
        assertEquals("usage_date_utc", uncached.startTime());
        assertEquals("usage_input_tokens_no_cache", uncached.input());
        assertFalse(uncached.inputIncludesCached());
        assertEquals("usage_input_tokens_cache_read", uncached.cacheRead());
        assertEquals("usage_output_tokens", uncached.output());
    }
}

package com.aifinops.workbench.importers.usage.litellm;

import com.aifinops.workbench.importers.usage.AllocationTags;
import com.aifinops.workbench.importers.usage.FieldParsers;
import com.aifinops.workbench.importers.usage.UsageReader;
import com.aifinops.workbench.importers.usage.csv.BadCell;
import com.aifinops.workbench.importers.usage.csv.CsvRecord;
import com.aifinops.workbench.importers.usage.csv.CsvRecords;
import com.aifinops.workbench.model.usage.Allocation;
import com.aifinops.workbench.model.usage.ImportProblem;
import com.aifinops.workbench.model.usage.SourceRef;
import com.aifinops.workbench.model.usage.UsageLine;
import com.aifinops.workbench.model.usage.UsageSink;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * LiteLLM proxy daily spend tables exported as CSV ({@code LiteLLM_DailyUserSpend}, {@code …TeamSpend},
 * {@code …OrganizationSpend}, {@code …EndUserSpend}, {@code …AgentSpend}, {@code …TagSpend}): one line per row, a
 * UTC day per {@code date}. {@code prompt_tokens} follows the OpenAI convention and includes the cache, so
 * uncached input = prompt − cache read − cache creation (creation counted as a 5-minute write: LiteLLM keeps no
 * TTL); should the cache exceed the prompt, the prompt is read as uncached with a warning. {@code spend} (USD, as
 * LiteLLM priced it) is the line's cost, exactly as written. The table's entity column says whose row it is
 * (user, team, organization, end user → customer, agent, tag); each table counts the same traffic again, so the
 * line is tagged {@code litellm_table} and tables are not to be summed together.
 *
 * <p>Not the request-level {@code LiteLLM_SpendLogs} ({@code request_id}, {@code call_type}, {@code startTime} …):
 * detection declines those headers.
 */
public final class LiteLlmDailyReader implements UsageReader {
    /** Entity column → table kind (the {@code litellm_table} tag). */
    private static final Map<String, String> ENTITY = new LinkedHashMap<>();

    static {
        ENTITY.put("user_id", "user");
        ENTITY.put("team_id", "team");
        ENTITY.put("organization_id", "organization");
        ENTITY.put("end_user", "end_user");
        ENTITY.put("end_user_id", "end_user");
        ENTITY.put("agent_id", "agent");
        ENTITY.put("tag", "tag");
    }

    private static final Set<String> COLUMNS = Stream.concat(ENTITY.keySet().stream(), Stream.of("id", "date",
                    "api_key", "model", "model_group", "custom_llm_provider", "mcp_namespaced_tool_name", "endpoint",
                    "prompt_tokens", "completion_tokens", "cache_read_input_tokens", "cache_creation_input_tokens",
                    "spend", "api_requests", "successful_requests", "failed_requests", "created_at", "updated_at"))
            .collect(Collectors.toUnmodifiableSet());

    /** Request-level SpendLogs columns: a header with any of them is not a daily table. */
    private static final Set<String> SPEND_LOGS = Set.of("request_id", "call_type", "starttime", "endtime",
            "completionstarttime", "request_duration_ms", "total_tokens", "cache_hit", "request_tags");

    @Override
    public String format() {
        return "litellm-daily";
    }

    @Override
    public String description() {
        return "LiteLLM daily spend tables (DailyUserSpend/TeamSpend/TagSpend … exported as CSV)";
    }

    @Override
    public int detect(String fileName, String head) {
        String first = head.replace("\uFEFF", "");
        int nl = first.indexOf('\n');
        if (nl >= 0) first = first.substring(0, nl);
        Set<String> keys = Stream.of(first.split(",")).map(FieldParsers::headerKey).collect(Collectors.toSet());
        if (keys.stream().anyMatch(SPEND_LOGS::contains)) return 0;
        if (!keys.containsAll(List.of("date", "spend", "prompt_tokens", "completion_tokens"))) return 0;
        boolean requests = keys.contains("api_requests") || keys.contains("successful_requests");
        boolean entity = ENTITY.keySet().stream().anyMatch(keys::contains);
        if (requests && entity) return 95;
        return requests || entity ? 75 : 40;
    }

    @Override
    public void read(Path file, UsageSink sink) throws IOException {
        String name = file.getFileName().toString();
        try (CsvRecords csv = CsvRecords.open(file, CsvRecords.Delimiter.COMMA)) {
            for (String required : List.of("date", "prompt_tokens", "completion_tokens", "spend")) {
                if (!csv.columns().has(required)) {
                    sink.problem(ImportProblem.error(name, 1, required, null,
                            "expected a LiteLLM daily spend header with a " + required + " column"));
                    return;
                }
            }
            csv.columns().warnUnknown(name, COLUMNS::contains, sink);
            String entityColumn = ENTITY.keySet().stream().filter(csv.columns()::has).findFirst().orElse(null);
            CsvRecord row;
            while ((row = csv.nextNonEmptyLine()) != null) {
                try {
                    UsageLine line = line(name, row, entityColumn, sink);
                    if (line != null) sink.accept(line);
                } catch (BadCell e) {
                    sink.problem(e.problem(name, row.line()));
                }
            }
        } catch (CsvRecords.MalformedCsvException e) {
            sink.problem(ImportProblem.error(name, e.line(), null, null, "expected well-formed CSV: " + e.parserMessage()));
        }
    }

    private UsageLine line(String file, CsvRecord r, String entityColumn, UsageSink sink) {
        String dateText = r.get("date");
        Instant start;
        try {
            start = FieldParsers.instant(dateText);
        } catch (IllegalArgumentException e) {
            throw new BadCell("date", dateText, "expected a day such as 2025-06-01");
        }
        if (start == null) throw new BadCell("date", dateText, "expected a day such as 2025-06-01");
        long prompt = count(r, "prompt_tokens");
        long read = count(r, "cache_read_input_tokens");
        long creation = count(r, "cache_creation_input_tokens");
        long completion = count(r, "completion_tokens");
        long requests = r.get("api_requests") != null ? count(r, "api_requests")
                : count(r, "successful_requests") + count(r, "failed_requests");
        BigDecimal spend;
        try {
            spend = FieldParsers.money(r.get("spend"));
        } catch (IllegalArgumentException e) {
            throw new BadCell("spend", r.get("spend"), e.getMessage() + " (USD)");
        }
        long uncached = prompt - read - creation;
        if (uncached < 0) {
            sink.problem(new ImportProblem(file, r.line(), "prompt_tokens", Long.toString(prompt),
                    "cache tokens (" + (read + creation) + ") exceed prompt_tokens: prompt read as excluding the cache",
                    ImportProblem.Severity.WARNING));
            uncached = prompt;
        }

        String model = r.first("model", "model_group");
        String provider = r.first("custom_llm_provider");
        if (provider == null && model != null && model.contains("/")) provider = model.substring(0, model.indexOf('/'));

        Map<String, String> tags = new LinkedHashMap<>();
        String org = null, team = null, user = null, customer = null, agent = null;
        if (entityColumn != null) {
            String kind = ENTITY.get(entityColumn);
            tags.put("litellm_table", kind);
            String id = r.first(entityColumn);
            switch (kind) {
                case "user" -> user = id;
                case "team" -> team = id;
                case "organization" -> org = id;
                case "end_user" -> customer = id;
                case "agent" -> agent = id;
                default -> {
                    if (id != null) {
                        tags.put("tag", id);
                        int colon = id.indexOf(':');
                        if (colon > 0 && colon < id.length() - 1) tags.put(id.substring(0, colon), id.substring(colon + 1));
                    }
                }
            }
        }
        String group = r.first("model_group");
        if (group != null && !group.equals(model)) tags.put("model_group", group);
        putIfPresent(tags, "endpoint", r.first("endpoint"));
        putIfPresent(tags, "mcp_tool", r.first("mcp_namespaced_tool_name"));
        Allocation base = new Allocation(org, team, null, agent, user, r.first("api_key"), null, null, null, customer, Map.of());
        Allocation allocation = AllocationTags.allocate(base, tags);
        return new UsageLine(start, start.plus(Duration.ofDays(1)),
                provider == null ? "unknown" : provider.toLowerCase(Locale.ROOT), model, uncached, read, creation, 0,
                completion, 0, requests, false, null, null, spend, "USD", allocation, new SourceRef(file, r.line()));
    }

    private static long count(CsvRecord r, String column) {
        String v = r.get(column);
        try {
            return FieldParsers.countOrZero(v);
        } catch (IllegalArgumentException e) {
            throw new BadCell(column, v, e.getMessage());
        }
    }

    private static void putIfPresent(Map<String, String> tags, String key, String value) {
        if (value != null && !value.isBlank()) tags.put(key, value);
    }

}

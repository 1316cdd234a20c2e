package com.aifinops.workbench.app.analysis;

import com.aifinops.workbench.model.analysis.AllocationRules;
import com.aifinops.workbench.model.ledger.DailyRollup;
import com.aifinops.workbench.model.usage.Allocation;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A deterministic 60-day ledger (2026-01-01 .. 2026-03-01): four teams, thirteen agents, four priced models and
 * one unpriced one, weekday/weekend volume and ±10 % noise, with planted events:
 * <ul>
 *   <li>runaway loop: {@code support-triage} sends 10× its requests on 2026-01-20 and 2026-01-21;</li>
 *   <li>silent model switch: {@code research-summariser} moves from gpt-5-mini to gpt-5.5 from 2026-02-01, same tokens;</li>
 *   <li>doubled system prompt: {@code eng-coder}'s input tokens per request ×3 from 2026-02-10;</li>
 *   <li>new unpriced model: {@code sales-experiment} starts on {@code ft:gpt-5-mini:acme:exp} on 2026-02-20 (billed, not priced).</li>
 * </ul>
 * Teams come three ways, as in real exports: stated in the row, from an api_key rule, from a workspace rule;
 * {@code orphan-bot}'s key matches no rule (team "unallocated"). OpenAI gpt-5-mini rows state a billed cost 1 %
 * above the list price (a stale catalogue row); other OpenAI rows state none; Anthropic rows state exactly the
 * list price. Each row carries the team it should be reported under, so tests can sum without the code under test.
 * In main, not test: the app offers it as its sample ledger ({@link SampleLedger}).
 */
public final class LedgerGenerator {
    static final LocalDate FIRST = LocalDate.of(2026, 1, 1);
    static final int DAYS = 60;
    static final LocalDate LOOP_DAY = LocalDate.of(2026, 1, 20);
    static final LocalDate SWITCH_DAY = LocalDate.of(2026, 2, 1);
    static final LocalDate PROMPT_DAY = LocalDate.of(2026, 2, 10);
    static final LocalDate UNPRICED_DAY = LocalDate.of(2026, 2, 20);
    static final String UNPRICED_MODEL = "ft:gpt-5-mini:acme:exp";

    /** USD per MTok: input, cache read, 5-minute cache write, output. */
    record Price(String provider, BigDecimal in, BigDecimal read, BigDecimal write, BigDecimal out) {
    }

    static final Map<String, Price> PRICES = Map.of(
            "gpt-5-mini", new Price("openai", new BigDecimal("0.25"), new BigDecimal("0.025"), new BigDecimal("0.25"), new BigDecimal("2.00")),
            "gpt-5.5", new Price("openai", new BigDecimal("5.00"), new BigDecimal("0.50"), new BigDecimal("5.00"), new BigDecimal("30.00")),
            "claude-sonnet-4.6", new Price("anthropic", new BigDecimal("3.00"), new BigDecimal("0.30"), new BigDecimal("3.75"), new BigDecimal("15.00")),
            "claude-haiku-4.5", new Price("anthropic", new BigDecimal("1.00"), new BigDecimal("0.10"), new BigDecimal("1.25"), new BigDecimal("5.00")));

    /** How an agent's team is known: stated in the row, through its api_key, through its workspace, or not at all. */
    enum Via { ROW, KEY, WORKSPACE, NONE }

    record Agent(String name, String team, String model, int requests, int inputPerRequest, int outputPerRequest,
                 int cachedPercent, Via via, String env) {
    }

    static final List<Agent> AGENTS = List.of(
            new Agent("support-triage", "support", "gpt-5-mini", 1000, 1200, 200, 50, Via.KEY, "prod"),
            new Agent("support-reply", "support", "claude-sonnet-4.6", 600, 1500, 300, 30, Via.WORKSPACE, "prod"),
            new Agent("support-escalate", "support", "gpt-5-mini", 200, 2500, 400, 0, Via.KEY, "prod"),
            new Agent("research-summariser", "research", "gpt-5-mini", 800, 4000, 600, 20, Via.KEY, "prod"),
            new Agent("research-search", "research", "claude-haiku-4.5", 500, 2000, 150, 40, Via.WORKSPACE, "prod"),
            new Agent("research-digest", "research", "gpt-5-mini", 300, 6000, 800, 0, Via.ROW, "staging"),
            new Agent("eng-coder", "eng", "claude-sonnet-4.6", 1000, 3000, 500, 30, Via.WORKSPACE, "prod"),
            new Agent("eng-reviewer", "eng", "gpt-5.5", 1200, 2000, 400, 25, Via.KEY, "prod"),
            new Agent("eng-tests", "eng", "claude-haiku-4.5", 500, 1800, 600, 0, Via.ROW, "staging"),
            new Agent("sales-outreach", "sales", "gpt-5-mini", 700, 900, 350, 10, Via.ROW, "prod"),
            new Agent("sales-crm", "sales", "gpt-5.5", 600, 1600, 250, 50, Via.KEY, "prod"),
            new Agent("sales-notes", "sales", "claude-haiku-4.5", 400, 1200, 300, 0, Via.WORKSPACE, "prod"),
            new Agent("orphan-bot", null, "gpt-5-mini", 150, 800, 100, 0, Via.NONE, "dev"));

    static final Agent EXPERIMENT = new Agent("sales-experiment", "sales", UNPRICED_MODEL, 30, 1000, 200, 0, Via.KEY, "dev");

    /** A generated row and the team a report must show it under. */
    public record Row(DailyRollup rollup, String team) {
    }

    /** The rules that attribute the KEY and WORKSPACE agents (workspaces are per team, keys per agent). */
    static AllocationRules rules() {
        List<AllocationRules.Rule> rules = new ArrayList<>();
        for (Agent a : AGENTS) {
            if (a.via() == Via.KEY) {
                rules.add(new AllocationRules.Rule(AllocationRules.Field.API_KEY, key(a), a.team(), null));
            }
        }
        rules.add(new AllocationRules.Rule(AllocationRules.Field.API_KEY, key(EXPERIMENT), EXPERIMENT.team(), "experiments"));
        for (String team : List.of("support", "research", "eng", "sales")) {
            rules.add(new AllocationRules.Rule(AllocationRules.Field.WORKSPACE, "ws-" + team, team, null));
        }
        // a workspace rule that a stated team must beat: research-digest and eng-tests rows name their team and sit in ws-shared
        rules.add(new AllocationRules.Rule(AllocationRules.Field.WORKSPACE, "ws-shared", "platform", null));
        return new AllocationRules(rules);
    }

    /** The agents and the experiment that starts on {@link #UNPRICED_DAY}. */
    static List<Agent> agentsWithExperiment() {
        List<Agent> all = new ArrayList<>(AGENTS);
        all.add(EXPERIMENT);
        return all;
    }

    static String key(Agent a) {
        return "key-" + a.name();
    }

    public static List<Row> generate() {
        Random random = new Random(20260101L);
        List<Row> rows = new ArrayList<>();
        for (int d = 0; d < DAYS; d++) {
            LocalDate day = FIRST.plusDays(d);
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            for (Agent a : AGENTS) {
                rows.add(row(a, day, weekend, random));
            }
            if (!day.isBefore(UNPRICED_DAY)) {
                rows.add(row(EXPERIMENT, day, weekend, random));
            }
        }
        return rows;
    }

    private static Row row(Agent a, LocalDate day, boolean weekend, Random random) {
        double noise = 0.9 + 0.2 * random.nextDouble();
        long requests = Math.round(a.requests() * (weekend ? 0.6 : 1.0) * noise);
        String model = a.model();
        long inPerRequest = a.inputPerRequest();
        if (a.name().equals("support-triage") && (day.equals(LOOP_DAY) || day.equals(LOOP_DAY.plusDays(1)))) {
            requests *= 10;
        }
        if (a.name().equals("research-summariser") && !day.isBefore(SWITCH_DAY)) {
            model = "gpt-5.5";
        }
        if (a.name().equals("eng-coder") && !day.isBefore(PROMPT_DAY)) {
            inPerRequest *= 3;
        }
        long input = requests * inPerRequest;
        long cacheRead = input * a.cachedPercent() / 100;
        // Anthropic agents write part of their prompt to the 5-minute cache: 5 % of input
        long cacheWrite = PRICES.containsKey(model) && PRICES.get(model).provider().equals("anthropic") ? input / 20 : 0;
        long uncached = input - cacheRead - cacheWrite;
        long output = requests * a.outputPerRequest();
        Price p = PRICES.get(model);
        String provider = p == null ? "openai" : p.provider();
        BigDecimal priced = p == null ? null : BigDecimal.valueOf(uncached).multiply(p.in())
                .add(BigDecimal.valueOf(cacheRead).multiply(p.read()))
                .add(BigDecimal.valueOf(cacheWrite).multiply(p.write()))
                .add(BigDecimal.valueOf(output).multiply(p.out())).movePointLeft(6);
        BigDecimal billed;
        if (p == null) {
            // the unpriced fine-tune: the file states $0.80 per 1,000 requests
            billed = BigDecimal.valueOf(requests).multiply(new BigDecimal("0.0008"));
        } else if (provider.equals("anthropic")) {
            billed = priced;
        } else if (model.equals("gpt-5-mini")) {
            billed = priced.multiply(new BigDecimal("1.01"));
        } else {
            billed = null;
        }
        String team = a.via() == Via.ROW ? a.team() : null;
        String workspace = switch (a.via()) {
            case WORKSPACE -> "ws-" + a.team();
            case ROW -> "ws-shared";
            default -> null;
        };
        Allocation alloc = new Allocation("acme", team, null, a.name(), null, key(a), workspace, a.env(), null, null,
                Map.of("env", a.env(), "app", a.name().substring(0, a.name().indexOf('-'))));
        DailyRollup r = new DailyRollup(day, provider, model, p == null ? null : model, alloc, requests, uncached, cacheRead, cacheWrite, 0,
                output, 0, priced, billed);
        return new Row(r, a.team() == null ? "unallocated" : a.team());
    }
}

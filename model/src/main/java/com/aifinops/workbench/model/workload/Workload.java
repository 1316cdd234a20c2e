package com.aifinops.workbench.model.workload;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A modelled workload: who uses an LLM feature, how often, and with how many tokens per request.
 * All quantities are exact decimals so that a cost computed from them is exact to the cent.
 *
 * @param name                  shown in the studio, e.g. "RAG support agent"
 * @param users                 monthly active users (M)
 * @param requestsPerUserPerDay requests per user per day (R)
 * @param inputTokens           input tokens per request (I)
 * @param outputTokens          output tokens per request (O), reasoning included
 * @param cacheHitRate          share of input tokens served from the prompt cache (h), 0..1
 * @param overhead              multiplier for retries, evals, observability and agent loops (OVR), ≥ 1 in practice
 * @param daysPerMonth          days billed per month, 30 unless the model says otherwise
 * @param modelId               the catalogue id of the model the workload runs on
 * @param volume                how the volume is stated (default: users × requests/day × days)
 * @param monthlyRequests       requests per month, for {@link VolumeBasis#REQUESTS_PER_MONTH} (else 0)
 * @param conversation          the multi-turn shape, for {@link VolumeBasis#CONVERSATIONS} (its tokens replace
 *                              {@code inputTokens}/{@code outputTokens}); else {@code null}
 * @param reasoningTokens       reasoning tokens per call, billed as output but never resent as history (default 0)
 * @param batchShare            share of calls sent through a batch API at its discount (default 0)
 * @param overheadParts         the overhead stated as its causes; when given, {@code overhead} is their multiplier
 * @param outcome               the unit of outcome and how many per month, for a cost per outcome; or {@code null}
 * @param spendSigma            spread (log-space σ) of the heavy-tailed monthly spend per user, for P50/P90/P99
 *                              forecasts by Monte Carlo; {@code null} when the workload states no distribution
 */
public record Workload(String name, BigDecimal users, BigDecimal requestsPerUserPerDay,
                       BigDecimal inputTokens, BigDecimal outputTokens, BigDecimal cacheHitRate,
                       BigDecimal overhead, int daysPerMonth, String modelId,
                       VolumeBasis volume, BigDecimal monthlyRequests, Conversation conversation,
                       BigDecimal reasoningTokens, BigDecimal batchShare, OverheadParts overheadParts,
                       Outcome outcome, BigDecimal spendSigma) {

    /** The original nine-field workload: users × requests/day, one multiplier, no conversation. */
    public Workload(String name, BigDecimal users, BigDecimal requestsPerUserPerDay, BigDecimal inputTokens,
                    BigDecimal outputTokens, BigDecimal cacheHitRate, BigDecimal overhead, int daysPerMonth, String modelId) {
        this(name, users, requestsPerUserPerDay, inputTokens, outputTokens, cacheHitRate, overhead, daysPerMonth, modelId,
                null, null, null, null, null, null, null, null);
    }

    public Workload {
        volume = volume != null ? volume : conversation != null ? VolumeBasis.CONVERSATIONS : VolumeBasis.USERS_PER_DAY;
        monthlyRequests = monthlyRequests == null ? BigDecimal.ZERO : monthlyRequests;
        reasoningTokens = reasoningTokens == null ? BigDecimal.ZERO : reasoningTokens;
        batchShare = batchShare == null ? BigDecimal.ZERO : batchShare;
        if (overheadParts != null) {
            overhead = overheadParts.multiplier();
        }
        requireNonNegative(monthlyRequests, "monthly requests");
        if (spendSigma != null && spendSigma.signum() < 0) {
            throw new IllegalArgumentException("spend spread must not be negative: " + spendSigma);
        }
        requireNonNegative(reasoningTokens, "reasoning tokens");
        if (batchShare.signum() < 0 || batchShare.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("batch share must be between 0 and 1: " + batchShare);
        }
        if (volume == VolumeBasis.CONVERSATIONS && conversation == null) {
            throw new IllegalArgumentException("a conversation workload needs its conversation shape");
        }
        Objects.requireNonNull(name, "name");
        requireNonNegative(users, "users");
        requireNonNegative(requestsPerUserPerDay, "requests per user per day");
        requireNonNegative(inputTokens, "input tokens");
        requireNonNegative(outputTokens, "output tokens");
        requireNonNegative(overhead, "overhead");
        Objects.requireNonNull(cacheHitRate, "cacheHitRate");
        if (cacheHitRate.signum() < 0 || cacheHitRate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("cache hit rate must be between 0 and 1: " + cacheHitRate);
        }
        if (daysPerMonth <= 0 || daysPerMonth > 31) {
            throw new IllegalArgumentException("days per month must be 1..31: " + daysPerMonth);
        }
    }

    /**
     * Model calls in a month: M · R · days, the stated monthly count, or conversations × turns (summarisation
     * calls of a summary cap not included).
     */
    public BigDecimal requestsPerMonth() {
        return switch (volume) {
            case USERS_PER_DAY -> users.multiply(requestsPerUserPerDay).multiply(BigDecimal.valueOf(daysPerMonth));
            case REQUESTS_PER_MONTH -> monthlyRequests;
            case CONVERSATIONS -> conversation.conversationsPerMonth().multiply(BigDecimal.valueOf(conversation.turns()));
        };
    }

    public Workload withCacheHitRate(BigDecimal h) {
        return new Workload(name, users, requestsPerUserPerDay, inputTokens, outputTokens, h, overhead, daysPerMonth, modelId,
                volume, monthlyRequests, conversation, reasoningTokens, batchShare, overheadParts, outcome, spendSigma);
    }

    /** One multiplier instead of the parts (the parts are dropped). */
    public Workload withOverhead(BigDecimal ovr) {
        return new Workload(name, users, requestsPerUserPerDay, inputTokens, outputTokens, cacheHitRate, ovr, daysPerMonth, modelId,
                volume, monthlyRequests, conversation, reasoningTokens, batchShare, null, outcome, spendSigma);
    }

    public Workload withOverheadParts(OverheadParts parts) {
        return new Workload(name, users, requestsPerUserPerDay, inputTokens, outputTokens, cacheHitRate, overhead, daysPerMonth, modelId,
                volume, monthlyRequests, conversation, reasoningTokens, batchShare, parts, outcome, spendSigma);
    }

    public Workload withModel(String id) {
        return new Workload(name, users, requestsPerUserPerDay, inputTokens, outputTokens, cacheHitRate, overhead, daysPerMonth, id,
                volume, monthlyRequests, conversation, reasoningTokens, batchShare, overheadParts, outcome, spendSigma);
    }

    public Workload withName(String n) {
        return new Workload(n, users, requestsPerUserPerDay, inputTokens, outputTokens, cacheHitRate, overhead, daysPerMonth, modelId,
                volume, monthlyRequests, conversation, reasoningTokens, batchShare, overheadParts, outcome, spendSigma);
    }

    public Workload withBatchShare(BigDecimal b) {
        return new Workload(name, users, requestsPerUserPerDay, inputTokens, outputTokens, cacheHitRate, overhead, daysPerMonth, modelId,
                volume, monthlyRequests, conversation, reasoningTokens, b, overheadParts, outcome, spendSigma);
    }

    public Workload withReasoningTokens(BigDecimal r) {
        return new Workload(name, users, requestsPerUserPerDay, inputTokens, outputTokens, cacheHitRate, overhead, daysPerMonth, modelId,
                volume, monthlyRequests, conversation, r, batchShare, overheadParts, outcome, spendSigma);
    }

    public Workload withOutcome(Outcome o) {
        return new Workload(name, users, requestsPerUserPerDay, inputTokens, outputTokens, cacheHitRate, overhead, daysPerMonth, modelId,
                volume, monthlyRequests, conversation, reasoningTokens, batchShare, overheadParts, o, spendSigma);
    }

    public Workload withSpendSigma(BigDecimal sigma) {
        return new Workload(name, users, requestsPerUserPerDay, inputTokens, outputTokens, cacheHitRate, overhead, daysPerMonth, modelId,
                volume, monthlyRequests, conversation, reasoningTokens, batchShare, overheadParts, outcome, sigma);
    }

    /** Volume as a stated monthly request count. */
    public Workload withMonthlyRequests(BigDecimal perMonth) {
        return new Workload(name, users, requestsPerUserPerDay, inputTokens, outputTokens, cacheHitRate, overhead, daysPerMonth, modelId,
                VolumeBasis.REQUESTS_PER_MONTH, perMonth, conversation, reasoningTokens, batchShare, overheadParts, outcome, spendSigma);
    }

    /** Volume as conversations with this shape. */
    public Workload withConversation(Conversation c) {
        return new Workload(name, users, requestsPerUserPerDay, inputTokens, outputTokens, cacheHitRate, overhead, daysPerMonth, modelId,
                VolumeBasis.CONVERSATIONS, monthlyRequests, c, reasoningTokens, batchShare, overheadParts, outcome, spendSigma);
    }

    /** Volume as users × requests per user per day × days (the conversation shape, if any, is kept but unused). */
    public Workload withUsersPerDay() {
        return new Workload(name, users, requestsPerUserPerDay, inputTokens, outputTokens, cacheHitRate, overhead, daysPerMonth, modelId,
                VolumeBasis.USERS_PER_DAY, monthlyRequests, conversation, reasoningTokens, batchShare, overheadParts, outcome, spendSigma);
    }

    /** True when nothing beyond the original nine fields is set: the core formula prices it exactly. */
    public boolean usesCoreFormulaOnly() {
        return volume == VolumeBasis.USERS_PER_DAY && reasoningTokens.signum() == 0 && batchShare.signum() == 0;
    }

    private static void requireNonNegative(BigDecimal value, String what) {
        Objects.requireNonNull(value, what);
        if (value.signum() < 0) {
            throw new IllegalArgumentException(what + " must not be negative: " + value);
        }
    }
}

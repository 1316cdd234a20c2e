package com.aifinops.workbench.model.workload;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A multi-turn conversation: every turn resends the system prompt and the history of earlier turns, so input
 * grows turn by turn unless the history is capped. The engine ({@code pricing.engine.ConversationTokens}) turns
 * this into exact token totals per conversation.
 *
 * @param conversationsPerMonth conversations started per month
 * @param turns                 user turns per conversation (each is one model call)
 * @param systemPromptTokens    sent on every turn
 * @param userTokensPerTurn     the user's new message per turn
 * @param outputTokensPerTurn   the model's answer per turn (it joins the history)
 * @param cap                   how the history is bounded
 * @param windowTurns           {@link HistoryCap#SLIDING_WINDOW}: only the last k turns are resent
 * @param summaryTriggerTokens  {@link HistoryCap#SUMMARY}: once the history exceeds T tokens …
 * @param summaryTokens         … it is replaced by a summary of S tokens (one extra call reads the history, writes S)
 */
public record Conversation(BigDecimal conversationsPerMonth, int turns, BigDecimal systemPromptTokens,
                           BigDecimal userTokensPerTurn, BigDecimal outputTokensPerTurn, HistoryCap cap,
                           Integer windowTurns, BigDecimal summaryTriggerTokens, BigDecimal summaryTokens) {

    public enum HistoryCap { NONE, SLIDING_WINDOW, SUMMARY }

    public Conversation {
        nonNegative(conversationsPerMonth, "conversations per month");
        nonNegative(systemPromptTokens, "system prompt tokens");
        nonNegative(userTokensPerTurn, "user tokens per turn");
        nonNegative(outputTokensPerTurn, "output tokens per turn");
        if (turns < 1) {
            throw new IllegalArgumentException("a conversation needs at least one turn: " + turns);
        }
        cap = cap == null ? HistoryCap.NONE : cap;
        windowTurns = windowTurns == null ? 0 : windowTurns; // optional in the file unless the cap is a window
        summaryTriggerTokens = summaryTriggerTokens == null ? BigDecimal.ZERO : summaryTriggerTokens;
        summaryTokens = summaryTokens == null ? BigDecimal.ZERO : summaryTokens;
        if (cap == HistoryCap.SLIDING_WINDOW && windowTurns < 0) {
            throw new IllegalArgumentException("the sliding window must keep 0 or more turns: " + windowTurns);
        }
        if (cap == HistoryCap.SUMMARY && (summaryTriggerTokens.signum() <= 0 || summaryTokens.compareTo(summaryTriggerTokens) >= 0)) {
            throw new IllegalArgumentException("a summary cap needs 0 < summary tokens < trigger tokens: S="
                    + summaryTokens + ", T=" + summaryTriggerTokens);
        }
    }

    /** An uncapped conversation. */
    public static Conversation uncapped(BigDecimal perMonth, int turns, BigDecimal system, BigDecimal user, BigDecimal output) {
        return new Conversation(perMonth, turns, system, user, output, HistoryCap.NONE, 0, null, null);
    }

    private static void nonNegative(BigDecimal v, String what) {
        Objects.requireNonNull(v, what);
        if (v.signum() < 0) {
            throw new IllegalArgumentException(what + " must not be negative: " + v);
        }
    }
}

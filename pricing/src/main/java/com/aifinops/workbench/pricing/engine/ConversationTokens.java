package com.aifinops.workbench.pricing.engine;

import com.aifinops.workbench.model.workload.Conversation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Exact token totals of one conversation. Turn t sends the system prompt, the history and the user's new
 * message, and adds its user message and answer to the history:
 * <pre>
 * input_t  = system + history_t + user
 * output_t = answer
 * history  : NONE           all earlier turns, (t−1)·(user + answer)
 *            SLIDING_WINDOW the last k turns,  min(t−1, k)·(user + answer)
 *            SUMMARY        grows by user + answer per turn; before a turn whose history exceeds T, one
 *                           summarisation call reads the history (input) and writes S (output), and the
 *                           history becomes those S tokens
 * </pre>
 * Reasoning tokens are billed per call by the pricer and never join the history.
 */
public final class ConversationTokens {

    /** One model call of the conversation: a user turn, or a summarisation before turn {@code turn}. */
    public record Call(int turn, boolean summarisation, BigDecimal input, BigDecimal output) {
    }

    /**
     * @param calls  every call in order
     * @param input  Σ input over all calls
     * @param output Σ output over all calls (reasoning not included)
     * @param summarisations how many summarisation calls
     */
    public record Totals(List<Call> calls, BigDecimal input, BigDecimal output, int summarisations) {
    }

    private ConversationTokens() {
    }

    public static Totals of(Conversation c) {
        List<Call> calls = new ArrayList<>();
        BigDecimal perTurn = c.userTokensPerTurn().add(c.outputTokensPerTurn());
        BigDecimal history = BigDecimal.ZERO;
        BigDecimal in = BigDecimal.ZERO;
        BigDecimal out = BigDecimal.ZERO;
        int summaries = 0;
        for (int t = 1; t <= c.turns(); t++) {
            BigDecimal h = switch (c.cap()) {
                case NONE -> history;
                case SLIDING_WINDOW -> perTurn.multiply(BigDecimal.valueOf(Math.min(t - 1, c.windowTurns())));
                case SUMMARY -> history;
            };
            if (c.cap() == Conversation.HistoryCap.SUMMARY && h.compareTo(c.summaryTriggerTokens()) > 0) {
                calls.add(new Call(t, true, h, c.summaryTokens()));
                in = in.add(h);
                out = out.add(c.summaryTokens());
                summaries++;
                h = c.summaryTokens();
                history = h;
            }
            BigDecimal input = c.systemPromptTokens().add(h).add(c.userTokensPerTurn());
            calls.add(new Call(t, false, input, c.outputTokensPerTurn()));
            in = in.add(input);
            out = out.add(c.outputTokensPerTurn());
            history = history.add(perTurn);
        }
        return new Totals(List.copyOf(calls), in, out, summaries);
    }
}

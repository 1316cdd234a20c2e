package com.aifinops.workbench.pricing.engine;

import com.aifinops.workbench.model.price.TokenPrices;
import com.aifinops.workbench.model.workload.Conversation;
import com.aifinops.workbench.model.workload.Workload;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ConversationTokensTest {
    private static final TokenPrices GPT55 = TokenPrices.of("5.00", "0.50", "30.00");

    // system 200, user 50, answer 100 per turn, 4 turns; one turn adds 50 + 100 = 150 to the history
    private static Conversation shape(Conversation.HistoryCap cap, int k, String t, String s) {
        return new Conversation(new BigDecimal("1000"), 4, new BigDecimal("200"), new BigDecimal("50"),
                new BigDecimal("100"), cap, k, t == null ? null : new BigDecimal(t), s == null ? null : new BigDecimal(s));
    }

    private static Workload conversationWorkload(Conversation c, String h, String reasoning) {
        return new Workload("chat", BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal(h),
                BigDecimal.ONE, 30, "gpt-5.5").withConversation(c).withReasoningTokens(new BigDecimal(reasoning));
    }

    @Test
    void uncappedHistoryGrowsEveryTurn() {
        // input_t = 200 + (t−1)·150 + 50: t1 250, t2 400, t3 550, t4 700 → Σ 1,900; output 4·100 = 400
        var t = ConversationTokens.of(shape(Conversation.HistoryCap.NONE, 0, null, null));
        assertEquals(4, t.calls().size());
        assertEquals(0, new BigDecimal("550").compareTo(t.calls().get(2).input()));
        assertEquals(0, new BigDecimal("1900").compareTo(t.input()));
        assertEquals(0, new BigDecimal("400").compareTo(t.output()));
    }

    @Test
    void slidingWindowResendsOnlyTheLastKTurns() {
        // k = 1: t1 250, t2 200+150+50 = 400, t3 400, t4 400 → Σ 1,450
        var t = ConversationTokens.of(shape(Conversation.HistoryCap.SLIDING_WINDOW, 1, null, null));
        assertEquals(0, new BigDecimal("1450").compareTo(t.input()));
        assertEquals(0, new BigDecimal("400").compareTo(t.output()));
    }

    @Test
    void summaryReplacesTheHistoryOnceItExceedsTheTrigger() {
        // T = 250, S = 100. t1: H 0 → input 250, H 150. t2: H 150 ≤ 250 → 400, H 300.
        // t3: H 300 > 250 → summarisation call reads 300, writes 100; H 100 → input 200+100+50 = 350, H 250.
        // t4: H 250 is not > 250 → input 200+250+50 = 500.
        // input Σ = 250 + 400 + 300 + 350 + 500 = 1,800; output = 4·100 + 100 = 500; one summarisation
        var t = ConversationTokens.of(shape(Conversation.HistoryCap.SUMMARY, 0, "250", "100"));
        assertEquals(5, t.calls().size());
        assertEquals(1, t.summarisations());
        assertEquals(0, new BigDecimal("1800").compareTo(t.input()));
        assertEquals(0, new BigDecimal("500").compareTo(t.output()));
    }

    @Test
    void aConversationWorkloadIsPricedOnItsExactTotals() {
        // uncapped, 20 reasoning tokens per turn (billed as output, not resent), h = 0, OVR 1, $5/$30 per MTok:
        // input 1,900·5 = 9,500 µ$; output (400 + 4·20)·30 = 14,400 µ$; 23,900 µ$ per conversation
        // · 1,000 conversations = $23.90; per request 23,900 / 4 = 5,975 µ$
        var cost = WorkloadCostCalculator.cost(conversationWorkload(shape(Conversation.HistoryCap.NONE, 0, null, null), "0", "20"), GPT55);
        assertEquals(0, new BigDecimal("23.90").compareTo(cost.monthlyCost()));
        assertEquals(0, new BigDecimal("0.005975").compareTo(cost.costPerRequest()));
        assertEquals(0, new BigDecimal("4000").compareTo(cost.requestsPerMonth()));
        // h = 0.5: input rate 5·0.5 + 0.5·0.5 = 2.75 → 1,900·2.75 = 5,225 µ$ + 14,400 = 19,625 µ$ · 1,000 = $19.625
        var cached = WorkloadCostCalculator.cost(conversationWorkload(shape(Conversation.HistoryCap.NONE, 0, null, null), "0.5", "20"), GPT55);
        assertEquals(0, new BigDecimal("19.625").compareTo(cached.monthlyCost()));
        assertEquals(19.625, WorkloadCostCalculator.monthlyAt(cached.requestsPerMonth().signum() > 0
                ? conversationWorkload(shape(Conversation.HistoryCap.NONE, 0, null, null), "0", "20") : null, GPT55, 0.5), 1e-9);
    }

    @Test
    void summaryCapPaysForItsSummarisationCall() {
        // input 1,800·5 = 9,000 µ$; output (500 + 4·20)·30 = 17,400 µ$ → 26,400 µ$ · 1,000 = $26.40
        var cost = WorkloadCostCalculator.cost(conversationWorkload(shape(Conversation.HistoryCap.SUMMARY, 0, "250", "100"), "0", "20"), GPT55);
        assertEquals(0, new BigDecimal("26.40").compareTo(cost.monthlyCost()));
    }

    @Test
    void monthlyRequestsReasoningBatchAndOverheadParts() {
        // 100,000 requests/month stated directly, 1,000 in, 200 out + 300 reasoning, h 0, 40 % batch at half price
        // overhead parts 10 % retries, 5 % evals, compounding: 1.10·1.05 = 1.155
        // per request (1000·5 + 500·30)/1e6 = 0.02; batch factor 0.6 + 0.4·0.5 = 0.8 → 0.016
        // monthly = 100,000 · 1.155 · 0.016 = $1,848.00
        Workload w = new Workload("api", BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("1000"), new BigDecimal("200"),
                BigDecimal.ZERO, BigDecimal.ONE, 30, "gpt-5.5")
                .withMonthlyRequests(new BigDecimal("100000")).withReasoningTokens(new BigDecimal("300"))
                .withBatchShare(new BigDecimal("0.4"))
                .withOverheadParts(new com.aifinops.workbench.model.workload.OverheadParts(new BigDecimal("0.10"),
                        new BigDecimal("0.05"), null, null, true));
        assertEquals(0, new BigDecimal("1.155").compareTo(w.overhead()));
        assertEquals(0, new BigDecimal("1848").compareTo(WorkloadCostCalculator.cost(w, GPT55).monthlyCost()));
        assertEquals(1848, WorkloadCostCalculator.monthlyAt(w, GPT55, 0), 1e-9);
        // additive parts: 1 + 0.10 + 0.05 = 1.15
        assertEquals(0, new BigDecimal("1.15").compareTo(new com.aifinops.workbench.model.workload.OverheadParts(
                new BigDecimal("0.10"), new BigDecimal("0.05"), null, null, false).multiplier()));
    }
}

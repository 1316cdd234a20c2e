package com.aifinops.workbench.model.analysis;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SharedCostSplitTest {
    private static Map<String, BigDecimal> weights(String... kv) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], new BigDecimal(kv[i + 1]));
        }
        return m;
    }

    private static BigDecimal sum(Map<String, BigDecimal> m) {
        return m.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void proportionalPartsAddUpExactly() {
        Map<String, BigDecimal> parts = SharedCostSplit.split(new BigDecimal("100"), SharedCostSplit.Method.PROPORTIONAL,
                weights("team:a", "1", "team:b", "2"));
        // a: 100/3 to 34 digits; b (the larger weight) takes the rest: 66.66…67
        assertEquals("33.33333333333333333333333333333333", parts.get("team:a").toPlainString());
        assertEquals("66.66666666666666666666666666666667", parts.get("team:b").toPlainString());
        assertEquals(0, sum(parts).compareTo(new BigDecimal("100")));
    }

    @Test
    void evenSplit() {
        Map<String, BigDecimal> parts = SharedCostSplit.split(new BigDecimal("9.00"), SharedCostSplit.Method.EVEN,
                weights("team:a", "0", "team:b", "0", "team:c", "0"));
        assertEquals(0, parts.get("team:b").compareTo(new BigDecimal("3")));
        assertEquals(0, sum(parts).compareTo(new BigDecimal("9.00")));
    }

    @Test
    void fixedPercentagesLeaveTheRestUnallocated() {
        Map<String, BigDecimal> parts = SharedCostSplit.split(new BigDecimal("200"), SharedCostSplit.Method.FIXED,
                weights("team:a", "50", "team:b", "30"));
        assertEquals(0, parts.get("team:a").compareTo(new BigDecimal("100")));
        assertEquals(0, parts.get("team:b").compareTo(new BigDecimal("60")));
        assertEquals(0, parts.get("unallocated").compareTo(new BigDecimal("40")));
        assertThrows(IllegalArgumentException.class, () -> SharedCostSplit.split(BigDecimal.TEN, SharedCostSplit.Method.FIXED,
                weights("team:a", "60", "team:b", "50")));
    }

    @Test
    void proportionalWithoutSpendFallsBackToEven() {
        Map<String, BigDecimal> parts = SharedCostSplit.split(new BigDecimal("10"), SharedCostSplit.Method.PROPORTIONAL,
                weights("team:a", "0", "team:b", "0"));
        assertEquals(0, parts.get("team:a").compareTo(new BigDecimal("5")));
        assertEquals(0, parts.get("team:b").compareTo(new BigDecimal("5")));
    }
}

package com.aifinops.workbench.views.common;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DollarTicksTest {
    private static String[] axis(double from, double step, int n) {
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            out[i] = DollarTicks.label(from + i * step, step);
        }
        return out;
    }

    @Test
    void oneAxisOnePrecision() {
        // the reconciliation waterfall of a 20,000-row month: -$50 … $15 in steps of $5
        assertEquals(String.join(" ", "-$10", "-$5", "$0", "$5", "$10", "$15"), String.join(" ", axis(-10, 5, 6)));
        assertEquals(String.join(" ", "$0", "$0.25", "$0.50", "$0.75", "$1.00"), String.join(" ", axis(0, 0.25, 5)));
        assertEquals(String.join(" ", "$0", "$500", "$1.0K", "$1.5K"), String.join(" ", axis(0, 500, 4)));
        assertEquals(String.join(" ", "$80K", "$90K", "$100K"), String.join(" ", axis(80_000, 10_000, 3)));
        assertEquals(String.join(" ", "$0", "$250K", "$500K", "$750K", "$1.00M"), String.join(" ", axis(0, 250_000, 5)));
        // a cost per ticket of a third of a cent
        assertEquals(String.join(" ", "$0", "$0.002", "$0.004"), String.join(" ", axis(0, 0.002, 3)));
    }

    @Test
    void aZeroThatIsFloatingPointNoiseIsZero() {
        // 0.1 + 0.2 − 0.3 on a $0.10 axis
        assertEquals("$0", DollarTicks.label(0.1 + 0.2 - 0.3, 0.1));
    }
}

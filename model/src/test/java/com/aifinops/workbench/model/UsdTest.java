package com.aifinops.workbench.model;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UsdTest {
    @Test
    void amountsToTheCentAndUnitCostsToFourDecimals() {
        assertEquals("$95,850.00", Usd.format(new BigDecimal("95850")));
        assertEquals("-$1.00", Usd.format(new BigDecimal("-0.995")), "half-up away from zero");
        assertEquals("$0.00", Usd.format(new BigDecimal("-0.004")), "no negative zero");
        // $137.15 over 1,185 tickets = 0.115738… per ticket
        assertEquals("$0.1157", Usd.formatUnit(new BigDecimal("137.15").divide(new BigDecimal("1185"), java.math.MathContext.DECIMAL64)));
        assertEquals("$1,234.5679", Usd.formatUnit(new BigDecimal("1234.56785")));
    }
}

package com.aifinops.workbench.importers.usage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FieldParsersTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"59200|59200", "59200.0|59200", "59,200|59200", "5.92e4|59200", "0|0"})
    void countsAcceptWhatDashboardsWrite(String in, long expected) {
        assertEquals(expected, FieldParsers.count(in));
    }

    @Test
    void fractionalOrNegativeCountsAreErrors() {
        assertThrows(IllegalArgumentException.class, () -> FieldParsers.count("1.5"));
        assertThrows(IllegalArgumentException.class, () -> FieldParsers.count("-3"));
        assertThrows(IllegalArgumentException.class, () -> FieldParsers.count("abc"));
        assertNull(FieldParsers.count("NULL"));
        assertNull(FieldParsers.count(" "));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"\"$10,100.00 \"|10100.00", "(12.50)|-12.50", "1.2E-5|0.000012", "0.0001234|0.0001234"})
    void moneyIsExact(String in, String expected) {
        assertEquals(0, new BigDecimal(expected).compareTo(FieldParsers.money(in.replace("\"", ""))));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2025-01-01T00:00:00Z|2025-01-01T00:00:00Z",
            "2025-01-01 00:00:00|2025-01-01T00:00:00Z",
            "2025-01-01T02:00:00+02:00|2025-01-01T00:00:00Z",
            "2025-01-01|2025-01-01T00:00:00Z",
            "1735689600|2025-01-01T00:00:00Z",
            "1735689600000|2025-01-01T00:00:00Z"})
    void instantsInEveryShapeExportsUse(String in, String expected) {
        assertEquals(Instant.parse(expected), FieldParsers.instant(in));
    }
}

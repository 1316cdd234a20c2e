package com.aifinops.workbench.importers.usage.cloud;

import com.aifinops.workbench.importers.usage.FieldParsers;
import com.aifinops.workbench.importers.usage.TokenUnits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NumbersAndUnitsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "100,000|100000", "1,234.56|1234.56", "1.234,56|1234.56", "0,5|0.5", "1.234.567|1234567",
            "$2,500.00|2500.00", "(40.00)|-40.00", "1.25e-06|0.00000125", "0.003835980000000000000000000000|0.00383598"})
    void autoStyleReadsWhatConsolesWrite(String in, String expected) {
        assertEquals(0, new BigDecimal(expected).compareTo(FieldParsers.decimal(in, FieldParsers.DecimalStyle.AUTO)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1.234,5|1234.5", "0,0023|0.0023", "1.234|1234", "0.0025|0.0025", "12|12"})
    void decimalCommaFiles(String in, String expected) {
        assertEquals(0, new BigDecimal(expected).compareTo(FieldParsers.decimal(in, FieldParsers.DecimalStyle.DECIMAL_COMMA)));
    }

    @Test
    void malformedNumbersAreErrors() {
        assertThrows(IllegalArgumentException.class, () -> FieldParsers.decimal("12.5x", FieldParsers.DecimalStyle.AUTO));
        assertThrows(IllegalArgumentException.class, () -> FieldParsers.decimal("1,234.5", FieldParsers.DecimalStyle.DECIMAL_COMMA));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1K tokens|1000|TOKENS", "1M tokens|1000000|TOKENS", "tokens|1|TOKENS", "Units|1|TOKENS", "1K|1000|TOKENS",
            "1M|1000000|TOKENS", "1K Tokens|1000|TOKENS", "1,000 Tokens|1000|TOKENS", "count|1|TOKENS",
            "1 million count|1000000|TOKENS", "1 million characters|1000000|CHARACTERS", "Hours|1|OTHER",
            "1 Hour|1|OTHER", "gibibyte month|1|OTHER", "Million Tokens|1000000|TOKENS"})
    void unitsStateTheirBlock(String unit, long block, TokenUnits.Measure measure) {
        TokenUnits.Unit u = TokenUnits.parse(unit);
        assertEquals(0, BigDecimal.valueOf(block).compareTo(u.block()), unit);
        assertEquals(measure, u.measure(), unit);
    }

    @Test
    void tokensAreExactOrRoundedWithAFlag() {
        boolean[] r = new boolean[1];
        assertEquals(12_500, TokenUnits.tokens(new BigDecimal("12.5"), BigDecimal.valueOf(1000), r));
        assertEquals(false, r[0]);
        assertEquals(29_482, TokenUnits.tokens(new BigDecimal("29.4815"), BigDecimal.valueOf(1000), r)); // 29,481.5 → half-up
        assertEquals(true, r[0]);
    }
}

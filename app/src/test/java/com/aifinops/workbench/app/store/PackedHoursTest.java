package com.aifinops.workbench.app.store;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The packed hours of one usage_hourly_day row: the bytes worked out by hand, and exact costs of any size. */
class PackedHoursTest {
    private static List<String> unpack(int hours, byte[] data) {
        List<String> out = new ArrayList<>();
        PackedHours.read(hours, data, (h, req, in, o, unpriced, unscaled, scale, big) -> out.add(h + "h " + req + " " + in + " " + o + " "
                + unpriced + " " + PackedHours.cost(unscaled, scale, big).toPlainString()));
        return out;
    }

    @Test
    void twoHoursPackAsZigzagVarintsWithTheCostsScaleAndUnscaledValue() {
        PackedHours.Writer w = new PackedHours.Writer()
                .add(9, 2, 3000, 300, 0, new BigDecimal("0.03"))
                .add(10, 1, 4000, 400, 0, new BigDecimal("0.04"));
        assertEquals(512 + 1024, w.hours()); // bits 9 and 10
        // hour 9: 2 → zigzag 4 = 04; 3000 → 6000 = 46·128 + 112 → F0 2E; 300 → 600 = 4·128 + 88 → D8 04; unpriced 00;
        //         0.03 = 3 at scale 2: head zigzag(2)·2 = 8 → 08, 3 → zigzag 6 → 06
        // hour 10: 1 → 02; 4000 → 8000 = 62·128 + 64 → C0 3E; 400 → 800 = 6·128 + 32 → A0 06; 00; 0.04 → 08 08
        assertEquals("04f02ed804000806" + "02c03ea006000808", HexFormat.of().formatHex(w.bytes()));
        assertEquals(List.of("9h 2 3000 300 0 0.03", "10h 1 4000 400 0 0.04"), unpack(w.hours(), w.bytes()));
    }

    @Test
    void negativeTinyAndHugeCostsComeBackExactly() {
        PackedHours.Writer w = new PackedHours.Writer()
                .add(0, 1, 0, 0, 0, new BigDecimal("-0.5"))
                .add(5, 7, 10, 1, 7, new BigDecimal("0.0000000000001"))           // 13 decimals
                .add(6, 1, 1, 1, 0, new BigDecimal("1E+20"))                       // scale −20
                .add(23, 3, 3500, 350, 0, new BigDecimal("123456789012345678901234567890.5")); // unscaled beyond a long
        assertEquals(List.of("0h 1 0 0 0 -0.5", "5h 7 10 1 7 0.0000000000001", "6h 1 1 1 0 100000000000000000000",
                "23h 3 3500 350 0 123456789012345678901234567890.5"), unpack(w.hours(), w.bytes()));
        // -0.5: head zigzag(1)·2 = 4 → 04, −5 → zigzag 9 → 09, after requests 1 → zigzag 2 → 02 and three zeros
        assertEquals("0200000004" + "09", HexFormat.of().formatHex(w.bytes()).substring(0, 12));
    }

    @Test
    void hoursGoInIncreasingOrderOnce() {
        PackedHours.Writer w = new PackedHours.Writer().add(3, 1, 1, 1, 0, BigDecimal.ONE);
        assertThrows(IllegalArgumentException.class, () -> w.add(3, 1, 1, 1, 0, BigDecimal.ONE));
        assertThrows(IllegalArgumentException.class, () -> w.add(24, 1, 1, 1, 0, BigDecimal.ONE));
    }
}

package com.aifinops.workbench.pricing.decision;

import com.aifinops.workbench.model.Usd;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A cost split into categories that add up to the total, both exactly and as shown: the total is the exact sum
 * of the lines, and each line's cents are allocated by largest remainder so the shown lines add up to the shown
 * (half-up rounded) total, never a cent off.
 *
 * @param lines the categories in display order
 * @param total exact sum of the lines
 */
public record Breakdown(List<Line> lines, BigDecimal total) {

    /**
     * @param category e.g. "GPU hours"
     * @param amount   exact amount
     * @param cents    the amount as shown, to the cent; the lines' cents sum to {@code Usd.cents(total)}
     * @param detail   how it was reckoned, e.g. "16 GPUs × 8,760 h × $3.00"
     */
    public record Line(String category, BigDecimal amount, BigDecimal cents, String detail) {
    }

    public record Part(String category, BigDecimal amount, String detail) {
    }

    public static Breakdown of(List<Part> parts) {
        BigDecimal total = parts.stream().map(Part::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        long target = Usd.cents(total).movePointRight(2).longValueExact();
        long[] floors = new long[parts.size()];
        BigDecimal[] remainders = new BigDecimal[parts.size()];
        long sum = 0;
        for (int i = 0; i < parts.size(); i++) {
            BigDecimal c = parts.get(i).amount().movePointRight(2);
            floors[i] = c.setScale(0, RoundingMode.FLOOR).longValueExact();
            remainders[i] = c.subtract(BigDecimal.valueOf(floors[i]));
            sum += floors[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> remainders[i]).reversed().thenComparing(i -> i));
        long left = target - sum; // 0 ≤ left < parts: the cents the floors dropped
        for (int k = 0; k < order.size() && left > 0; k++, left--) {
            floors[order.get(k)]++;
        }
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Part p = parts.get(i);
            lines.add(new Line(p.category(), p.amount(), BigDecimal.valueOf(floors[i]).movePointLeft(2).setScale(2),
                    p.detail()));
        }
        return new Breakdown(List.copyOf(lines), total);
    }

    public BigDecimal totalCents() {
        return Usd.cents(total);
    }
}

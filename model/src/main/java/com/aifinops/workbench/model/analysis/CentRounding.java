package com.aifinops.workbench.model.analysis;

import com.aifinops.workbench.model.Usd;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Rounds parts of a total to cents so that the printed parts add up to the printed total: 0.335 + 0.335 + 0.33 is
 * printed 0.34 + 0.33 + 0.33 = 1.00, not 0.34 + 0.34 + 0.33 = 1.01. Largest remainder: every part is rounded down,
 * and the cents still missing to the total (itself rounded half-up) go to the parts with the largest remainders,
 * the earlier part first on a tie.
 */
public final class CentRounding {
    private static final BigDecimal CENT = new BigDecimal("0.01");

    private CentRounding() {
    }

    /**
     * @param parts exact parts; nulls stay null and take no cents
     * @param total their exact sum (null: the sum of the parts, or null when every part is null)
     * @return the parts in cents, in the order given, summing to {@code Usd.cents(total)}
     */
    public static List<BigDecimal> round(List<BigDecimal> parts, BigDecimal total) {
        BigDecimal sum = null;
        for (BigDecimal p : parts) {
            sum = Showback.add(sum, p);
        }
        if (total == null) {
            total = sum;
        }
        List<BigDecimal> out = new ArrayList<>(parts.size());
        if (total == null || sum == null || sum.compareTo(total) != 0) {
            // not parts of this total: each is rounded on its own
            parts.forEach(p -> out.add(p == null ? null : Usd.cents(p)));
            return out;
        }
        BigDecimal assigned = BigDecimal.ZERO;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            BigDecimal p = parts.get(i);
            if (p == null) {
                out.add(null);
                continue;
            }
            BigDecimal floor = p.setScale(2, RoundingMode.FLOOR);
            out.add(floor);
            assigned = assigned.add(floor);
            order.add(i);
        }
        long missing = Usd.cents(total).subtract(assigned).movePointRight(2).longValueExact();
        order.sort(Comparator.comparing((Integer i) -> parts.get(i).subtract(out.get(i))).reversed().thenComparing(i -> i));
        for (int k = 0; k < missing && k < order.size(); k++) {
            int i = order.get(k);
            out.set(i, out.get(i).add(CENT));
        }
        return out;
    }

    /**
     * Rounds exact parts to cents that add up to {@code printed}, a cent amount within a cent of their sum per part
     * (the parent's printed figure in a tree whose every level is rounded this way): each part rounded down, the cents
     * missing to {@code printed} to the largest remainders, the earlier part first on a tie.
     */
    public static List<BigDecimal> roundTo(List<BigDecimal> parts, BigDecimal printed) {
        List<BigDecimal> out = new ArrayList<>(parts.size());
        BigDecimal assigned = BigDecimal.ZERO;
        for (BigDecimal p : parts) {
            BigDecimal floor = p.setScale(2, RoundingMode.FLOOR);
            out.add(floor);
            assigned = assigned.add(floor);
        }
        long missing = printed.setScale(2, RoundingMode.UNNECESSARY).subtract(assigned).movePointRight(2).longValueExact();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> parts.get(i).subtract(out.get(i))).reversed().thenComparing(i -> i));
        for (int k = 0; k < missing && !order.isEmpty(); k++) {
            int i = order.get(k % order.size());
            out.set(i, out.get(i).add(CENT));
        }
        return out;
    }
}

package com.aifinops.workbench.model.analysis;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A budget for one node of the allocation tree, in USD, over a calendar month or a rolling window of days, with
 * its alert thresholds as fractions of the amount in ascending order (default 0.80 and 1.00).
 */
public record Budget(Node node, BudgetPeriod period, BigDecimal amount, List<BigDecimal> thresholds) {
    /** The highest threshold accepted: 10 × the budget. */
    public static final BigDecimal MAX_THRESHOLD = BigDecimal.TEN;

    public Budget {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(thresholds, "thresholds");
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("a budget must be positive, got " + amount.toPlainString());
        }
        thresholds = checkThresholds(thresholds);
    }

    /** A monthly budget with the default thresholds (80 %, 100 %). */
    public Budget(Node node, YearMonth month, BigDecimal amount) {
        this(node, new BudgetPeriod.Month(month), amount, Budgets.DEFAULT_THRESHOLDS);
    }

    /** The month of a monthly budget; null for a rolling one. */
    public YearMonth month() {
        return period instanceof BudgetPeriod.Month m ? m.month() : null;
    }

    /** The window of a rolling budget in days; 0 for a monthly one. */
    public int rollingDays() {
        return period instanceof BudgetPeriod.Rolling r ? r.days() : 0;
    }

    public boolean isRolling() {
        return period instanceof BudgetPeriod.Rolling;
    }

    /** The same budget with another amount (an edit keeps the period and thresholds). */
    public Budget withAmount(BigDecimal newAmount) {
        return new Budget(node, period, newAmount, thresholds);
    }

    private static List<BigDecimal> checkThresholds(List<BigDecimal> in) {
        if (in.isEmpty()) {
            throw new IllegalArgumentException("a budget needs at least one alert threshold");
        }
        List<BigDecimal> out = new ArrayList<>(in.size());
        for (BigDecimal t : in) {
            Objects.requireNonNull(t, "threshold");
            if (t.signum() <= 0 || t.compareTo(MAX_THRESHOLD) > 0) {
                throw new IllegalArgumentException("an alert threshold is a share of the budget above 0 % and up to 1000 %, got "
                        + t.movePointRight(2).stripTrailingZeros().toPlainString() + " %");
            }
            if (!out.isEmpty() && t.compareTo(out.get(out.size() - 1)) <= 0) {
                throw new IllegalArgumentException("alert thresholds must rise, got " + Budgets.percents(in));
            }
            out.add(t);
        }
        return List.copyOf(out);
    }
}

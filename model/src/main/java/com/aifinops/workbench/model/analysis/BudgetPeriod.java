package com.aifinops.workbench.model.analysis;

import java.time.YearMonth;
import java.util.Objects;

/**
 * What a budget's amount covers: one calendar month, or a rolling window of the last N days (the window ending on
 * whichever day it is evaluated). Named apart from {@link java.time.Period}, which the same files often use.
 */
public sealed interface BudgetPeriod {

    /** The longest rolling window: a year and a bit. */
    int MAX_ROLLING_DAYS = 400;

    /** A calendar month, e.g. 2026-02. */
    record Month(YearMonth month) implements BudgetPeriod {
        public Month {
            Objects.requireNonNull(month, "month");
        }

        @Override
        public String toString() {
            return month.toString();
        }
    }

    /** The {@code days} days ending on the day the budget is evaluated (that day included). */
    record Rolling(int days) implements BudgetPeriod {
        public Rolling {
            if (days < 1 || days > MAX_ROLLING_DAYS) {
                throw new IllegalArgumentException("a rolling budget covers 1.." + MAX_ROLLING_DAYS + " days, got " + days);
            }
        }

        @Override
        public String toString() {
            return "rolling " + days + " days";
        }
    }
}

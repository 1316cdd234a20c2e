package com.aifinops.workbench.views.common;

import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;

import java.util.Locale;

/**
 * Dollar tick labels that agree with each other on one axis: every label of an axis is written with the
 * precision its tick step needs, in K/M/B where the value is that large. Steps of $5 read $0, $5, $10, $15 (not
 * "$5.00" next to "$10"); steps of $0.25 read $0.25 … $1.00; steps of $500 read $500, $1.0K, $1.5K; steps of
 * $0.0005 (a cost per ticket) read $0.0005, $0.0010.
 */
public final class DollarTicks {
    private static final double[] STEPS = {1, 2, 5};

    private DollarTicks() {
    }

    /** Gives {@code axis} tick steps from $0.0001 (costs per outcome) to $5B, each labelled as above. */
    public static void apply(NumberAxis axis) {
        TickUnits units = new TickUnits();
        for (int exp = -4; exp <= 9; exp++) {
            for (double m : STEPS) {
                double size = m * Math.pow(10, exp);
                units.add(new NumberTickUnit(size, LabelFormat.of(v -> label(v, size))));
            }
        }
        axis.setNumberFormatOverride(null);
        axis.setStandardTickUnits(units);
        // JFreeChart takes the finest step whose labels do not touch: padding each label makes that about one
        // label per 40 pixels (a $270 waterfall in $20 steps, not 28 labels in $10 ones)
        axis.setTickLabelInsets(new org.jfree.chart.ui.RectangleInsets(7, 4, 7, 4));
    }

    /** The label of {@code v} on an axis stepping by {@code step}. */
    static String label(double v, double step) {
        double a = Math.abs(v);
        if (a < step / 1e6) {
            return "$0";
        }
        double unit;
        String suffix;
        if (a >= 1e9) {
            unit = 1e9;
            suffix = "B";
        } else if (a >= 1e6) {
            unit = 1e6;
            suffix = "M";
        } else if (a >= 1e3) {
            unit = 1e3;
            suffix = "K";
        } else {
            unit = 1;
            suffix = "";
        }
        int decimals = decimals(step / unit);
        if (unit == 1 && decimals > 0) {
            decimals = Math.max(2, decimals); // cents, as money is written; sub-cent steps to their own digits
        }
        return (v < 0 ? "-$" : "$") + String.format(Locale.ROOT, "%,." + decimals + "f", a / unit) + suffix;
    }

    /** Decimals that show a step of {@code s} (in the label's unit): 5 → 0, 0.5 → 1, 0.25 → 2, 0.0005 → 4. */
    private static int decimals(double s) {
        for (int d = 0; d < 4; d++) {
            double scaled = s * Math.pow(10, d);
            if (Math.abs(scaled - Math.rint(scaled)) < 1e-9 * Math.max(1, scaled)) {
                return d;
            }
        }
        return 4;
    }
}

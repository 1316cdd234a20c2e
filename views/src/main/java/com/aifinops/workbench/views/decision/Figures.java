package com.aifinops.workbench.views.decision;

import com.aifinops.workbench.model.Usd;
import com.aifinops.workbench.views.common.LabelFormat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

/** How the decision screens write figures: display only, no arithmetic beyond rounding for the eye. */
final class Figures {
    private Figures() {
    }

    /** "97.2 B", "1.45 T", "850 M". */
    static String tokens(double v) {
        double a = Math.abs(v);
        if (a >= 1e12) return String.format(Locale.ROOT, "%.2f T", v / 1e12);
        if (a >= 1e9) return String.format(Locale.ROOT, "%.1f B", v / 1e9);
        if (a >= 1e6) return String.format(Locale.ROOT, "%.0f M", v / 1e6);
        if (a >= 1e3) return String.format(Locale.ROOT, "%.0f K", v / 1e3);
        return String.format(Locale.ROOT, "%.0f", v);
    }

    /** "38,048,450,705". */
    static String exact(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    static String usd(BigDecimal v) {
        return Usd.format(v);
    }

    /** "$1.15M", "$660K". */
    static String usdShort(double v) {
        double a = Math.abs(v);
        String sign = v < 0 ? "-" : "";
        if (a >= 1e9) return String.format(Locale.ROOT, "%s$%.2fB", sign, a / 1e9);
        if (a >= 1e6) return String.format(Locale.ROOT, "%s$%.2fM", sign, a / 1e6);
        if (a >= 1e3) return String.format(Locale.ROOT, "%s$%.0fK", sign, a / 1e3);
        return String.format(Locale.ROOT, "%s$%.0f", sign, a);
    }

    static String perMTok(BigDecimal v) {
        return "$" + v.setScale(2, RoundingMode.HALF_UP).toPlainString() + " / MTok";
    }

    static String pct(BigDecimal fraction) {
        return fraction.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + " %";
    }

    static String pct(double fraction) {
        return Double.isNaN(fraction) ? "—" : String.format(Locale.ROOT, "%.1f %%", fraction * 100);
    }

    /** Axis labels in tokens. */
    static NumberFormat tokenAxis() {
        return LabelFormat.of(v -> tokens(v).replace(" ", ""));
    }

    /** Axis labels in dollars, compact. */
    static NumberFormat dollarAxis() {
        return LabelFormat.of(Figures::usdShort);
    }
}

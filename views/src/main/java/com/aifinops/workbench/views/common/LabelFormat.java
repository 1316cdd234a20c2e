package com.aifinops.workbench.views.common;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.function.DoubleFunction;

/** A display-only NumberFormat for chart axes and item labels: one function from a value to its text. */
public abstract class LabelFormat extends NumberFormat {
    /** The text of {@code v}. */
    protected abstract String label(double v);

    public static LabelFormat of(DoubleFunction<String> text) {
        return new LabelFormat() {
            @Override
            protected String label(double v) {
                return text.apply(v);
            }
        };
    }

    @Override
    public final StringBuffer format(double v, StringBuffer to, FieldPosition pos) {
        return to.append(label(v));
    }

    @Override
    public final StringBuffer format(long v, StringBuffer to, FieldPosition pos) {
        return format((double) v, to, pos);
    }

    @Override
    public final Number parse(String source, ParsePosition pos) {
        throw new UnsupportedOperationException("display only");
    }
}

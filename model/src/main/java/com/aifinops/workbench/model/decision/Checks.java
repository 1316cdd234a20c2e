package com.aifinops.workbench.model.decision;

import java.math.BigDecimal;
import java.util.List;

/** Validation shared by the decision inputs: a bad file names the field and the value it rejected. */
final class Checks {
    private Checks() {
    }

    static BigDecimal nonNegative(BigDecimal v, String what) {
        if (v == null) {
            return BigDecimal.ZERO;
        }
        if (v.signum() < 0) {
            throw new IllegalArgumentException(what + " must not be negative: " + v.toPlainString());
        }
        return v;
    }

    static BigDecimal positive(BigDecimal v, String what) {
        if (v == null || v.signum() <= 0) {
            throw new IllegalArgumentException(what + " must be greater than 0: " + (v == null ? "missing" : v.toPlainString()));
        }
        return v;
    }

    /** A share in [0, 1]; {@code null} reads as {@code dflt}. */
    static BigDecimal share(BigDecimal v, String what, BigDecimal dflt) {
        if (v == null) {
            return dflt;
        }
        if (v.signum() < 0 || v.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException(what + " must be between 0 and 1: " + v.toPlainString());
        }
        return v;
    }

    static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : List.copyOf(l);
    }

    static String text(String s, String dflt) {
        return s == null || s.isBlank() ? dflt : s;
    }
}

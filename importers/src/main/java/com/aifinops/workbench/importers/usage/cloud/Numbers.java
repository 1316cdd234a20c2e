package com.aifinops.workbench.importers.usage.cloud;

import com.aifinops.workbench.importers.usage.FieldParsers;

import java.math.BigDecimal;

/**
 * Decimals as cloud consoles write them, exact: US grouping ({@code "100,000"}, {@code "1,234.56"}), European
 * decimal commas ({@code "1.234,56"}, {@code "0,5"}), currency symbols, {@code (12.50)} for negatives and
 * scientific notation. Returns {@code null} for an empty cell; a malformed value throws
 * {@link IllegalArgumentException} saying what was expected.
 */
public final class Numbers {
    /** How a file separates decimals: known from its delimiter (a {@code ;} file uses decimal commas) or per value. */
    public enum Style { AUTO, DECIMAL_COMMA }

    private Numbers() {
    }

    public static Style styleFor(char delimiter) {
        return delimiter == ';' ? Style.DECIMAL_COMMA : Style.AUTO;
    }

    public static BigDecimal decimal(String s, Style style) {
        if (FieldParsers.isBlank(s)) return null;
        String t = s.strip();
        boolean negative = t.startsWith("(") && t.endsWith(")");
        if (negative) t = t.substring(1, t.length() - 1).strip();
        t = t.replace("$", "").replace("€", "").replace("£", "").replace("\u00A0", "").replace(" ", "")
                .replace("'", "");
        if (t.regionMatches(true, 0, "USD", 0, 3) || t.regionMatches(true, 0, "EUR", 0, 3)) t = t.substring(3);
        if (t.length() > 3 && (t.regionMatches(true, t.length() - 3, "USD", 0, 3) || t.regionMatches(true, t.length() - 3, "EUR", 0, 3))) {
            t = t.substring(0, t.length() - 3);
        }
        String plain = normalise(t, style);
        try {
            BigDecimal d = new BigDecimal(plain);
            return negative ? d.negate() : d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(style == Style.DECIMAL_COMMA
                    ? "expected a number such as 1.234,56" : "expected a number such as 1234.56");
        }
    }

    private static String normalise(String t, Style style) {
        if (t.matches("[-+]?[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?") && style == Style.AUTO) return t;
        int comma = t.lastIndexOf(','), dot = t.lastIndexOf('.');
        if (style == Style.DECIMAL_COMMA) {
            if (comma >= 0 && dot > comma) return "x"; // "1,234.5" in a decimal-comma file: refuse, don't guess
            if (comma >= 0 || t.matches("[-+]?[1-9]\\d{0,2}(\\.\\d{3})+")) return t.replace(".", "").replace(',', '.');
            return t; // "0.0025": a plain decimal point even in a semicolon file
        }
        if (comma >= 0 && dot >= 0) {
            // both: the last one is the decimal separator
            return comma > dot ? t.replace(".", "").replace(',', '.') : t.replace(",", "");
        }
        if (comma >= 0) {
            // "100,000" / "1,234,567" group thousands; "0,5" / "12,25" is a decimal comma
            return t.matches("[-+]?\\d{1,3}(,\\d{3})+") ? t.replace(",", "") : t.replace(',', '.');
        }
        if (t.matches("[-+]?\\d{1,3}(\\.\\d{3}){2,}")) return t.replace(".", ""); // "1.234.567"
        return t;
    }
}

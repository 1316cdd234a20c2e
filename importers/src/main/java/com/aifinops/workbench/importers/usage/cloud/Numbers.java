package com.aifinops.workbench.importers.usage.cloud;

import com.aifinops.workbench.importers.usage.FieldParsers;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Decimals as cloud consoles write them, exact: US grouping ({@code "100,000"}, {@code "1,234.56"}), European
 * decimal commas ({@code "1.234,56"}, {@code "0,5"}), currency symbols, {@code (12.50)} for negatives and
 * scientific notation. Returns {@code null} for an empty cell; a malformed value throws
 * {@link IllegalArgumentException} saying what was expected.
 */
public final class Numbers {
    /** How a file separates decimals: known from its delimiter (a {@code ;} file uses decimal commas) or per value. */
    public enum Style { AUTO, DECIMAL_COMMA }

    private static final Pattern PLAIN = Pattern.compile("[-+]?[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?");
    private static final Pattern DOT_GROUPS = Pattern.compile("[-+]?[1-9]\\d{0,2}(\\.\\d{3})+");
    private static final Pattern DOT_GROUPS_2 = Pattern.compile("[-+]?\\d{1,3}(\\.\\d{3}){2,}");
    private static final Pattern COMMA_GROUPS = Pattern.compile("[-+]?\\d{1,3}(,\\d{3})+");

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
        if (style == Style.AUTO && PLAIN.matcher(t).matches()) return t;
        int comma = t.lastIndexOf(','), dot = t.lastIndexOf('.');
        if (style == Style.DECIMAL_COMMA) {
            if (comma >= 0 && dot > comma) return "x"; // "1,234.5" in a decimal-comma file: refuse, don't guess
            if (comma >= 0 || DOT_GROUPS.matcher(t).matches()) return t.replace(".", "").replace(',', '.');
            return t; // "0.0025": a plain decimal point even in a semicolon file
        }
        if (comma >= 0 && dot >= 0) {
            // both: the last one is the decimal separator
            return comma > dot ? t.replace(".", "").replace(',', '.') : t.replace(",", "");
        }
        if (comma >= 0) {
            // "100,000" / "1,234,567" group thousands; "0,5" / "12,25" is a decimal comma
            return COMMA_GROUPS.matcher(t).matches() ? t.replace(",", "") : t.replace(',', '.');
        }
        if (DOT_GROUPS_2.matcher(t).matches()) return t.replace(".", ""); // "1.234.567"
        return t;
    }
}

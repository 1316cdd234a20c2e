package com.aifinops.workbench.importers.usage;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tolerant parsing of the values real exports write, shared by every reader. Each method returns
 * {@code null} for an empty cell or a {@code NULL} marker, and throws {@link IllegalArgumentException} with
 * a message saying what was expected when a value is present but malformed (a reader turns that into an
 * {@code ImportProblem} with the file, line and column).
 */
public final class FieldParsers {
    private FieldParsers() {
    }

    public static boolean isBlank(String s) {
        if (s == null) return true;
        String t = s.strip();
        return t.isEmpty() || t.equalsIgnoreCase("null") || t.equalsIgnoreCase("n/a") || t.equals("-");
    }

    /**
     * A token or request count: "59200", "59200.0", "59,200", "5.92e4". A fractional count is an error.
     */
    public static Long count(String s) {
        if (isBlank(s)) return null;
        BigDecimal d = decimalOrThrow(s.strip().replace(",", ""), "a whole number");
        try {
            long v = d.stripTrailingZeros().longValueExact();
            if (v < 0) throw new IllegalArgumentException("expected a non-negative whole number");
            return v;
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("expected a whole number");
        }
    }

    /** A count where an empty cell means zero. */
    public static long countOrZero(String s) {
        Long v = count(s);
        return v == null ? 0 : v;
    }

    /**
     * An exact money amount: "10100", "10,100.00", "$10,100.00 ", "(12.50)" (negative), "-0.5", "1.2E-5".
     * Currency symbols and grouping are dropped; the value is never rounded.
     */
    public static BigDecimal money(String s) {
        if (isBlank(s)) return null;
        String t = s.strip();
        boolean negative = t.startsWith("(") && t.endsWith(")");
        if (negative) t = t.substring(1, t.length() - 1);
        t = t.replace(",", "").replace("$", "").replace("€", "").replace("£", "").replace("USD", "").strip();
        BigDecimal d = decimalOrThrow(t, "an amount such as 10.25");
        return negative ? d.negate() : d;
    }

    /** A plain decimal: "0.5", "1e-6", "5.0". */
    public static BigDecimal decimal(String s) {
        if (isBlank(s)) return null;
        return decimalOrThrow(s.strip(), "a number");
    }

    /**
     * A point in time, read as UTC when no offset is given: ISO instants ("2025-01-01T00:00:00Z"), offsets,
     * "2025-01-01 00:00:00" and "2025-01-01T00:00:00" (with optional fraction), plain dates, and Unix epoch
     * seconds ("1735689600", "1735689600.0") or milliseconds (13 digits).
     */
    public static Instant instant(String s) {
        if (isBlank(s)) return null;
        String t = s.strip();
        if (t.matches("-?\\d+(\\.\\d+)?")) {
            BigDecimal n = new BigDecimal(t);
            if (n.abs().compareTo(new BigDecimal("100000000000")) >= 0) {
                return Instant.ofEpochMilli(n.longValue());
            }
            return Instant.ofEpochSecond(n.longValue());
        }
        String iso = t.replace(' ', 'T');
        if (iso.endsWith("UTC")) iso = iso.substring(0, iso.length() - 3).strip() + "Z";
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException ignored) {
            // no offset: fall through
        }
        try {
            return Instant.parse(iso);
        } catch (DateTimeParseException ignored) {
            // not an instant
        }
        try {
            return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // not a local date-time
        }
        try {
            return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expected a date or time such as 2025-01-31, 2025-01-31T10:00:00Z or Unix seconds");
        }
    }

    /** How a file separates decimals: known from its delimiter (a {@code ;} file uses decimal commas) or per value. */
    public enum DecimalStyle { AUTO, DECIMAL_COMMA }

    private static final Pattern PLAIN = Pattern.compile("[-+]?[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?");
    private static final Pattern DOT_GROUPS = Pattern.compile("[-+]?[1-9]\\d{0,2}(\\.\\d{3})+");
    private static final Pattern DOT_GROUPS_2 = Pattern.compile("[-+]?\\d{1,3}(\\.\\d{3}){2,}");
    private static final Pattern COMMA_GROUPS = Pattern.compile("[-+]?\\d{1,3}(,\\d{3})+");

    public static DecimalStyle decimalStyleFor(char delimiter) {
        return delimiter == ';' ? DecimalStyle.DECIMAL_COMMA : DecimalStyle.AUTO;
    }

    /**
     * A decimal as cloud consoles and spreadsheets write it, exact: US grouping ({@code "100,000"},
     * {@code "1,234.56"}), European decimal commas ({@code "1.234,56"}, {@code "0,5"}), currency symbols and codes,
     * {@code (12.50)} for negatives and scientific notation. Unlike {@link #money}, a lone comma may be a decimal
     * comma ({@code "0,5"} is 0.5).
     */
    public static BigDecimal decimal(String s, DecimalStyle style) {
        if (isBlank(s)) return null;
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
            throw new IllegalArgumentException(style == DecimalStyle.DECIMAL_COMMA
                    ? "expected a number such as 1.234,56" : "expected a number such as 1234.56");
        }
    }

    private static String normalise(String t, DecimalStyle style) {
        if (style == DecimalStyle.AUTO && PLAIN.matcher(t).matches()) return t;
        int comma = t.lastIndexOf(','), dot = t.lastIndexOf('.');
        if (style == DecimalStyle.DECIMAL_COMMA) {
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

    /** Header cells compared loosely: case, BOM, surrounding spaces and quotes ignored. */
    public static String headerKey(String h) {
        if (h == null) return "";
        String t = h.replace("\uFEFF", "").strip();
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) t = t.substring(1, t.length() - 1);
        return t.toLowerCase(Locale.ROOT);
    }

    private static BigDecimal decimalOrThrow(String t, String expected) {
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected " + expected);
        }
    }
}

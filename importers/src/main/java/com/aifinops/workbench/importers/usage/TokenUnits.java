package com.aifinops.workbench.importers.usage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The block a billing unit counts in, read from the unit text instead of assumed: {@code "1K tokens"} → 1,000,
 * {@code "1M tokens"} / {@code "1 million count"} → 1,000,000, {@code "tokens"} / {@code "Units"} /
 * {@code "count"} → 1, {@code "1K"} / {@code "1M"} (Azure) likewise, {@code "1,000 Tokens"} → 1,000.
 */
public final class TokenUnits {
    /** What a unit measures: tokens (or plain counts), characters, or something else (hours, requests, GB). */
    public enum Measure { TOKENS, CHARACTERS, OTHER }

    /** A parsed unit: the block size and what it counts. */
    public record Unit(BigDecimal block, Measure measure, String raw) {
    }

    private static final Pattern UNIT = Pattern.compile(
            "^(?:(\\d[\\d,]*(?:\\.\\d+)?)\\s*)?(?:(k|m|thousand|million|b|billion)\\b)?\\s*(.*)$");

    /** A unit that says tokens, with an optional block before it ("1M Tokens", "1000 input tokens", "k tokens"). */
    private static final Pattern TOKEN_UNIT = Pattern.compile(
            "(?:(\\d+(?:\\.\\d+)?)\\s*(k|m|thousand|million)?\\s+|(k|m|thousand|million)\\s+)?(?:[a-z]+\\s+)*tokens?");

    private TokenUnits() {
    }

    /**
     * The block of a unit that names tokens ({@code "Tokens"} → 1, {@code "1K tokens"} → 1,000, {@code "1000 Tokens"},
     * {@code "1M Tokens"} → 1,000,000), else {@code null}. Stricter than {@link #parse}: {@code "count"} or
     * {@code "Units"} are not tokens here, because FOCUS rows of every service name a unit and only one that says
     * tokens is token usage.
     */
    public static BigDecimal blockOfTokenUnit(String unit) {
        if (unit == null) return null;
        Matcher m = TOKEN_UNIT.matcher(unit.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) return null;
        BigDecimal n = m.group(1) == null ? BigDecimal.ONE : new BigDecimal(m.group(1));
        String scale = m.group(2) != null ? m.group(2) : m.group(3);
        if (scale == null) return n;
        return n.multiply(scale.startsWith("k") || scale.equals("thousand") ? BigDecimal.valueOf(1000) : BigDecimal.valueOf(1_000_000));
    }

    /** Parses a unit; throws {@link IllegalArgumentException} when the block cannot be read. */
    public static Unit parse(String raw) {
        if (raw == null || raw.isBlank()) throw new IllegalArgumentException("expected a unit such as '1K tokens'");
        String t = raw.strip().toLowerCase(Locale.ROOT).replace('-', ' ').replace('_', ' ');
        Matcher m = UNIT.matcher(t);
        if (!m.matches()) throw new IllegalArgumentException("expected a unit such as '1K tokens'");
        BigDecimal n = m.group(1) == null ? BigDecimal.ONE : new BigDecimal(m.group(1).replace(",", ""));
        String scale = m.group(2);
        BigDecimal mult = scale == null ? BigDecimal.ONE : switch (scale) {
            case "k", "thousand" -> BigDecimal.valueOf(1_000);
            case "m", "million" -> BigDecimal.valueOf(1_000_000);
            default -> BigDecimal.valueOf(1_000_000_000);
        };
        return new Unit(n.multiply(mult), measure(m.group(3)), raw);
    }

    private static Measure measure(String noun) {
        String n = noun.strip();
        if (n.contains("hour") || n.contains("month") || n.contains("byte")) return Measure.OTHER;
        if (n.isEmpty() || n.startsWith("token") || n.startsWith("count") || n.equals("units") || n.equals("unit")
                || n.equals("tokens")) {
            return Measure.TOKENS;
        }
        if (n.startsWith("char")) return Measure.CHARACTERS;
        return Measure.OTHER;
    }

    /**
     * Whole tokens of {@code amount} blocks: exact when the product is whole, otherwise rounded half-up (sources
     * round the amount they print, e.g. 29.4815 thousand tokens). {@code rounded[0]} is set when rounding happened.
     */
    public static long tokens(BigDecimal amount, BigDecimal block, boolean[] rounded) {
        BigDecimal exact = amount.multiply(block);
        BigDecimal whole = exact.setScale(0, RoundingMode.HALF_UP);
        if (whole.compareTo(exact) != 0 && rounded != null) rounded[0] = true;
        if (whole.signum() < 0) throw new IllegalArgumentException("expected a non-negative amount");
        return whole.longValueExact();
    }
}

package com.aifinops.workbench.model.analysis;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the {@code tags} text of a ledger row into key/value pairs. Accepts a flat JSON object of strings
 * ({@code {"env":"prod","app":"chat"}}) or {@code key=value} pairs separated by {@code ;}, {@code ,} or new lines,
 * so either way the importer writes them groups the same.
 */
public final class TagText {
    private TagText() {
    }

    public static Map<String, String> parse(String text) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return tags;
        }
        String t = text.strip();
        if (t.startsWith("{")) {
            parseJson(t, tags);
            return tags;
        }
        for (String pair : t.split("[;,\\n]")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                tags.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
        return tags;
    }

    /** Writes tags as {@code key=value;key=value} (keys sorted by the caller's map order). */
    public static String write(Map<String, String> tags) {
        StringBuilder b = new StringBuilder();
        tags.forEach((k, v) -> b.append(b.length() == 0 ? "" : ";").append(k).append('=').append(v));
        return b.toString();
    }

    private static void parseJson(String t, Map<String, String> tags) {
        int[] pos = {1};
        while (true) {
            skipSpace(t, pos);
            if (pos[0] >= t.length() || t.charAt(pos[0]) == '}') {
                return;
            }
            String key = string(t, pos);
            skipSpace(t, pos);
            if (pos[0] < t.length() && t.charAt(pos[0]) == ':') {
                pos[0]++;
            }
            skipSpace(t, pos);
            String value;
            if (pos[0] < t.length() && t.charAt(pos[0]) == '"') {
                value = string(t, pos);
            } else {
                int start = pos[0];
                while (pos[0] < t.length() && ",}".indexOf(t.charAt(pos[0])) < 0) {
                    pos[0]++;
                }
                value = t.substring(start, pos[0]).strip();
                if (value.equals("null")) {
                    value = null;
                }
            }
            if (key != null && value != null) {
                tags.put(key, value);
            }
            skipSpace(t, pos);
            if (pos[0] < t.length() && t.charAt(pos[0]) == ',') {
                pos[0]++;
            } else {
                return;
            }
        }
    }

    private static void skipSpace(String t, int[] pos) {
        while (pos[0] < t.length() && Character.isWhitespace(t.charAt(pos[0]))) {
            pos[0]++;
        }
    }

    private static String string(String t, int[] pos) {
        if (pos[0] >= t.length() || t.charAt(pos[0]) != '"') {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (pos[0]++; pos[0] < t.length(); pos[0]++) {
            char c = t.charAt(pos[0]);
            if (c == '"') {
                pos[0]++;
                return b.toString();
            }
            if (c == '\\' && pos[0] + 1 < t.length()) {
                char n = t.charAt(++pos[0]);
                if (n == 'u' && pos[0] + 4 < t.length()) {
                    b.append((char) Integer.parseInt(t.substring(pos[0] + 1, pos[0] + 5), 16));
                    pos[0] += 4;
                } else {
                    b.append(switch (n) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        case 'r' -> '\r';
                        default -> n;
                    });
                }
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}

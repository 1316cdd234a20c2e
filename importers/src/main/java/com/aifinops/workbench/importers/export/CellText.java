package com.aifinops.workbench.importers.export;

/**
 * Keeps user text from turning into a formula when a spreadsheet opens an export ("CSV/formula injection"):
 * text starting with {@code =}, {@code +}, {@code -}, {@code @}, tab or carriage return gets a leading
 * apostrophe, so {@code =HYPERLINK(…)} stays the literal text {@code '=HYPERLINK(…)}. Numbers are never passed
 * through here: they are written as numbers.
 */
public final class CellText {
    private CellText() {
    }

    public static String neutralise(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char c = text.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + text : text;
    }
}

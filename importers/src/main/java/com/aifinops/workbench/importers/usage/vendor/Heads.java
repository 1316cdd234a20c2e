package com.aifinops.workbench.importers.usage.vendor;

import com.aifinops.workbench.importers.usage.csv.CsvRecords;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Signature checks on a file's first kilobytes, for {@code UsageReader.detect}. */
public final class Heads {
    private Heads() {
    }

    /** True when the head starts (after a BOM and blanks) like a JSON object or array. */
    public static boolean isJson(String head) {
        if (head == null) {
            return false;
        }
        String t = head.replace("\uFEFF", "").stripLeading();
        return t.startsWith("{") || t.startsWith("[");
    }

    /** True when the head mentions every key as a JSON member name ({@code "key"} followed by a colon). */
    public static boolean jsonKeys(String head, String... keys) {
        for (String key : keys) {
            if (head == null || !Pattern.compile("\"" + Pattern.quote(key) + "\"\\s*:").matcher(head).find()) {
                return false;
            }
        }
        return true;
    }

    /** True when the head contains the string anywhere. */
    public static boolean mentions(String head, String text) {
        return head != null && head.contains(text);
    }

    /** The header keys of a CSV/TSV head, or an empty list for JSON. */
    public static List<String> csvHeader(String head) {
        return isJson(head) ? List.of() : CsvRecords.headerKeys(head, CsvRecords.Delimiter.COMMA_OR_TAB);
    }

    public static boolean hasAll(List<String> header, String... keys) {
        for (String k : keys) {
            if (!header.contains(k)) {
                return false;
            }
        }
        return true;
    }

    /** True when every header key is one of {@code allowed} (and there is at least one). */
    public static boolean onlyOf(List<String> header, Set<String> allowed) {
        return !header.isEmpty() && allowed.containsAll(header);
    }
}

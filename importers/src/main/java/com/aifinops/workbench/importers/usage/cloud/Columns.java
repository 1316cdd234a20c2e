package com.aifinops.workbench.importers.usage.cloud;

import com.aifinops.workbench.model.usage.ImportProblem;
import com.aifinops.workbench.model.usage.UsageSink;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A header row looked up by name: each cell is reduced to a key ({@code keyOf}) so that spellings of the same
 * column ({@code CostInBillingCurrency}, {@code costInBillingCurrency}; {@code service.description},
 * {@code Service description}) find the same index. Columns a reader does not know are reported once each as
 * warnings, never errors.
 */
public final class Columns {
    private final List<String> header;
    private final Map<String, Integer> index = new HashMap<>();
    private final Function<String, String> keyOf;

    public Columns(List<String> header, Function<String, String> keyOf) {
        this.header = header;
        this.keyOf = keyOf;
        for (int i = 0; i < header.size(); i++) index.putIfAbsent(keyOf.apply(header.get(i)), i);
    }

    /** The index of the first of {@code names} the header has, or -1. */
    public int find(String... names) {
        for (String n : names) {
            Integer i = index.get(keyOf.apply(n));
            if (i != null) return i;
        }
        return -1;
    }

    public boolean has(String... names) {
        return find(names) >= 0;
    }

    /** The header cell at {@code i} as written (for problems), or {@code null}. */
    public String name(int i) {
        return i >= 0 && i < header.size() ? header.get(i).replace("\uFEFF", "").strip() : null;
    }

    public String key(int i) {
        return keyOf.apply(header.get(i));
    }

    public int size() {
        return header.size();
    }

    /** One warning (line 1) per header cell {@code known} rejects; empty header cells are ignored. */
    public void warnUnknown(String file, Predicate<String> known, UsageSink sink) {
        for (int i = 0; i < header.size(); i++) {
            String k = keyOf.apply(header.get(i));
            if (!k.isEmpty() && !known.test(k)) {
                sink.problem(ImportProblem.warning(file, 1, name(i), "unknown column, ignored"));
            }
        }
    }
}

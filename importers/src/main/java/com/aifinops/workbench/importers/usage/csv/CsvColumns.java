package com.aifinops.workbench.importers.usage.csv;

import com.aifinops.workbench.model.usage.ImportProblem;
import com.aifinops.workbench.model.usage.UsageSink;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A header row looked up by name: each cell is reduced to a key ({@code keyOf}) so that spellings of the same
 * column ({@code CostInBillingCurrency}, {@code costInBillingCurrency}; {@code service.description},
 * {@code Service description}) find the same index; the first of repeated columns wins. Columns a reader does not
 * know are reported once each as warnings, never errors.
 */
public final class CsvColumns {
    private final List<String> header;
    private final Map<String, Integer> index = new HashMap<>();
    /** Column names as readers spell them → index (or -1), so a lookup per cell costs one hash probe. */
    private final Map<String, Integer> resolved = new HashMap<>();
    private final Function<String, String> keyOf;

    public CsvColumns(List<String> header, Function<String, String> keyOf) {
        this.header = header;
        this.keyOf = keyOf;
        for (int i = 0; i < header.size(); i++) index.putIfAbsent(keyOf.apply(header.get(i)), i);
    }

    /** The index of the column {@code name} names, or -1. */
    public int find(String name) {
        return resolved.computeIfAbsent(name, n -> index.getOrDefault(keyOf.apply(n), -1));
    }

    /** The index of the first of {@code names} the header has, or -1. */
    public int find(String... names) {
        for (String n : names) {
            int i = find(n);
            if (i >= 0) return i;
        }
        return -1;
    }

    public boolean has(String... names) {
        return find(names) >= 0;
    }

    /** The header cell at {@code i} as written (BOM and surrounding spaces removed, for problems), or {@code null}. */
    public String name(int i) {
        return i >= 0 && i < header.size() ? header.get(i).replace("\uFEFF", "").strip() : null;
    }

    /** The header names as written whose key passes {@code keyFilter}. */
    public List<String> names(Predicate<String> keyFilter) {
        return java.util.stream.IntStream.range(0, header.size())
                .filter(i -> keyFilter.test(keyOf.apply(header.get(i)))).mapToObj(this::name).toList();
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

    /**
     * One warning (line 1) per repeated column and per column whose key is not in {@code known}; empty header
     * cells are ignored. Returns how many distinct named columns the header has.
     */
    int warnUnknownOrDuplicate(String file, Set<String> known, UsageSink sink) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String k = keyOf.apply(header.get(i));
            if (k.isEmpty()) {
                continue;
            }
            if (!seen.add(k)) {
                sink.problem(ImportProblem.warning(file, 1, header.get(i), "duplicate column; the first one is used"));
            } else if (!known.contains(k)) {
                sink.problem(ImportProblem.warning(file, 1, header.get(i).strip(), "unknown column, ignored"));
            }
        }
        return seen.size();
    }
}

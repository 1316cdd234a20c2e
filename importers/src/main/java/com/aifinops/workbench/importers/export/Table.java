package com.aifinops.workbench.importers.export;

import java.math.BigDecimal;
import java.util.List;

/**
 * A table to export: a name (the CSV file name without extension), headers and rows. Cells are
 * {@link String}s (neutralised on export), {@link BigDecimal}s or other {@link Number}s (written as plain
 * numbers), or {@code null} (empty).
 */
public record Table(String name, List<String> headers, List<List<Object>> rows) {
    public Table {
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
    }
}

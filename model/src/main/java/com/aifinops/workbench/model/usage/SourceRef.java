package com.aifinops.workbench.model.usage;

/**
 * Where a value came from: a file and the 1-based line (for CSV, the physical line the record starts on;
 * for JSON, the line of the object), so every ledger figure traces back to its source.
 */
public record SourceRef(String file, long line) {
}

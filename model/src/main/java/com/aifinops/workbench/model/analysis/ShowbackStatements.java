package com.aifinops.workbench.model.analysis;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

/** Where the window gets showback statements from and has them written to a file (the app implements it over the ledger). */
public interface ShowbackStatements {
    /** The file formats a statement is saved in. */
    enum Format {
        CSV(".csv", "CSV"), XLSX(".xlsx", "Excel workbook");

        private final String extension;
        private final String label;

        Format(String extension, String label) {
            this.extension = extension;
            this.label = label;
        }

        public String extension() {
            return extension;
        }

        public String label() {
            return label;
        }
    }

    /** The teams (after the allocation rules) with spend in {@code month} or the month before. */
    List<String> teams(YearMonth month) throws Exception;

    /** Writes the statement of {@code team} (null: every team) for {@code month} to {@code file}, atomically. */
    void export(String team, YearMonth month, Format format, Path file) throws Exception;
}

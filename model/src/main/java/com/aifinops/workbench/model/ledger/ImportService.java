package com.aifinops.workbench.model.ledger;

import com.aifinops.workbench.model.usage.ImportProblem;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Brings usage and billing files into the ledger. The window and the CLI both use it; the H2 implementation
 * lives in {@code app}. One file is one transaction: it lands whole or not at all.
 */
public interface ImportService {

    /** The formats a file can be read as: id (for {@code --format}) and a line for the user. */
    List<Format> formats();

    /** The format detection picks for this file, or {@code null} when none fits. */
    String detect(Path file) throws IOException;

    /**
     * Imports one file. {@code format} null detects it. With {@link RejectPolicy#ALL_OR_NOTHING} a file with any
     * rejected line imports nothing (the result lists the problems); {@link RejectPolicy#IMPORT_VALID_REST} keeps
     * the valid lines and records the rejected ones with the batch. Re-importing a file with the same content
     * adds nothing. Cancelling (through {@code progress}) leaves the ledger as it was.
     */
    ImportResult importFile(Path file, String format, RejectPolicy policy, ImportProgress progress) throws IOException;

    /** Every batch, newest first. */
    List<ImportBatch> batches();

    /** The warnings and rejected lines recorded with a batch. */
    List<ImportProblem> problems(long batchId);

    /** Removes a batch and everything it brought (rows, rollups, invoices); false when there is no such batch. */
    boolean removeBatch(long batchId);

    enum RejectPolicy { ALL_OR_NOTHING, IMPORT_VALID_REST }

    record Format(String id, String description) {
    }

    /** Progress of one import; called from the importing thread. */
    interface ImportProgress {
        ImportProgress NONE = new ImportProgress() {
        };

        /** {@code rows} lines read so far, {@code bytes} of {@code totalBytes} consumed. */
        default void progress(long rows, long bytes, long totalBytes) {
        }

        /** Polled while importing; true rolls the import back and ends it with {@link ImportResult.Status#CANCELLED}. */
        default boolean cancelled() {
            return false;
        }
    }
}

package com.aifinops.workbench.importers.usage;

import com.aifinops.workbench.model.usage.UsageSink;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads one external usage or billing format into normalised {@code UsageLine}s, streaming: a reader never
 * holds the whole file in memory. Bad values are reported through {@link UsageSink#problem} naming the file,
 * line, column, value and what was expected; unknown columns are warnings, never failures.
 */
public interface UsageReader {
    /** Stable id used on the command line ({@code --format}) and stored with each import batch. */
    String format();

    /** One line for the user, e.g. "OpenAI usage dashboard export (CSV/TSV)". */
    String description();

    /**
     * How sure this reader is that it reads the file, 0 (not at all) to 100 (certain), judged from its name
     * and its first few kilobytes (decoded as UTF-8, BOM kept). Detection picks the highest score.
     */
    int detect(String fileName, String head);

    /** Streams the file into {@code sink}. Throws only for I/O failures; content problems go to the sink. */
    void read(Path file, UsageSink sink) throws IOException;
}

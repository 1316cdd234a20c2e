package com.aifinops.workbench.model.ledger;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Saved column mappings for "any other CSV", as the mapping dialog sees them: the fields a column can feed, a
 * first guess from a header, what is wrong with a draft, and save/load by name. The implementation (over the
 * importers' {@code ColumnMapping} and the ledger's {@code column_mapping} table) lives in {@code app}, so the
 * views need neither the importers nor H2.
 *
 * <p>A saved mapping is imported with the format id {@link #FORMAT_PREFIX}{@code NAME}, e.g. {@code mapping:Gateway log}.
 */
public interface ColumnMappings {
    /** The format id prefix of a saved mapping: {@code "mapping:" + name}. */
    String FORMAT_PREFIX = "mapping:";

    /**
     * A field of a usage line a column can map to.
     *
     * @param key      the field's key in {@link Draft#columns()}, e.g. {@code startTime}, {@code input}, {@code team}
     * @param label    what the dialog shows, e.g. "Start time"
     * @param required true when a mapping cannot do without it (the provider may instead be a constant)
     */
    record Field(String key, String label, boolean required) {
    }

    /**
     * A mapping being edited.
     *
     * @param name                    the name it is saved under
     * @param columns                 field key → header (unmapped fields absent)
     * @param delimiter               the file's delimiter ({@code ,} {@code ;} {@code |} or a tab)
     * @param providerConstant        the provider of every row without a provider column, or {@code null}
     * @param currencyConstant        the currency when no column gives one, or {@code null} (USD)
     * @param timeFormat              {@code auto}, {@code epoch-seconds}, {@code epoch-millis} or a date pattern
     * @param inputIncludesCached     true when the input column counts the cache-read and cache-write tokens too
     * @param outputIncludesReasoning true when the output column counts the reasoning tokens too
     * @param tokenMultiplier         tokens per unit of the token columns, as typed (1000 for thousands)
     * @param tags                    headers kept as tags
     */
    record Draft(String name, Map<String, String> columns, String delimiter, String providerConstant,
                 String currencyConstant, String timeFormat, boolean inputIncludesCached,
                 boolean outputIncludesReasoning, String tokenMultiplier, List<String> tags) {
        public Draft {
            columns = Map.copyOf(columns);
            tags = tags == null ? List.of() : List.copyOf(tags);
        }
    }

    /**
     * The head of a file for the dialog: its header, its first records and its delimiter.
     *
     * @param file      the file
     * @param header    the header cells
     * @param rows      the first records' cells
     * @param delimiter the delimiter found in the header line
     */
    record Preview(Path file, List<String> header, List<List<String>> rows, String delimiter) {
        public Preview {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /** Every field a column can map to, in the dialog's order. */
    List<Field> fields();

    /** The header and first {@code rows} records of a CSV file; reads only that far. */
    Preview preview(Path file, int rows) throws IOException;

    /** A first guess of the whole draft from a file's header (named {@code name}). */
    Draft suggest(String name, Preview preview);

    /**
     * What is wrong with {@code draft} for this file, one sentence each (empty when it can be saved): the mapping's
     * own problems, mapped headers the file lacks, and the errors of reading the preview's records with it.
     */
    List<String> problems(Draft draft, Preview preview);

    /** Saves the draft under its name, replacing a mapping of the same name; fails with the problems when invalid. */
    void save(Draft draft) throws IOException;

    /** The saved mappings' names, sorted. */
    List<String> names() throws IOException;

    /** The saved mapping {@code name}, if there is one. */
    Optional<Draft> load(String name) throws IOException;
}

package com.aifinops.workbench.model.ledger;

import com.aifinops.workbench.model.usage.ImportProblem;

import java.math.BigDecimal;
import java.util.List;

/**
 * What importing one file did.
 *
 * @param file        the file's path as given
 * @param format      the reader used
 * @param status      how it ended
 * @param batchId     the new batch, or {@code null} when nothing landed
 * @param imported    rows added
 * @param replaced    rows of earlier batches of the same source replaced because this file restates their period
 * @param duplicates  rows skipped because the same content was imported before
 * @param rejected    lines rejected (see {@code problems})
 * @param billedCost  the sum of the cost the file itself states, or {@code null} when it states none
 * @param unpricedModels raw model names the catalogue does not know (their rows carry no priced cost)
 * @param problems    errors and warnings naming file, line, column, value and what was expected (first 1,000)
 */
public record ImportResult(String file, String format, Status status, Long batchId, long imported, long replaced,
                           long duplicates, long rejected, BigDecimal billedCost, List<String> unpricedModels,
                           List<ImportProblem> problems) {

    public enum Status { IMPORTED, DUPLICATE, REJECTED, CANCELLED }

    public ImportResult {
        unpricedModels = List.copyOf(unpricedModels);
        problems = List.copyOf(problems);
    }
}

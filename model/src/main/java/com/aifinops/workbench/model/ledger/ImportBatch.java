package com.aifinops.workbench.model.ledger;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One imported file in the ledger.
 *
 * @param id         batch id
 * @param file       the file's name as imported
 * @param format     the reader used
 * @param rows       rows it holds
 * @param rejected   lines rejected when it was imported (kept out)
 * @param warnings   warnings recorded (e.g. unknown columns)
 * @param billedCost what the file stated it cost, or {@code null}
 * @param importedAt when
 */
public record ImportBatch(long id, String file, String format, long rows, long rejected, long warnings,
                          BigDecimal billedCost, Instant importedAt) {
}

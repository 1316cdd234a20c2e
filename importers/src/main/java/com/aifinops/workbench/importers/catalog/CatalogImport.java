package com.aifinops.workbench.importers.catalog;

import com.aifinops.workbench.model.price.PriceRow;

import java.util.List;

/**
 * What a price-file import produced: the rows, and every entry it skipped with the reason.
 *
 * @param rows    catalogue rows, prices per MTok, exact
 * @param skipped "key: reason" for each entry not imported (not token-priced, no prices, …)
 */
public record CatalogImport(List<PriceRow> rows, List<String> skipped) {
    public CatalogImport {
        rows = List.copyOf(rows);
        skipped = List.copyOf(skipped);
    }
}

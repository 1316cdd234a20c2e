package com.aifinops.workbench.model.workbook;

import com.aifinops.workbench.model.price.ModelPrice;
import com.aifinops.workbench.model.workload.Workload;

import java.util.List;
import java.util.Objects;

/**
 * The document a consultant saves and ships: workloads plus the price rows they were built on, so that
 * the workbook reproduces its figures on a machine without the author's database.
 *
 * @param name          title shown in the window
 * @param workloads     the modelled workloads
 * @param compareModels catalogue ids the studio prices every workload against, besides its own model
 * @param priceRows     the price rows the workbook uses; they take precedence over the catalogue
 */
public record Workbook(String name, List<Workload> workloads, List<String> compareModels, List<ModelPrice> priceRows) {

    /** Format version written by this build; readers migrate older versions. */
    public static final int SCHEMA_VERSION = 1;

    public Workbook {
        Objects.requireNonNull(name, "name");
        workloads = List.copyOf(workloads);
        compareModels = compareModels == null ? List.of() : List.copyOf(compareModels);
        priceRows = priceRows == null ? List.of() : List.copyOf(priceRows);
    }
}

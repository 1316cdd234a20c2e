package com.aifinops.workbench.app;

import com.aifinops.workbench.importers.workbook.WorkbookJson;
import com.aifinops.workbench.model.workbook.Workbook;
import com.aifinops.workbench.model.workbook.WorkbookStore;

import java.nio.file.Path;

/** The workbook store the window uses: the JSON workbook format from {@code importers}. */
public final class JsonWorkbookStore implements WorkbookStore {
    @Override
    public Workbook open(Path file) throws Exception {
        return WorkbookJson.read(file);
    }

    @Override
    public void save(Workbook workbook, Path file) throws Exception {
        WorkbookJson.write(workbook, file);
    }
}

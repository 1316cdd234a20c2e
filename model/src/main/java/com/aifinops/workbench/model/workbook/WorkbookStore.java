package com.aifinops.workbench.model.workbook;

import java.nio.file.Path;

/** Opens and saves workbook files; implemented outside the model (the file format lives in importers). */
public interface WorkbookStore {
    /** Reads a workbook, or throws with a message naming the file and what is wrong with it. */
    Workbook open(Path file) throws Exception;

    /** Saves atomically: either the new file is complete or the previous one is untouched. */
    void save(Workbook workbook, Path file) throws Exception;
}

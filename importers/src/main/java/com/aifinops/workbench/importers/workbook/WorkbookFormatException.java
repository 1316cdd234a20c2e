package com.aifinops.workbench.importers.workbook;

/** A workbook file that cannot be read: names the file and says what is wrong, in words a user can act on. */
public class WorkbookFormatException extends Exception {
    public WorkbookFormatException(String message, Throwable cause) {
        super(message, cause);
    }

    public WorkbookFormatException(String message) {
        super(message);
    }
}

package com.aifinops.workbench.app.cli;

/** A usage error: printed as one line "error: …" and the process exits with status 2. */
public class CliException extends Exception {
    public CliException(String message) {
        super(message);
    }
}

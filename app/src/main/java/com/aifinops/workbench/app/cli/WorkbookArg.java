package com.aifinops.workbench.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** The one positional WORKBOOK argument of the workbook commands. */
final class WorkbookArg {
    private WorkbookArg() {
    }

    static Path single(String command, Args args) throws CliException {
        if (args.positional().size() != 1) {
            throw new CliException(command + " needs exactly one WORKBOOK file, got " + args.positional().size()
                    + " (see '" + command + " --help')");
        }
        Path file = Path.of(args.positional().get(0));
        if (!Files.isRegularFile(file)) {
            throw new CliException("no such workbook file: " + file);
        }
        return file;
    }
}

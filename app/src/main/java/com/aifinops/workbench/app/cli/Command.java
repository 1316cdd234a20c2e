package com.aifinops.workbench.app.cli;

import java.io.PrintStream;

/** One CLI subcommand. Runs without a display and returns the process exit status. */
public interface Command {
    String name();

    /** One line for the command list. */
    String summary();

    /** The full help text: synopsis and every option. */
    String help();

    int run(String[] args, PrintStream out, PrintStream err) throws CliException, Exception;
}

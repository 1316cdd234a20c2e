package com.aifinops.workbench.app;

import com.aifinops.workbench.app.cli.Cli;

/**
 * The jar's main class. It must not extend {@code Application}: started from a plain jar, JavaFX would refuse
 * ("runtime components are missing"). With no arguments it opens the window; with a subcommand it runs the
 * CLI and never touches a display.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            WorkbenchApp.launchWindow(args);
            return;
        }
        int status = Cli.standard().run(args, System.out, System.err);
        System.out.flush();
        System.exit(status);
    }
}

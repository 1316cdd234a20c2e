package com.aifinops.workbench.app;

import com.aifinops.workbench.app.cli.Cli;

/**
 * The jar's main class. It must not extend {@code Application}: started from a plain jar, JavaFX would refuse
 * ("runtime components are missing"). With no arguments, or a single existing {@code *.afw.json} file, it opens the
 * window; with a subcommand it runs the CLI and never touches a display.
 */
public final class Launcher {
    private Launcher() {
    }

    /** {@code java -jar … path/to/x.afw.json} (a file association or a double-click) opens the window with it. */
    static boolean opensWorkbook(String[] args) {
        return args.length == 1 && args[0].toLowerCase(java.util.Locale.ROOT).endsWith(".afw.json")
                && java.nio.file.Files.isRegularFile(java.nio.file.Path.of(args[0]));
    }

    public static void main(String[] args) {
        // POI logs through log4j-api; without a backend it warns on stderr at first use. Its simple logger is enough.
        if (System.getProperty("log4j2.loggerContextFactory") == null) {
            System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        }
        if (args.length == 0 || opensWorkbook(args)) {
            WorkbenchApp.launchWindow(args);
            return;
        }
        int status = Cli.standard().run(args, System.out, System.err);
        System.out.flush();
        System.exit(status);
    }
}

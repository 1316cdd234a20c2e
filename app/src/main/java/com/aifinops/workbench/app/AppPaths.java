package com.aifinops.workbench.app;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the app keeps its database and settings: the platform's per-user data directory, never the install
 * directory. {@code AI_FINOPS_HOME} (or the system property {@code workbench.home}) overrides it, which is
 * how tests and portable installs point the app elsewhere.
 */
public final class AppPaths {
    private static final String DIR_NAME = "ai-finops-workbench";

    private AppPaths() {
    }

    public static Path dataDir() {
        String override = System.getProperty("workbench.home", System.getenv("AI_FINOPS_HOME"));
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return (appData != null ? Path.of(appData) : home.resolve("AppData/Roaming")).resolve("AI FinOps Workbench");
        }
        if (os.contains("mac")) {
            return home.resolve("Library/Application Support/AI FinOps Workbench");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/share")).resolve(DIR_NAME);
    }

    /** The H2 database file (H2 appends {@code .mv.db}). */
    public static Path database() {
        return dataDir().resolve("workbench");
    }
}

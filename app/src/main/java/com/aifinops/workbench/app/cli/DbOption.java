package com.aifinops.workbench.app.cli;

import com.aifinops.workbench.app.AppPaths;
import com.aifinops.workbench.app.store.Database;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The {@code --db PATH} option: the H2 file to use, the app's own database by default. */
final class DbOption {
    private DbOption() {
    }

    /** The database file without H2's {@code .mv.db} suffix. */
    static Path path(Args a) {
        String p = a.get("db").orElse(null);
        if (p == null) {
            return AppPaths.database();
        }
        return Path.of(p.endsWith(".mv.db") ? p.substring(0, p.length() - ".mv.db".length()) : p);
    }

    /** Opens (creating and migrating if needed) the database. */
    static Database open(Args a) throws Exception {
        return Database.open(path(a));
    }

    /**
     * For read-only use where the built-in data suffices: the database when {@code --db} is given or the default
     * one exists, else {@code null}. When the default one cannot be opened (e.g. the window holds it), says so on
     * {@code err} and returns {@code null}.
     */
    static Database openIfPresent(Args a, PrintStream err) throws Exception {
        if (a.has("db")) {
            return open(a);
        }
        Path p = path(a);
        if (!Files.exists(Path.of(p + ".mv.db"))) {
            return null;
        }
        try {
            return Database.open(p);
        } catch (Exception e) {
            err.println("warning: using the built-in catalogue only; the database could not be opened: " + e.getMessage());
            return null;
        }
    }
}

package com.aifinops.workbench.app.ui;

import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.views.theme.Theme;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * What the TestFX tests of the ledger screens share: an H2 file ledger in a temporary directory, closed after each
 * test, and the screen shown in a themed stage. A subclass opens {@link #db} and calls {@link #show} in its
 * {@code @Start} method.
 */
abstract class LedgerScreenTest {
    @TempDir
    Path dir;
    Database db;

    static void show(Stage stage, Parent screen, double width, double height) {
        Scene scene = new Scene(screen, width, height);
        Theme.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    static void show(Stage stage, Parent screen) {
        show(stage, screen, 1200, 800);
    }

    @AfterEach
    void closeLedger() throws Exception {
        if (db != null) {
            db.close();
        }
    }
}

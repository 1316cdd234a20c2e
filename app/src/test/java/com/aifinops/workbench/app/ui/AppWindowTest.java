package com.aifinops.workbench.app.ui;

import com.aifinops.workbench.app.SampleWorkbook;
import com.aifinops.workbench.app.WorkbenchApp;
import com.aifinops.workbench.views.theme.Theme;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;

import java.nio.file.Path;

/**
 * What the TestFX tests of the whole window share: the app started as a user starts it, on a workbench home of
 * the test's own (so its real H2 file ledger is there), with the sample workbook; {@code workbench.home} is put
 * back after each test.
 */
abstract class AppWindowTest {
    WorkbenchApp app;
    private String previousHome;
    private boolean homeSet;

    /** Starts the window in {@code stage} with {@code home} as the workbench home. */
    void open(Stage stage, Path home) throws Exception {
        previousHome = System.getProperty("workbench.home");
        homeSet = true;
        System.setProperty("workbench.home", home.toString());
        app = new WorkbenchApp();
        app.init();
        Scene scene = new Scene(app.createWindow(SampleWorkbook.load()), 1280, 800);
        Theme.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void restoreHome() {
        if (!homeSet) {
            return;
        }
        if (previousHome != null) {
            System.setProperty("workbench.home", previousHome);
        } else {
            System.clearProperty("workbench.home");
        }
    }
}

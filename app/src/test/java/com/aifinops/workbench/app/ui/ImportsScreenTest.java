package com.aifinops.workbench.app.ui;

import com.aifinops.workbench.app.SampleWorkbook;
import com.aifinops.workbench.app.WorkbenchApp;
import com.aifinops.workbench.views.theme.Theme;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window's Imports screen as launched, before the ledger's import service is plugged in. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class ImportsScreenTest {
    @Start
    void start(Stage stage) {
        Scene scene = new Scene(new WorkbenchApp().createWindow(SampleWorkbook.load()), 1280, 800);
        Theme.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void theSidebarOpensAnImportsScreenThatSaysNoFormatsAreAvailable(FxRobot robot) {
        ListView<?> nav = robot.lookup("#screenNav").queryAs(ListView.class);
        assertTrue(nav.getItems().stream().anyMatch(s -> ((com.aifinops.workbench.views.shell.Screen) s).title().equals("Imports")));
        robot.clickOn("Imports");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("No import formats are available in this build.",
                robot.lookup("#formatsHint").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#addFilesButton").queryAs(Button.class).isDisabled());
        assertTrue(robot.lookup("#importButton").queryAs(Button.class).isDisabled());
        assertTrue(robot.lookup("#batchTable").tryQuery().isPresent());
    }
}

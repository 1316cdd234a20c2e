package com.aifinops.workbench.app.ui;

import com.aifinops.workbench.app.SampleWorkbook;
import com.aifinops.workbench.app.WorkbenchApp;
import com.aifinops.workbench.views.shell.MainWindow;
import com.aifinops.workbench.views.theme.Theme;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The Spend screen is in the sidebar; without a database it shows an empty ledger rather than failing. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class SpendScreenTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new WorkbenchApp().createWindow(SampleWorkbook.load());
        Scene scene = new Scene(window, 1200, 760);
        Theme.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void spendScreenOpensOnAnEmptyLedger(FxRobot robot) throws Exception {
        robot.interact(() -> window.select("spend"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !robot.lookup("#spendTotal").queryAs(Label.class).getText().isEmpty());
        assertEquals("$0.00 over 0 requests", robot.lookup("#spendTotal").queryAs(Label.class).getText());
    }
}

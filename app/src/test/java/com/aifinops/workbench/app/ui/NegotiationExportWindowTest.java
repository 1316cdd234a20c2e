package com.aifinops.workbench.app.ui;

import com.aifinops.workbench.app.SampleWorkbook;
import com.aifinops.workbench.app.WorkbenchApp;
import com.aifinops.workbench.views.shell.MainWindow;
import com.aifinops.workbench.views.theme.Theme;
import javafx.scene.Scene;
import javafx.scene.control.Button;
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

/** The window wires the Negotiation brief screen's Export buttons (the file chooser itself is native, not tested). */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class NegotiationExportWindowTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new WorkbenchApp().createWindow(SampleWorkbook.load());
        Scene scene = new Scene(window, 1280, 800);
        Theme.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void theNegotiationScreenOffersExcelAndPdf(FxRobot robot) {
        robot.interact(() -> window.select("negotiation"));
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : new String[]{"#negotiationExportExcel", "#negotiationExportPdf"}) {
            Button b = robot.lookup(id).queryAs(Button.class);
            assertTrue(b.isVisible() && !b.isDisabled(), id);
        }
        assertEquals("Export to Excel…", robot.lookup("#negotiationExportExcel").queryAs(Button.class).getText());
    }
}

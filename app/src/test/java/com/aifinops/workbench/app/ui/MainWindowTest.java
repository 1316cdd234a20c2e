package com.aifinops.workbench.app.ui;

import com.aifinops.workbench.app.SampleWorkbook;
import com.aifinops.workbench.app.WorkbenchApp;
import com.aifinops.workbench.views.theme.Theme;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The window a newcomer sees: the bundled sample, priced, without touching anything. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    @Start
    void start(Stage stage) {
        Scene scene = new Scene(new WorkbenchApp().createWindow(SampleWorkbook.load()), 1280, 800);
        Theme.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void showsTheSampleOnGpt55AndThreeCheaperModels(FxRobot robot) {
        assertEquals("$95,850.00", robot.lookup("#monthlyCost").queryAs(Label.class).getText());
        TableView<?> table = robot.lookup("#modelTable").queryAs(TableView.class);
        assertEquals(4, table.getItems().size());
    }

    @Test
    void theSidebarListsAllocationRightAfterSpend(FxRobot robot) {
        @SuppressWarnings("unchecked")
        javafx.scene.control.ListView<com.aifinops.workbench.views.shell.Screen> nav = robot.lookup("#screenNav").queryAs(javafx.scene.control.ListView.class);
        java.util.List<String> ids = nav.getItems().stream().map(com.aifinops.workbench.views.shell.Screen::id).toList();
        assertEquals(ids.indexOf("spend") + 1, ids.indexOf("allocation"), String.valueOf(ids));
        assertEquals("Allocation", nav.getItems().get(ids.indexOf("allocation")).title());
    }

    @Test
    void ctrlZUndoesASliderMoveAndCtrlShiftZRedoesIt(FxRobot robot) {
        javafx.scene.control.Slider slider = robot.lookup("#overheadSlider").queryAs(javafx.scene.control.Slider.class);
        robot.interact(() -> slider.setValue(2.4));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertEquals("$191,700.00", robot.lookup("#monthlyCost").queryAs(Label.class).getText(), "2 × 95,850");
        robot.clickOn("#monthlyCost");
        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.Z).release(javafx.scene.input.KeyCode.CONTROL);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertEquals("$95,850.00", robot.lookup("#monthlyCost").queryAs(Label.class).getText());
        assertEquals(1.2, slider.getValue(), 1e-9);
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.SHIFT).type(javafx.scene.input.KeyCode.Z)
                .release(javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.CONTROL);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertEquals("$191,700.00", robot.lookup("#monthlyCost").queryAs(Label.class).getText());
    }
}

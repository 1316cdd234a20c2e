package com.aifinops.workbench.app.ui;

import com.aifinops.workbench.app.SampleWorkbook;
import com.aifinops.workbench.app.WorkbenchApp;
import com.aifinops.workbench.importers.workbook.WorkbookJson;
import com.aifinops.workbench.views.theme.Theme;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The studio's edits reach the workbook: dirty marker, save, open. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class WorkbookWindowTest {
    @TempDir
    Path dir;
    private final WorkbenchApp app = new WorkbenchApp();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Scene scene = new Scene(app.createWindow(SampleWorkbook.load()), 1280, 800);
        Theme.apply(scene);
        stage.setScene(scene);
        app.attach(stage);
        stage.show();
    }

    @Test
    void movingTheCacheSliderMarksDirtyAndSaveWritesTheEdit(FxRobot robot) throws Exception {
        assertFalse(app.document().dirty());
        robot.interact(() -> app.studio().cacheHitPercentProperty().set(80));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(app.document().dirty());
        assertTrue(stage.getTitle().startsWith("*"), stage.getTitle());
        // h = 0.80 on GPT-5.5: 3,600,000 × (1500·(5·0.2+0.5·0.8) + 750·30)/1e6 = 88,560.00
        assertEquals("$88,560.00", robot.lookup("#monthlyCost").queryAs(Label.class).getText());
        Path f = dir.resolve("edited.afw.json");
        robot.interact(() -> {
            try {
                app.document().saveAs(f);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertFalse(stage.getTitle().startsWith("*"), stage.getTitle());
        assertEquals(0, new BigDecimal("0.80").compareTo(WorkbookJson.read(f).workloads().get(0).cacheHitRate()));
        assertTrue(Files.exists(f));
    }

    @Test
    void closingWithUnsavedChangesAsksAndCancelKeepsTheWindow(FxRobot robot) {
        robot.interact(() -> app.studio().overheadProperty().set(2.0));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(app.document().dirty());
        javafx.application.Platform.runLater(() -> stage.fireEvent(
                new javafx.stage.WindowEvent(stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("Don't Save").tryQuery().isPresent(), "the Save / Don't Save / Cancel prompt is shown");
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(stage.isShowing(), "Cancel keeps the window open");
        assertTrue(app.document().dirty(), "and the changes");
    }

    @Test
    void theStudioChartExportsAsPng(FxRobot robot) throws Exception {
        Path png = dir.resolve("chart.png");
        robot.interact(() -> {
            try {
                com.aifinops.workbench.app.WorkbookExports.chartPng(app.studio().resultProperty().get(), png);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        assertEquals(1200, img.getWidth());
        assertEquals(700, img.getHeight());
    }

    @Test
    void openingAFileShowsItsFiguresWithoutMarkingDirty(FxRobot robot) throws Exception {
        Path f = dir.resolve("o.afw.json");
        var sample = SampleWorkbook.load();
        WorkbookJson.write(sample.withWorkload(0, sample.workloads().get(0).withOverhead(new BigDecimal("1.00"))), f);
        robot.interact(() -> app.open(f));
        WaitForAsyncUtils.waitForFxEvents();
        // OVR 1.00: 3,000,000 × 0.026625 = 79,875.00
        assertEquals("$79,875.00", robot.lookup("#monthlyCost").queryAs(Label.class).getText());
        assertFalse(app.document().dirty());
        assertEquals(f, app.document().file());
    }

    @Test
    void openingAVersion1FileMigratesItAndSaysSo(FxRobot robot) throws Exception {
        Path f = com.aifinops.workbench.app.TestWorkbooks.v1(dir);
        robot.interact(() -> app.open(f));
        assertEquals("$95,850.00", robot.lookup("#monthlyCost").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#statusText").queryAs(Label.class).getText().contains("format version 1, upgraded to 2 when saved"));
    }

    @Test
    void aNewerFileIsRefusedAndNothingChanges(FxRobot robot) throws Exception {
        Path f = dir.resolve("newer.afw.json");
        Files.writeString(f, Files.readString(com.aifinops.workbench.app.TestWorkbooks.sample(dir))
                .replace("\"schemaVersion\" : 2", "\"schemaVersion\" : 3"));
        javafx.application.Platform.runLater(() -> app.open(f));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class).getContentText().contains("newer version"));
        robot.clickOn("OK");
        assertEquals(null, app.document().file());
        assertEquals("$95,850.00", robot.lookup("#monthlyCost").queryAs(Label.class).getText());
    }
}

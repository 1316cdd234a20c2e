package com.aifinops.workbench.app.ui;

import com.aifinops.workbench.app.analysis.LedgerGenerator;
import com.aifinops.workbench.model.Usd;
import javafx.scene.Node;
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
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A first start: the app's own (empty) H2 ledger; Home offers the sample ledger, and loading it fills the dashboard. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class SampleLedgerScreenTest extends AppWindowTest {
    @TempDir
    static Path home;
    @Start
    void start(Stage stage) throws Exception {
        open(stage, home.resolve("fresh"));
    }

    @Test
    void anEmptyLedgerOffersTheSampleAndLoadingItShowsItsMonth(FxRobot robot) throws Exception {
        robot.clickOn("Home");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#homeEmptyLedger").queryAs(Node.class).isVisible());
        robot.clickOn("#homeLoadSample");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !robot.lookup("#homeEmptyLedger").queryAs(Node.class).isVisible());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#homeNotice").queryAs(Label.class).getText().startsWith("Loaded the sample ledger: 1,552 daily rows"));
        // the sample ends on 2026-02-28, so month to date is all of February: the generator's February rows, summed here
        BigDecimal february = LedgerGenerator.generate().stream().filter(r -> r.rollup().day().getMonthValue() == 2)
                .map(r -> r.rollup().cost()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(Usd.format(february), robot.lookup("#homeMtd").queryAs(Label.class).getText());
        assertEquals("February 2026 · as of 2026-02-28", robot.lookup("#homePeriod").queryAs(Label.class).getText());
        assertFalse(robot.lookup("#homeLoadSample").queryAs(Node.class).isVisible() && robot.lookup("#homeEmptyLedger").queryAs(Node.class).isVisible());
        // Unit economics opens on the node that has outcome counts (the sample's support team), not the first node (org:acme)
        robot.clickOn("Unit economics");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> "team:support".equals(
                robot.lookup("#unitNode").queryAs(javafx.scene.control.ComboBox.class).getValue()));
    }
}

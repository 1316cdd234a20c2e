package com.aifinops.workbench.app.ui;

import com.aifinops.workbench.app.analysis.DashboardLedger;
import com.aifinops.workbench.views.shell.Screen;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Home on the app's real H2 file database holding {@link DashboardLedger}: the figures and a tile's link to Spend. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class HomeScreenTest extends AppWindowTest {
    private static final Path HOME = Path.of("target", "home-screen-home").toAbsolutePath();
    @Start
    void start(Stage stage) throws Exception {
        deleteRecursively(HOME);
        DashboardLedger.write(HOME.resolve("workbench"));
        open(stage, HOME);
    }

    @Test
    void homeIsTheFirstScreenAndShowsTheMonthToDateAndMaturity(FxRobot robot) throws Exception {
        ListView<?> nav = robot.lookup("#screenNav").queryAs(ListView.class);
        assertEquals("home", ((Screen) nav.getItems().get(0)).id());
        assertEquals("studio", ((Screen) nav.getSelectionModel().getSelectedItem()).id(), "the window still opens on the studio");
        robot.clickOn("Home");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !robot.lookup("#homeMtd").queryAs(Label.class).getText().equals("—"));
        WaitForAsyncUtils.waitForFxEvents(); // the labels are read off the FX thread: let the update that set the first one finish
        // 10 + 20 + 5 + 0 in March up to the 10th; forecast 35 / 10 × 31
        assertEquals("$35.00", robot.lookup("#homeMtd").queryAs(Label.class).getText());
        assertEquals("$108.50", robot.lookup("#homeForecast").queryAs(Label.class).getText());
        assertEquals("Walk", robot.lookup("#homeMaturity").queryAs(Label.class).getText(), "priced 75 % < 90 %");
        assertEquals("14.3 %", robot.lookup("#homeUnallocated").queryAs(Label.class).getText(), "5 / 35");

        // the Unallocated tile opens Spend on March 1–10 filtered to team=unallocated
        robot.clickOn("#homeUnallocated");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#spendTotal").tryQueryAs(Label.class)
                .map(l -> l.getText().startsWith("$5.00")).orElse(false));
        assertEquals("team=unallocated", robot.lookup("#spendFilter").queryAs(TextField.class).getText());
        assertEquals("$5.00 over 20 requests", robot.lookup("#spendTotal").queryAs(Label.class).getText());

        // an agent of "Most expensive agents" opens Spend filtered to it and its rows: March 1–10, agent coder,
        // the one row of 2026-03-05 at $20.00 priced
        robot.clickOn("Home");
        Label coder = robot.from(robot.lookup("#homeAgents").queryAs(VBox.class)).lookup((Label l) -> "coder".equals(l.getText())).query();
        robot.clickOn(coder);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#drillTotal").tryQueryAs(Label.class)
                .map(l -> l.getText().startsWith("Total")).orElse(false));
        assertEquals("Total $20.00 · 10 requests · priced $20.00 · billed — · 1 row", robot.lookup("#drillTotal").queryAs(Label.class).getText());
        assertEquals("agent=coder", robot.lookup("#spendFilter").queryAs(TextField.class).getText());
        assertEquals(java.time.LocalDate.parse("2026-03-05"), robot.lookup("#drillTable").queryAs(javafx.scene.control.TableView.class)
                .getItems().stream().map(r -> ((com.aifinops.workbench.model.ledger.DailyRollup) r).day()).findFirst().orElseThrow());
    }

    private static void deleteRecursively(Path p) throws IOException {
        if (Files.exists(p)) {
            try (var s = Files.walk(p)) {
                s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}

package com.aifinops.workbench.views.spend;

import com.aifinops.workbench.views.theme.Theme;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Spend screen's Statement… action: shown once a service is set, and its dialog opens on the screen's filter. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class StatementDialogTest {
    private SpendView view;
    private final StatementViewModelTest.Recording service = new StatementViewModelTest.Recording();

    @Start
    void start(Stage stage) {
        SpendViewModel vm = new SpendViewModel(SpendFixtures.query(), Runnable::run, Platform::runLater);
        view = new SpendView(vm);
        Scene scene = new Scene(view, 1200, 760);
        Theme.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void statementActionOpensOnTheFilteredTeam(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#spendStatement").queryAs(Button.class).isVisible(), "no service: no action");
        robot.interact(() -> {
            view.setStatements(service, Runnable::run);
            robot.lookup("#spendFilter").queryAs(TextField.class).setText("team=eng");
        });
        assertTrue(robot.lookup("#spendStatement").queryAs(Button.class).isVisible());
        robot.clickOn("#spendStatement");
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ComboBox<String> team = robot.lookup("#statementTeam").queryAs(ComboBox.class);
        assertEquals("eng", team.getValue());
        assertEquals("2026-03", robot.lookup("#statementMonth").queryAs(TextField.class).getText(), "the month the period ends in");
        assertEquals(3, team.getItems().size(), "(all teams), eng, support");
        robot.interact(() -> robot.lookup("#statementMonth").queryAs(TextField.class).setText("March"));
        robot.clickOn("#statementSave");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Month: expected YYYY-MM, got 'March'", robot.lookup("#statementProblem").queryAs(Label.class).getText(),
                "stays open with the problem");
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#statementTeam").tryQuery().isEmpty(), "closed");
        assertFalse(service.calls.stream().anyMatch(c -> c.startsWith("export")), "cancel writes nothing");
    }
}

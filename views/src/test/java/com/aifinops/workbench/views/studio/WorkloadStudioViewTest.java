package com.aifinops.workbench.views.studio;

import com.aifinops.workbench.pricing.catalog.BuiltInCatalog;
import com.aifinops.workbench.views.theme.Theme;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class WorkloadStudioViewTest {
    private WorkloadStudioView view;

    @Start
    void start(Stage stage) {
        WorkloadStudioViewModel vm = new WorkloadStudioViewModel(BuiltInCatalog.get(), List.of("gpt-5-mini"), Platform::runLater);
        vm.load(StudioFixtures.ragAgent());
        vm.recomputeNow();
        view = new WorkloadStudioView(vm);
        Scene scene = new Scene(view, 1200, 800);
        Theme.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void opensOnTheHandComputedMonthlyCost(FxRobot robot) {
        assertEquals("$95,850.00", robot.lookup("#monthlyCost").queryAs(Label.class).getText());
    }

    @Test
    void movingTheCacheSliderDownTo25PercentShowsTheHandComputedCost(FxRobot robot) {
        Slider slider = robot.lookup("#cacheHitSlider").queryAs(Slider.class);
        robot.clickOn(slider);
        robot.interact(() -> slider.setValue(50)); // a click may move the thumb: start from 50 %
        for (int i = 0; i < 25; i++) {
            robot.type(KeyCode.LEFT);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(25, slider.getValue(), 1e-9);
        assertEquals("25 %", robot.lookup("#cacheHitValue").queryAs(Label.class).getText());
        // 1500·(5·0.75 + 0.5·0.25) + 750·30 = 28312.5 µ$ per request; · 3,000,000 · 1.20 = $101,925.00
        assertEquals("$101,925.00", robot.lookup("#monthlyCost").queryAs(Label.class).getText());
    }

    @Test
    void draggingTheCacheSliderMovesTheMarkerWithoutRepaintingTheCurves(FxRobot robot) {
        int repaints = view.chart().repaints();
        robot.drag("#cacheHitSlider .thumb").moveBy(120, 0).release(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        Slider slider = robot.lookup("#cacheHitSlider").queryAs(Slider.class);
        assertTrue(slider.getValue() > 50, "dragged right");
        assertEquals(Math.round(slider.getValue()), Math.round(view.chart().markerValue()));
        assertEquals(repaints, view.chart().repaints(), "the curves do not depend on the current hit rate");
        assertNotEquals("$95,850.00", robot.lookup("#monthlyCost").queryAs(Label.class).getText(),
                "a higher hit rate lowers the cost");
    }

    @Test
    void movingTheOverheadSliderRedrawsTheCurvesOnce(FxRobot robot) {
        int repaints = view.chart().repaints();
        robot.interact(() -> robot.lookup("#overheadSlider").queryAs(Slider.class).setValue(2.4));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(repaints + 1, view.chart().repaints());
        // twice the overhead of 1.20, twice the cost
        assertEquals("$191,700.00", robot.lookup("#monthlyCost").queryAs(Label.class).getText());
        double top = view.chart().dataset().getSeries(0).getY(0).doubleValue();
        assertEquals(108_000 * 2, top, 1e-6, "h=0: 30000 µ$ · 3e6 · 2.4");
    }

    @Test
    void typingUsersUpdatesTheCostLive(FxRobot robot) {
        robot.doubleClickOn("#usersField").eraseText(8).write("20000");
        WaitForAsyncUtils.waitForFxEvents();
        // twice the users, twice the cost: 2 · 95,850
        assertEquals("$191,700.00", robot.lookup("#monthlyCost").queryAs(Label.class).getText());
    }

}

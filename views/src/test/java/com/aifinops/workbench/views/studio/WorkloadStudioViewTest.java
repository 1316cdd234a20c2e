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
    void draggingTheCacheSliderRedrawsTheChartMarker(FxRobot robot) {
        double before = markerValue();
        robot.drag("#cacheHitSlider .thumb").moveBy(120, 0).release(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertNotEquals(before, markerValue());
        String shown = robot.lookup("#monthlyCost").queryAs(Label.class).getText();
        assertNotEquals("$95,850.00", shown, "a higher hit rate lowers the cost");
    }

    @Test
    void typingUsersUpdatesTheCostLive(FxRobot robot) {
        robot.doubleClickOn("#usersField").eraseText(8).write("20000");
        WaitForAsyncUtils.waitForFxEvents();
        // twice the users, twice the cost: 2 · 95,850
        assertEquals("$191,700.00", robot.lookup("#monthlyCost").queryAs(Label.class).getText());
    }

    private double markerValue() {
        var plot = (org.jfree.chart.plot.XYPlot) view.chart().chart().getPlot();
        return ((org.jfree.chart.plot.ValueMarker) plot.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND).iterator().next()).getValue();
    }
}

package com.aifinops.workbench.views.routing;

import com.aifinops.workbench.model.workbook.Workbook;
import com.aifinops.workbench.model.workload.Workload;
import com.aifinops.workbench.pricing.catalog.BuiltInCatalog;
import com.aifinops.workbench.views.studio.StudioSession;
import com.aifinops.workbench.views.studio.WorkloadStudioViewModel;
import com.aifinops.workbench.views.theme.Theme;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class RoutingPanelTest {
    private StudioSession session;

    @Start
    void start(Stage stage) {
        Workload rag = new Workload("RAG support agent", new BigDecimal("10000"), new BigDecimal("10"), new BigDecimal("1500"),
                new BigDecimal("750"), new BigDecimal("0.50"), new BigDecimal("1.20"), 30, "gpt-5.5");
        Workbook wb = new Workbook("t", List.of(rag), List.of("gpt-5-mini"), List.of());
        WorkloadStudioViewModel vm = new WorkloadStudioViewModel(BuiltInCatalog.get(), wb.compareModels(), Platform::runLater);
        session = new StudioSession(wb, vm);
        RoutingPanel panel = new RoutingPanel(new RoutingViewModel(session));
        Scene scene = new Scene(panel, 1000, 400);
        Theme.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void opensOnTheDefaultEightyTwentyMix(FxRobot robot) {
        // 0.8·1,706.25 + 0.2·26,625 = 6,690 µ$ per request · 3,600,000 = $24,084.00
        assertEquals("$24,084.00", text(robot, "#routingBlended"));
        assertTrue(text(robot, "#routingCheck").startsWith("✓"), text(robot, "#routingCheck"));
    }

    @Test
    void draggingTheSmallModelsSliderTo70PercentShowsTheHandComputedBlend(FxRobot robot) {
        Slider cascade = robot.lookup("#cascadeSlider").queryAs(Slider.class);
        robot.interact(() -> cascade.setValue(25));
        Slider mini = robot.lookup("#shareSlider-gpt-5-mini").queryAs(Slider.class);
        Node thumb = mini.lookup(".thumb");
        Bounds sb = mini.localToScreen(mini.getLayoutBounds());
        double thumbWidth = thumb.getLayoutBounds().getWidth();
        double left = sb.getMinX() + mini.getInsets().getLeft();
        double width = sb.getWidth() - mini.getInsets().getLeft() - mini.getInsets().getRight();
        // the thumb's centre runs from left + w/2 to left + width − w/2; 70 % of the way
        Point2D target = new Point2D(left + thumbWidth / 2 + 0.70 * (width - thumbWidth), sb.getMinY() + sb.getHeight() / 2);
        robot.drag(thumb, MouseButton.PRIMARY).moveTo(target).drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(70, mini.getValue(), 1e-9, "snaps to the 5 % tick at 70 %");
        assertEquals("30.0 %", text(robot, "#shareValue-gpt-5_5"), "the frontier share follows to 100 %");
        // c(mini) = 1500·(0.25·0.5 + 0.025·0.5) + 750·2 = 206.25 + 1,500 = 1,706.25 µ$; c(5.5) = 26,625 µ$
        // blend = 0.7·1,706.25 + 0.3·26,625 + 0.7·0.25·26,625 = 1,194.375 + 7,987.5 + 4,659.375 = 13,841.25 µ$
        // × 10,000 · 10 · 30 · 1.20 = 3,600,000 → $49,828.50; all-frontier 26,625 µ$ · 3.6 M = $95,850.00
        assertEquals("$49,828.50", text(robot, "#routingBlended"));
        assertEquals("All on gpt-5.5: $95,850.00", text(robot, "#routingAllFrontier"));
        // 1 − 49,828.5 / 95,850 = 0.48014… → 48.0 %
        assertEquals("Savings vs all-frontier: 48.0 %", text(robot, "#routingSavings"));
        // the mix is stored in the workbook with exact shares that sum to 1
        var stored = session.workbook().routingMixes().get(0).mix();
        assertEquals(0, new BigDecimal("0.70").compareTo(stored.shares().get(0).share()));
        assertEquals(0, BigDecimal.ONE.compareTo(stored.shareTotal()));
        assertEquals(0, new BigDecimal("0.25").compareTo(stored.cascadeEscalation()));
    }
}

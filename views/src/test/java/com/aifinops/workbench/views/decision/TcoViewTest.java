package com.aifinops.workbench.views.decision;

import com.aifinops.workbench.model.workbook.Workbook;
import com.aifinops.workbench.pricing.catalog.BuiltInCatalog;
import com.aifinops.workbench.views.theme.Theme;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
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

@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class TcoViewTest {
    private TcoView view;

    @Start
    void start(Stage stage) throws Exception {
        Workbook wb = DecisionFixtures.sample();
        view = new TcoView(new TcoViewModel(() -> wb, BuiltInCatalog.get(), Platform::runLater));
        Scene scene = new Scene(view, 1280, 800);
        Theme.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void showsTheHandComputedCrossoverOfTheNeocloudAndTheApi() {
        // GPT-5.5: 12 · 95,850 = $1,150,200 for 97.2e9 tokens a year. One 8×H200 node serves
        // 650 · 31,536,000 · 0.55 · 8 / 1.3 = 69,379,200,000 tokens of demand for 8 · 8,760 · $3 = 210,240 on top of
        // 210,000 staff + 30,000 software: 450,240 = 1,150,200 · V / 97.2e9 at V = 2,701,440,000,000 / 71
        // = 38,048,450,704.2 → the first whole token is 38,048,450,705 (inside the first node).
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("38,048,450,705", view.lookup("#crossoverVolume") instanceof Label l ? l.getText() : null);
        assertTrue(view.curveChart().annotations().stream().anyMatch(a -> a.contains("at 38.0 B")), view.curveChart().annotations().toString());
    }

    @Test
    void choosingTheOwnedNodesShowsTheirCrossover(FxRobot robot) {
        // owned: 40,000 software + 2 · 220,000 staff = 480,000; a node 320,000/4 + 10.2 · 1.3 · 8,760 · 0.10 + 12,000
        // = 103,615.76 → 583,615.76 · 97.2e9 / 1,150,200 = 49,319,641,690.14 → 49,319,641,691
        @SuppressWarnings("unchecked")
        ComboBox<String> hosted = robot.lookup("#hostedChoice").queryAs(ComboBox.class);
        robot.interact(() -> hosted.setValue("Owned 8×H200 nodes"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("49,319,641,691", robot.lookup("#crossoverVolume").queryAs(Label.class).getText());
        assertTrue(view.tornadoChart().dataset().getColumnCount() > 0, "a tornado for the new pair");
    }

    @Test
    void theSliderPricesAnotherVolumeAndResetReturnsToTheWorkbooks(FxRobot robot) {
        assertEquals("97.2 B tokens", robot.lookup("#tcoVolume").queryAs(Label.class).getText());
        Slider s = robot.lookup("#volumeSlider").queryAs(Slider.class);
        robot.interact(() -> s.setValue(Math.log10(194_400_000_000d)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("194.4 B tokens", robot.lookup("#tcoVolume").queryAs(Label.class).getText());
        // twice the volume, twice the API: 2 · 1,150,200 = $2.30M
        assertEquals("$2.30M", robot.lookup("#optionCost0").queryAs(Label.class).getText());
        robot.clickOn("#resetVolume");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("$1.15M", robot.lookup("#optionCost0").queryAs(Label.class).getText());
    }

    @Test
    void fullHeightScreenshotWhenAsked(FxRobot robot) throws Exception {
        Workbook wb = DecisionFixtures.sample();
        robot.interact(() -> {
            try {
                DecisionScreenshots.maybeWrite(new Stage(), new TcoView(new TcoViewModel(() -> wb, BuiltInCatalog.get(),
                        Runnable::run)), "tco-full", 1090, 2200);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}

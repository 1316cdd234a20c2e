package com.aifinops.workbench.views.decision;

import com.aifinops.workbench.model.workbook.Workbook;
import com.aifinops.workbench.pricing.catalog.BuiltInCatalog;
import com.aifinops.workbench.views.theme.Theme;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.StackPane;
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

/** The commitments and negotiation screens on the sample's inputs. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class DecisionScreensTest {
    private final Workbook wb = DecisionFixtures.sample();
    private StackPane root;

    @Start
    void start(Stage stage) {
        root = new StackPane(new CommitmentsView(new CommitmentsViewModel(() -> wb, BuiltInCatalog.get(), Platform::runLater)));
        Scene scene = new Scene(root, 1280, 800);
        Theme.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void provisionedBreakEvenAndCommitmentFiguresShow(FxRobot robot) {
        // $1.20 · 720 h = $864 a unit-month for 3,000 · 43,200 = 129.6M tokens; PAYG 95,850 / 8,100 MTok → 56.3 %
        assertEquals("56.3 %", robot.lookup("#breakEvenUtilisation").queryAs(Label.class).getText());
        assertEquals("$900K", robot.lookup("#commitLevel").queryAs(Label.class).getText());
        // 95,850 · Σ 1.02^m (m < 12) = 1,285,548.80 list → cost with the commitment 1,054,150.02
        assertEquals("$1.05M", robot.lookup("#commitCost").queryAs(Label.class).getText());
    }

    @Test
    void theCommitmentSliderReplansTheBurnDown(FxRobot robot) {
        Slider s = robot.lookup("#commitSlider").queryAs(Slider.class);
        robot.interact(() -> s.setValue(1_200_000));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("$1.20M", robot.lookup("#commitLevel").queryAs(Label.class).getText());
        // 1,200,000 − 1,054,150.02 consumed = 145,849.98 unused
        assertEquals("Shortfall (paid, unused)", ((Label) ((javafx.scene.layout.VBox) robot.lookup("#commitGap").queryAs(Label.class)
                .getParent()).getChildren().get(0)).getText());
        assertEquals("$146K", robot.lookup("#commitGap").queryAs(Label.class).getText());
    }

    @Test
    void negotiationBriefShowsTheDiscountThatMatchesEachAlternative(FxRobot robot) {
        robot.interact(() -> root.getChildren().setAll(new NegotiationView(new NegotiationViewModel(() -> wb, BuiltInCatalog.get(), Runnable::run))));
        WaitForAsyncUtils.waitForFxEvents();
        // Claude Sonnet 4.6 at the same volume: 1 − 49,410 / 95,850 = 48.5 % off list
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableView<com.aifinops.workbench.pricing.decision.NegotiationBrief.Alternative> t =
                robot.lookup("#matchTable").queryAs(javafx.scene.control.TableView.class);
        assertEquals("Another provider", t.getItems().get(0).kind());
        assertEquals("48.5 %", Figures.pct(t.getItems().get(0).discountToMatch()));
        assertTrue(robot.lookup("#point1").queryAs(Label.class).getText().startsWith("• Strongest alternative"));
    }

    @Test
    void exportButtonsHandTheProviderOnScreenToTheApplication(FxRobot robot) {
        java.util.List<String> asked = new java.util.ArrayList<>();
        NegotiationView[] v = new NegotiationView[1];
        robot.interact(() -> {
            v[0] = new NegotiationView(new NegotiationViewModel(() -> wb, BuiltInCatalog.get(), Runnable::run));
            root.getChildren().setAll(v[0]);
        });
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.Button excel = robot.lookup("#negotiationExportExcel").queryAs(javafx.scene.control.Button.class);
        assertTrue(!excel.isVisible(), "no handler, no buttons");
        robot.interact(() -> v[0].setOnExport((format, provider) -> asked.add(format + " " + provider)));
        assertTrue(excel.isVisible() && !excel.isDisabled());
        robot.interact(excel::fire);
        robot.interact(() -> robot.lookup("#negotiationExportPdf").queryAs(javafx.scene.control.Button.class).fire());
        assertEquals(java.util.List.of("XLSX OpenAI", "PDF OpenAI"), asked);
    }

    @Test
    void fullHeightScreenshotsWhenAsked(FxRobot robot) {
        robot.interact(() -> {
            try {
                DecisionScreenshots.maybeWrite(new Stage(), new CommitmentsView(new CommitmentsViewModel(() -> wb,
                        BuiltInCatalog.get(), Runnable::run)), "commitments-full", 1090, 1500);
                DecisionScreenshots.maybeWrite(new Stage(), new NegotiationView(new NegotiationViewModel(() -> wb,
                        BuiltInCatalog.get(), Runnable::run)), "negotiation-full", 1090, 1000);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}

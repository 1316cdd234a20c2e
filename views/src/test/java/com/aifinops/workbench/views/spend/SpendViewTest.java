package com.aifinops.workbench.views.spend;

import com.aifinops.workbench.model.analysis.Dimension;
import com.aifinops.workbench.model.analysis.ReportRow;
import com.aifinops.workbench.views.theme.Theme;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;

@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class SpendViewTest {
    private SpendView view;

    @Start
    void start(Stage stage) {
        view = new SpendView(new SpendViewModel(SpendFixtures.query(), Runnable::run, Platform::runLater));
        Scene scene = new Scene(view, 1200, 760);
        Theme.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void showsTheStackedChartAndTheTable(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("$450.00 over 900 requests", robot.lookup("#spendTotal").queryAs(Label.class).getText());
        @SuppressWarnings("unchecked")
        TableView<ReportRow> table = robot.lookup("#spendTable").queryAs(TableView.class);
        assertEquals(9, table.getItems().size());
        assertEquals("team-8", table.getItems().get(0).keys().get(0), "costliest first");
        // team i spends $(i + 1) a day for ten days: team-8 $90 of $450
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableColumn<ReportRow, String> share = (javafx.scene.control.TableColumn<ReportRow, String>) table.getColumns()
                .stream().filter(c -> c.getText().equals("share")).findFirst().orElseThrow();
        assertEquals("20.0 %", share.getCellData(0));
        CategoryDataset d = view.chart().getCategoryPlot().getDataset();
        assertEquals(7, d.getRowCount(), "six teams and other");
        assertEquals(10, d.getColumnCount(), "ten days");
    }

    @Test
    void stackingByModelRedrawsTheChart(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ComboBox<Dimension> stack = robot.lookup("#spendStackBy").queryAs(ComboBox.class);
        robot.interact(() -> stack.setValue(Dimension.parse("model")));
        robot.clickOn("#spendApply");
        WaitForAsyncUtils.waitForFxEvents();
        CategoryDataset d = view.chart().getCategoryPlot().getDataset();
        assertEquals(2, d.getRowCount());
        // gpt-5 (teams 0, 2, 4, 6, 8) spends 1 + 3 + 5 + 7 + 9 = $25 a day
        assertEquals(25.0, d.getValue("gpt-5", "2026-03-01").doubleValue(), 1e-9);
    }
}

package com.aifinops.workbench.app.ui;

import com.aifinops.workbench.app.analysis.H2BudgetStore;
import com.aifinops.workbench.app.analysis.H2ScreenQueries;
import com.aifinops.workbench.model.analysis.Budget;
import com.aifinops.workbench.model.analysis.BudgetPeriod;
import com.aifinops.workbench.model.analysis.BudgetQuery;
import com.aifinops.workbench.model.analysis.Budgets;
import com.aifinops.workbench.model.analysis.Node;
import com.aifinops.workbench.views.budget.BudgetView;
import com.aifinops.workbench.views.budget.BudgetViewModel;
import javafx.application.Platform;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.math.BigDecimal;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A rolling budget on the Budgets screen over {@link ScreenLedger}; figures worked by hand. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class RollingBudgetScreenTest extends LedgerScreenTest {
    BudgetView view;

    @Start
    void start(Stage stage) throws Exception {
        db = ScreenLedger.create(dir.resolve("ledger"));
        new H2BudgetStore(db).put(new Budget(Node.parse("team:support"), new BudgetPeriod.Rolling(7), new BigDecimal("100"),
                Budgets.parsePercents("50,80,100")));
        view = new BudgetView(new BudgetViewModel(new H2ScreenQueries(db), Executors.newSingleThreadExecutor(), Platform::runLater));
        show(stage, view);
    }


    @SuppressWarnings("unchecked")
    private static String cell(TableView<BudgetQuery.BudgetLine> t, String node, String column) {
        BudgetQuery.BudgetLine line = t.getItems().stream().filter(l -> l.status().budget().node().toString().equals(node)).findFirst().orElseThrow();
        TableColumn<BudgetQuery.BudgetLine, String> c = (TableColumn<BudgetQuery.BudgetLine, String>) t.getColumns().stream()
                .filter(col -> col.getText().equals(column)).findFirst().orElseThrow();
        return c.getCellData(line);
    }

    @Test
    @SuppressWarnings("unchecked")
    void showsTheTrailingWindowAndAddsARollingBudget(FxRobot robot) throws Exception {
        TableView<BudgetQuery.BudgetLine> t = robot.lookup("#budgetTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> t.getItems().size() == 1);
        // as of 02-10: window 02-04 .. 02-10 = 7 × $10 = $70 of $100; run-rate $10 → projected 7 × 10 = $70
        assertEquals("rolling 7 d", cell(t, "team:support", "period"));
        assertEquals("$70.00", cell(t, "team:support", "spent"));
        assertEquals("70.0 %", cell(t, "team:support", "used"));
        assertEquals("$70.00", cell(t, "team:support", "projected"));
        assertEquals("warning", cell(t, "team:support", "state"));
        assertEquals("50 / 80 / 100 %", cell(t, "team:support", "alerts"));
        // 50 %: windows ending 02-05 = 2 × $1 (01-30, 01-31) + 5 × $10 = 52, 02-04 = 3 + 40 = 43 < 50 → crossed 02-05;
        // 80 %: a $10 day leaves as a $10 day enters: $70 for good, never $80
        assertEquals("50 % · Feb 5", cell(t, "team:support", "crossed"), "a 50 % level, which no fixed column would show");
        assertEquals("80 % —", cell(t, "team:support", "next alert"));

        robot.interact(() -> t.getSelectionModel().select(0));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            XYDataset ds = view.chart().getXYPlot().getDataset();
            return ds != null && ds.getSeriesCount() > 0 && ds.getItemCount(0) == 7;
        });
        XYDataset d = view.chart().getXYPlot().getDataset();
        assertEquals(-6.0, d.getXValue(0, 0), 1e-9);
        assertEquals(43.0, d.getYValue(0, 0), 1e-9);
        assertEquals(70.0, d.getYValue(0, 6), 1e-9);
        assertEquals(7.0, d.getXValue(1, 7), 1e-9);
        assertEquals(70.0, d.getYValue(1, 7), 1e-9);
        assertEquals(3, view.chart().getXYPlot().getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND).size(), "budget, 50 %, 80 %");
        assertEquals("rolling", ((ComboBox<String>) robot.lookup("#budgetPeriod").query()).getValue());
        assertEquals("7", robot.lookup("#budgetDays").queryAs(TextField.class).getText());

        // add team eng over a rolling 30 days with its own alerts through the editor
        robot.interact(() -> {
            robot.lookup("#budgetNode").queryAs(TextField.class).setText("team:eng");
            robot.lookup("#budgetDays").queryAs(TextField.class).setText("30");
            robot.lookup("#budgetAmount").queryAs(TextField.class).setText("500");
            robot.lookup("#budgetThresholds").queryAs(TextField.class).setText("60,100");
        });
        robot.clickOn("#budgetSet");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> t.getItems().size() == 2);
        Budget eng = new H2BudgetStore(db).rolling().stream().filter(b -> b.node().toString().equals("team:eng")).findFirst().orElseThrow();
        assertEquals(30, eng.rollingDays());
        assertEquals(Budgets.parsePercents("60,100"), eng.thresholds());
        assertEquals("rolling 30 d", cell(t, "team:eng", "period"));
    }
}

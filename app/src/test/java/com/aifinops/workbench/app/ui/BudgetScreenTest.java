package com.aifinops.workbench.app.ui;

import com.aifinops.workbench.app.analysis.H2BudgetStore;
import com.aifinops.workbench.app.analysis.H2ScreenQueries;
import com.aifinops.workbench.model.analysis.Budget;
import com.aifinops.workbench.model.analysis.BudgetQuery;
import com.aifinops.workbench.model.analysis.Node;
import com.aifinops.workbench.views.budget.BudgetView;
import com.aifinops.workbench.views.budget.BudgetViewModel;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
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
import java.time.YearMonth;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The Budgets screen on an H2 file ledger (see {@link ScreenLedger}); every figure below is worked by hand. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class BudgetScreenTest extends LedgerScreenTest {
    static final YearMonth FEB = YearMonth.of(2026, 2);
    BudgetView view;

    @Start
    void start(Stage stage) throws Exception {
        db = ScreenLedger.create(dir.resolve("ledger"));
        H2BudgetStore budgets = new H2BudgetStore(db);
        budgets.put(new Budget(Node.parse("team:support"), FEB, new BigDecimal("200")));
        budgets.put(new Budget(Node.parse("agent:triage"), FEB, new BigDecimal("5")));
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
    void showsUsedShareProjectionAndAlertDaysAndEditsUndoably(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        TableView<BudgetQuery.BudgetLine> t = robot.lookup("#budgetTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> t.getItems().size() == 2);
        // the ledger ends 2026-02-10: team support spent 10 days × $10.00 = $100.00 of $200 = 50.0 %;
        // projected $100 × 28 days / 10 elapsed = $280.00 > $200: at risk;
        // 80 % = $160 at $10/day: ceil((160 − 100)·10/100) = 6 days after the 10th = 02-16; 100 %: ceil(100·10/100) = 10 → 02-20
        assertEquals("2026-02", robot.lookup("#budgetMonth").queryComboBox().getValue().toString());
        assertEquals("$100.00", cell(t, "team:support", "spent"));
        assertEquals("50.0 %", cell(t, "team:support", "used"));
        assertEquals("$280.00", cell(t, "team:support", "projected"));
        assertEquals("at risk", cell(t, "team:support", "state"));
        assertEquals("—", cell(t, "team:support", "crossed"));
        assertEquals("80 % ≈ Feb 16", cell(t, "team:support", "next alert"));
        assertEquals("≈ Feb 20", cell(t, "team:support", "100 % on"));
        // agent triage: $1/day, $10 of $5 = 200.0 %, over; $4 (80 %) reached on the 4th, $5 on the 5th; projected $1 × 28 = $28
        assertEquals("200.0 %", cell(t, "agent:triage", "used"));
        assertEquals("over", cell(t, "agent:triage", "state"));
        assertEquals("100 % · Feb 5", cell(t, "agent:triage", "crossed"), "the highest level crossed");
        assertEquals("crossed Feb 5", cell(t, "agent:triage", "100 % on"));
        assertEquals("all crossed", cell(t, "agent:triage", "next alert"));
        assertEquals("$28.00", cell(t, "agent:triage", "projected"));

        // the chart of the selected node: cumulative spend from $0 on day 0 to $100 on day 10, projection dashed to day 28 at $280
        robot.interact(() -> t.getSelectionModel().select(t.getItems().stream()
                .filter(l -> l.status().budget().node().toString().equals("team:support")).findFirst().orElseThrow()));
        // the node's series loads off the FX thread: wait for it rather than for one pulse
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            XYDataset ds = view.chart().getXYPlot().getDataset();
            return ds != null && ds.getSeriesCount() > 0 && ds.getItemCount(0) == 11 && ds.getYValue(0, 10) > 99.0;
        });
        XYDataset d = view.chart().getXYPlot().getDataset();
        assertEquals(11, d.getItemCount(0));
        assertEquals(100.0, d.getYValue(0, 10), 1e-9);
        assertEquals(28.0, d.getXValue(1, 1), 1e-9);
        assertEquals(280.0, d.getYValue(1, 1), 1e-9);
        assertEquals(2, view.chart().getXYPlot().getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND).size());

        // Propose: January is the only earlier month with spend, $40.00 → $44.00–$48.00, midpoint $46.00 in the field
        robot.clickOn("#budgetPropose");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#budgetProposal").queryAs(Label.class).getText().isEmpty());
        assertEquals("team:support: $44.00 – $48.00 (110–120 % of the 1-month mean $40.00)",
                robot.lookup("#budgetProposal").queryAs(Label.class).getText());
        assertEquals("46.00", robot.lookup("#budgetAmount").queryAs(TextField.class).getText());

        // set $400 through the bar: written to the store, $100 of $400 = 25.0 %
        robot.interact(() -> robot.lookup("#budgetAmount").queryAs(TextField.class).setText("400"));
        robot.clickOn("#budgetSet");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "25.0 %".equals(cell(t, "team:support", "used")));
        assertEquals(0, new BigDecimal("400").compareTo(amountInStore("team:support")));

        // Ctrl+Z on the table puts $200 back, in the store too
        robot.clickOn(t);
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "50.0 %".equals(cell(t, "team:support", "used")));
        assertEquals(0, new BigDecimal("200").compareTo(amountInStore("team:support")));
    }

    private BigDecimal amountInStore(String node) throws Exception {
        return new H2BudgetStore(db).forMonth(FEB).stream().filter(b -> b.node().toString().equals(node)).findFirst().orElseThrow().amount();
    }
}

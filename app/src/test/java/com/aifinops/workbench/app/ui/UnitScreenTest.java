package com.aifinops.workbench.app.ui;

import com.aifinops.workbench.app.analysis.H2SpendSettings;
import com.aifinops.workbench.app.analysis.H2UnitEconomics;
import com.aifinops.workbench.app.bench.RollupWriter;
import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.model.analysis.Node;
import com.aifinops.workbench.model.ledger.DailyRollup;
import com.aifinops.workbench.model.usage.Allocation;
import com.aifinops.workbench.views.unit.UnitView;
import com.aifinops.workbench.views.unit.UnitViewModel;
import javafx.application.Platform;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Unit economics screen on an H2 file ledger:
 * <ul>
 *   <li>team support: $3.00 a day 2026-01-01..10 = $30.00 in January, $4.50 a day 2026-02-01..10 = $45.00 in February;</li>
 *   <li>team eng: $2.00 a day 2026-02-01..05 = $10.00 (a second node to pick from);</li>
 *   <li>team:support, 2026-01: 120 resolved tickets and a $6.00 vector DB harness line.</li>
 * </ul>
 * January: $30.00 / 120 = $0.2500 per ticket, ($30.00 + $6.00) / 120 = $0.3000 with the harness.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class UnitScreenTest extends LedgerScreenTest {
    private static final Node SUPPORT = Node.parse("team:support");
    private static final String TICKETS = "resolved tickets";

    UnitViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        db = Database.open(dir.resolve("ledger"));
        List<DailyRollup> rows = new ArrayList<>();
        for (int d = 1; d <= 10; d++) {
            rows.add(row(LocalDate.of(2026, 1, d), "support", "3.00"));
            rows.add(row(LocalDate.of(2026, 2, d), "support", "4.50"));
        }
        for (int d = 1; d <= 5; d++) {
            rows.add(row(LocalDate.of(2026, 2, d), "eng", "2.00"));
        }
        RollupWriter.write(db, "unit.csv", rows);
        H2SpendSettings settings = new H2SpendSettings(db);
        settings.putOutcomes(SUPPORT, YearMonth.of(2026, 1), TICKETS, 120);
        settings.addHarnessCost(SUPPORT, YearMonth.of(2026, 1), "vector DB", new BigDecimal("6.00"));
        vm = new UnitViewModel(new H2UnitEconomics(db), Executors.newSingleThreadExecutor(), Platform::runLater);
        vm.nodeProperty().set("team:support");
        show(stage, new UnitView(vm), 1240, 800);
    }

    private static DailyRollup row(LocalDate day, String team, String priced) {
        Allocation a = new Allocation(null, team, null, null, null, "sk-" + team, null, "prod", null, null, Map.of());
        return new DailyRollup(day, "openai", "gpt-5-mini", "gpt-5-mini", a, 10, 1000, 0, 0, 0, 100, 0, new BigDecimal(priced), null);
    }

    @SuppressWarnings("unchecked")
    private TableView<UnitViewModel.Row> months(FxRobot robot) {
        return robot.lookup("#unitMonths").queryAs(TableView.class);
    }

    private TableView<UnitViewModel.Row> loaded(FxRobot robot) throws Exception {
        TableView<UnitViewModel.Row> t = months(robot);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> t.getItems().size() == 2 && !vm.busyProperty().get());
        return t;
    }

    private void settle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Map<YearMonth, Long> stored() throws Exception {
        return new H2SpendSettings(db).outcomes(SUPPORT, TICKETS); // a fresh reader of the outcome table
    }

    @Test
    void showsTheMonthsAndOffersTheLedgersNodes(FxRobot robot) throws Exception {
        TableView<UnitViewModel.Row> t = loaded(robot);
        assertEquals("2026-01", cellText(robot, t, 0, "month"));
        assertEquals("$30.00", cellText(robot, t, 0, "model spend"));   // 10 × $3.00
        assertEquals("$6.00", cellText(robot, t, 0, "harness"));
        assertEquals("120", cellText(robot, t, 0, "outcomes"));
        assertEquals("$0.2500", cellText(robot, t, 0, "per outcome"));  // 30 / 120
        assertEquals("$0.3000", cellText(robot, t, 0, "with harness")); // 36 / 120
        assertEquals("$45.00", cellText(robot, t, 1, "model spend"));   // 10 × $4.50
        assertEquals("—", cellText(robot, t, 1, "per outcome"), "February has no outcomes yet");
        @SuppressWarnings("unchecked")
        ComboBox<String> node = robot.lookup("#unitNode").queryAs(ComboBox.class);
        assertEquals(List.of("team:eng", "team:support"), List.copyOf(node.getItems()));
        assertEquals(2, ((org.jfree.data.xy.XYSeriesCollection) robot.lookup("#unitChart").queryAs(org.jfree.chart.fx.ChartViewer.class)
                .getChart().getXYPlot().getDataset(0)).getSeriesCount(), "two lines: model only and with harness");

        // the node box searches: type part of a name, Enter picks it
        robot.clickOn("#unitNode").write("eng").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "team:eng".equals(vm.nodeProperty().get()) && t.getItems().size() == 1);
        settle();
        assertEquals("2026-02", cellText(robot, t, 0, "month"));
        assertEquals("$10.00", cellText(robot, t, 0, "model spend")); // 5 × $2.00
        assertEquals("team:eng", node.getValue());
    }

    @Test
    void aCountTypedInTheTablePersistsUpdatesTheCostAndUndoesAndRedoes(FxRobot robot) throws Exception {
        TableView<UnitViewModel.Row> t = loaded(robot);

        // not a whole number: refused, said so, nothing written
        robot.doubleClickOn(cell(robot, t, 1, "outcomes"));
        robot.write("12.5").type(KeyCode.ENTER);
        settle();
        assertEquals("2026-02 resolved tickets: expected a whole number ≥ 0, got \"12.5\"", robot.lookup("#unitError").queryAs(Label.class).getText());
        assertEquals(Map.of(YearMonth.of(2026, 1), 120L), stored());

        robot.doubleClickOn(cell(robot, t, 1, "outcomes"));
        robot.write("180").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "$0.2500".equals(cellText(robot, t, 1, "per outcome")));
        settle();
        assertEquals(Map.of(YearMonth.of(2026, 1), 120L, YearMonth.of(2026, 2), 180L), stored(), "written to H2 at once");
        assertEquals("$0.2500", cellText(robot, t, 1, "with harness"));   // 45 / 180, no harness in February
        assertEquals("−16.7 %", cellText(robot, t, 1, "MoM")); // (0.25 − 0.30) / 0.30 = −16.67 %
        assertEquals("", robot.lookup("#unitError").queryAs(Label.class).getText(), "the error is gone");

        // Ctrl+Z: February has no count again
        robot.clickOn(cell(robot, t, 0, "month"));
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "—".equals(cellText(robot, t, 1, "per outcome")));
        settle();
        assertEquals(Map.of(YearMonth.of(2026, 1), 120L), stored(), "undo removes the entry it added");
        assertTrue(robot.lookup("#unitStatus").queryAs(Label.class).getText().startsWith("Undone: "));

        // Ctrl+Shift+Z: back to 180
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.Z).release(KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "$0.2500".equals(cellText(robot, t, 1, "per outcome")));
        settle();
        assertEquals(180L, stored().get(YearMonth.of(2026, 2)));

        // changing an existing count and undoing restores the previous count, not nothing
        robot.doubleClickOn(cell(robot, t, 0, "outcomes"));
        robot.eraseText(3).write("100").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "$0.3000".equals(cellText(robot, t, 0, "per outcome"))); // 30 / 100
        settle();
        robot.clickOn("#unitUndo");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "$0.2500".equals(cellText(robot, t, 0, "per outcome"))); // 30 / 120
        settle();
        assertEquals(120L, stored().get(YearMonth.of(2026, 1)));
    }

    @Test
    void aHarnessLineChangesTheWithHarnessCostAndRemovingItUndoes(FxRobot robot) throws Exception {
        TableView<UnitViewModel.Row> t = loaded(robot);
        robot.interact(() -> vm.setCount(vm.rows().get(1), "180"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "$0.2500".equals(cellText(robot, t, 1, "with harness"))); // 45 / 180
        settle();

        retype(robot, "#unitHarnessMonth", "2026-02");
        retype(robot, "#unitHarnessDescription", "embeddings");
        retype(robot, "#unitHarnessUsd", "9.00");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "$0.3000".equals(cellText(robot, t, 1, "with harness"))); // (45 + 9) / 180
        settle();
        assertEquals("$9.00", cellText(robot, t, 1, "harness"));
        assertEquals("$0.2500", cellText(robot, t, 1, "per outcome"), "model-only cost per outcome unchanged");
        assertEquals("0.0 %", cellText(robot, t, 1, "MoM")); // 0.30 → 0.30
        assertEquals(0, new BigDecimal("9.00").compareTo(new H2SpendSettings(db).harnessCosts(SUPPORT).get(YearMonth.of(2026, 2))));
        assertEquals(2, vm.harness().size());

        robot.clickOn("#unitHarnessRemove-1"); // by month: January's vector DB, then February's embeddings
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "$0.2500".equals(cellText(robot, t, 1, "with harness")));
        settle();
        assertFalse(new H2SpendSettings(db).harnessCosts(SUPPORT).containsKey(YearMonth.of(2026, 2)));
        robot.clickOn("#unitUndo");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "$0.3000".equals(cellText(robot, t, 1, "with harness")));
        settle();
        assertEquals(0, new BigDecimal("9.00").compareTo(new H2SpendSettings(db).harnessCosts(SUPPORT).get(YearMonth.of(2026, 2))));

        // a bad amount is refused
        retype(robot, "#unitHarnessDescription", "tracing");
        retype(robot, "#unitHarnessUsd", "nine");
        robot.type(KeyCode.ENTER);
        settle();
        assertEquals("harness amount: expected USD such as 1200 or 1,200.50, got \"nine\"", robot.lookup("#unitError").queryAs(Label.class).getText());
        assertEquals(2, vm.harness().size());
    }

    @Test
    void importingAnOutcomeCsvUpdatesTheTableAndAgainChangesNothing(FxRobot robot) throws Exception {
        TableView<UnitViewModel.Row> t = loaded(robot);
        Path csv = Files.writeString(dir.resolve("outcomes.csv"), """
                node,month,outcome,count
                team:support,2026-01,resolved tickets,150
                team:support,2026-02,resolved tickets,90
                team:eng,2026-02,resolved tickets,40
                """);
        robot.interact(() -> vm.importCsv(csv));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "$0.5000".equals(cellText(robot, t, 1, "per outcome"))); // 45 / 90
        settle();
        assertEquals("$0.2000", cellText(robot, t, 0, "per outcome"));  // 30 / 150
        assertEquals("$0.2400", cellText(robot, t, 0, "with harness")); // 36 / 150
        assertEquals("+108.3 %", cellText(robot, t, 1, "MoM")); // (0.50 − 0.24) / 0.24 = +108.33 %
        assertEquals(Map.of(YearMonth.of(2026, 1), 150L, YearMonth.of(2026, 2), 90L), stored());
        assertEquals(Map.of(YearMonth.of(2026, 2), 40L), new H2SpendSettings(db).outcomes(Node.parse("team:eng"), TICKETS));
        assertEquals("3 counts from outcomes.csv", robot.lookup("#unitStatus").queryAs(Label.class).getText());

        // the same file again: counts are set, not added
        robot.interact(() -> vm.importCsv(csv));
        settle();
        assertEquals(Map.of(YearMonth.of(2026, 1), 150L, YearMonth.of(2026, 2), 90L), stored());
        assertTrue(robot.lookup("#unitStatus").queryAs(Label.class).getText().endsWith("nothing changed, the ledger already had these counts"));

        // a bad file: nothing written, the error names file, line and column
        Path bad = Files.writeString(dir.resolve("bad.csv"), """
                node,month,outcome,count
                team:support,2026-01,resolved tickets,1
                team:support,2026-02,resolved tickets,12.5
                """);
        robot.interact(() -> vm.importCsv(bad));
        settle();
        assertEquals("bad.csv line 3, column count: expected a whole number ≥ 0, got \"12.5\"\nNothing imported from bad.csv.",
                robot.lookup("#unitError").queryAs(Label.class).getText());
        assertEquals(150L, stored().get(YearMonth.of(2026, 1)), "all or nothing: line 2 was not written either");

        // one undo takes the whole import back
        robot.clickOn("#unitUndo");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "$0.2500".equals(cellText(robot, t, 0, "per outcome")));
        settle();
        assertEquals(Map.of(YearMonth.of(2026, 1), 120L), stored());
        assertEquals(Map.of(), new H2SpendSettings(db).outcomes(Node.parse("team:eng"), TICKETS));
    }

    private static TableCell<?, ?> cell(FxRobot robot, TableView<?> table, int row, String column) {
        return robot.from(table).lookup(".table-cell").match((TableCell<?, ?> c) -> c.getIndex() == row && c.getTableColumn() != null
                && c.getTableColumn().getText().equals(column)).query();
    }

    /** The cell's text, or null while the table is rebuilding its cells. */
    private static String cellText(FxRobot robot, TableView<?> table, int row, String column) {
        return robot.from(table).lookup(".table-cell").match((TableCell<?, ?> c) -> c.getIndex() == row && c.getTableColumn() != null
                && c.getTableColumn().getText().equals(column)).tryQuery().map(c -> ((TableCell<?, ?>) c).getText()).orElse(null);
    }

    private static void retype(FxRobot robot, String field, String text) {
        robot.clickOn(field).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write(text);
    }
}

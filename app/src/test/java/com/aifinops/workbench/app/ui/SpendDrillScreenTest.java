package com.aifinops.workbench.app.ui;

import com.aifinops.workbench.app.analysis.H2SpendQuery;
import com.aifinops.workbench.app.analysis.H2SpendRows;
import com.aifinops.workbench.model.analysis.Dimension;
import com.aifinops.workbench.model.analysis.ReportRow;
import com.aifinops.workbench.model.ledger.DailyRollup;
import com.aifinops.workbench.views.spend.SpendRowsView;
import com.aifinops.workbench.views.spend.SpendView;
import com.aifinops.workbench.views.spend.SpendViewModel;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.jfree.chart.entity.CategoryItemEntity;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.fx.ChartCanvas;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drilling down from the Spend screen to the ledger rows, on the H2 file ledger of {@link ScreenLedger}; the totals
 * below are summed by hand from its rows.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class SpendDrillScreenTest extends LedgerScreenTest {
    SpendViewModel vm;
    SpendView view;

    @Start
    void start(Stage stage) throws Exception {
        db = ScreenLedger.create(dir.resolve("ledger"));
        vm = new SpendViewModel(new H2SpendQuery(db), new H2SpendRows(db), Executors.newSingleThreadExecutor(), Platform::runLater);
        vm.grainProperty().set(Dimension.of(Dimension.Kind.MONTH));
        view = new SpendView(vm);
        show(stage, view);
    }


    @Test
    void clickingABarSegmentOpensItsRowsWithTheSameTotal(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#spendTotal").queryAs(Label.class).getText().startsWith("$"));
        // team support in February: triage 10 days × $1.00 + reply 10 days × $9.00 = $100.00 over 20 rows,
        // 10 × 100 + 10 × 300 = 4,000 requests; nothing billed
        ChartCanvas canvas = view.viewer().getCanvas();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> segment(canvas, "support", "2026-02") != null);
        robot.clickOn(centre(canvas, segment(canvas, "support", "2026-02")));
        TableView<DailyRollup> rows = waitForRows(robot, 20);
        assertEquals("Total $100.00 · 4,000 requests · priced $100.00 · billed — · 20 rows", text(robot, "#drillTotal"));
        assertEquals(0, new BigDecimal("100").compareTo(rows.getItems().stream().map(DailyRollup::cost).reduce(BigDecimal.ZERO, BigDecimal::add)));
        assertTrue(rows.getItems().stream().allMatch(r -> r.allocation().team().equals("support") && r.day().getMonthValue() == 2));
        assertEquals(0, new BigDecimal("9.00").compareTo(rows.getItems().get(0).cost()), "costliest first: a reply day");

        // sortable: by cost ascending puts a $1.00 triage day first
        robot.interact(() -> {
            var cost = rows.getColumns().stream().filter(c -> c.getText().equals("cost")).findFirst().orElseThrow();
            cost.setSortType(javafx.scene.control.TableColumn.SortType.ASCENDING);
            rows.getSortOrder().setAll(List.of(cost));
        });
        assertEquals("triage", rows.getItems().get(0).allocation().agent());

        // Ctrl+C with two rows selected: a header and two tab-separated lines with the exact amounts
        robot.clickOn(cellOf(robot, rows, 0, "day"));
        robot.press(KeyCode.SHIFT).clickOn(cellOf(robot, rows, 1, "day")).release(KeyCode.SHIFT);
        robot.press(KeyCode.CONTROL).press(KeyCode.C).release(KeyCode.C).release(KeyCode.CONTROL);
        String[] copied = new String[1];
        robot.interact(() -> copied[0] = Clipboard.getSystemClipboard().getString());
        String[] lines = copied[0].split("\n");
        assertEquals(3, lines.length, copied[0]);
        assertTrue(lines[0].startsWith("day\tprovider\tmodel\torg\tteam\tproject\tagent"), lines[0]);
        String[] cells = lines[1].split("\t", -1);
        assertEquals(24, cells.length);
        assertEquals("support", cells[4]);
        assertEquals("triage", cells[6]);
        assertEquals("100", cells[14], "requests");
        assertEquals("1.00", cells[23], "cost, exact");

        // Export CSV… writes every listed row: a header and 20 lines
        Path csv = dir.resolve("rows.csv");
        SpendRowsView rowsView = view.rowsWindow().view();
        robot.interact(() -> {
            try {
                rowsView.exportCsv(csv);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        List<String> written = Files.readAllLines(csv);
        assertEquals(21, written.size());
        assertEquals("day,provider,model,org,team,project,agent,user,api key,workspace,environment,feature,customer,tags,requests,"
                + "uncached input,cache read,cache write 5m,cache write 1h,output,reasoning,priced,billed,cost", written.get(0));
        // triage at $1.00 a day, 100 requests × 10 input tokens and 1 output token
        assertTrue(written.contains("2026-02-01,openai,gpt-5-mini,,support,,triage,,,,prod,,,,100,1000,0,0,0,100,0,1.00,,1.00"),
                String.join("\n", written));
        assertTrue(written.contains("2026-02-10,openai,gpt-5-mini,,support,,reply,,,,prod,,,,300,3000,0,0,0,300,0,9.00,,9.00"),
                String.join("\n", written));
    }

    @Test
    void doubleClickingATableRowOpensItsRows(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        TableView<ReportRow> table = robot.lookup("#spendTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
        // team eng over the whole span: billed $2.50 (unpriced) + billed $4.04 (priced $4.003) + priced $0.004
        // = $6.544, shown $6.54; priced 4.003 + 0.004 = $4.007 → $4.01; billed $6.54; 50 + 60 + 1 = 111 requests
        int eng = table.getItems().indexOf(table.getItems().stream().filter(r -> r.keys().get(0).equals("eng")).findFirst().orElseThrow());
        robot.doubleClickOn(cellOf(robot, table, eng, "team"));
        TableView<DailyRollup> rows = waitForRows(robot, 3);
        assertEquals("Total $6.54 · 111 requests · priced $4.01 · billed $6.54 · 3 rows", text(robot, "#drillTotal"));
        assertEquals(0, new BigDecimal("6.544").compareTo(rows.getItems().stream().map(DailyRollup::cost).reduce(BigDecimal.ZERO, BigDecimal::add)));
        assertEquals("", text(robot, "#drillShowing"), "nothing cut, and the figure clicked matches the rows");
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @SuppressWarnings("unchecked")
    private static TableView<DailyRollup> waitForRows(FxRobot robot, int n) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#drillTable").tryQueryAs(TableView.class)
                .map(t -> t.getItems().size() == n).orElse(false));
        return robot.lookup("#drillTable").queryAs(TableView.class);
    }

    private static Node cellOf(FxRobot robot, TableView<?> table, int row, String column) {
        return robot.from(table).lookup(".table-cell").match((TableCell<?, ?> c) -> c.getIndex() == row && c.getTableColumn() != null
                && c.getTableColumn().getText().equals(column)).query();
    }

    /** The bar segment of {@code series} in {@code period}, as the chart last drew it. */
    private static Rectangle2D segment(ChartCanvas canvas, String series, String period) {
        if (canvas.getRenderingInfo() == null) {
            return null;
        }
        for (Object o : canvas.getRenderingInfo().getEntityCollection().getEntities()) {
            if (o instanceof CategoryItemEntity e && series.equals(e.getRowKey()) && period.equals(e.getColumnKey())) {
                return ((ChartEntity) e).getArea().getBounds2D();
            }
        }
        return null;
    }

    private static Point2D centre(ChartCanvas canvas, Rectangle2D r) {
        return canvas.localToScreen(r.getCenterX(), r.getCenterY());
    }
}

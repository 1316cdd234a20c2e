package com.aifinops.workbench.app.ui;

import com.aifinops.workbench.app.analysis.H2ScreenQueries;
import com.aifinops.workbench.model.analysis.Anomaly;
import com.aifinops.workbench.model.ledger.DailyRollup;
import com.aifinops.workbench.views.anomaly.AnomalyView;
import com.aifinops.workbench.views.anomaly.AnomalyViewModel;
import javafx.application.Platform;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeriesCollection;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The Anomalies screen finds the loop planted in {@link ScreenLedger} and charts it. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class AnomalyScreenTest extends LedgerScreenTest {
    AnomalyView view;
    AnomalyViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        db = ScreenLedger.create(dir.resolve("ledger"));
        vm = new AnomalyViewModel(new H2ScreenQueries(db), Executors.newSingleThreadExecutor(), Platform::runLater);
        vm.fromProperty().set(LocalDate.of(2026, 1, 15));
        vm.toProperty().set(LocalDate.of(2026, 1, 31));
        view = new AnomalyView(vm);
        show(stage, view);
    }


    @SuppressWarnings("unchecked")
    private static String cell(TableView<Anomaly> t, int row, String column) {
        return ((TableColumn<Anomaly, String>) t.getColumns().stream().filter(c -> c.getText().equals(column)).findFirst().orElseThrow())
                .getCellData(row);
    }

    @Test
    void listsThePlantedLoopAndMarksItsDay(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        TableView<Anomaly> t = robot.lookup("#anomalyTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !t.getItems().isEmpty());
        // one finding: the team support and model gpt-5-mini spikes on the same day are folded into the agent's
        assertEquals(1, t.getItems().size(), () -> t.getItems().toString());
        assertEquals("2026-01-25", cell(t, 0, "date"));
        assertEquals("1", cell(t, 0, "days"));
        assertEquals("agent", cell(t, 0, "dimension"));
        assertEquals("triage", cell(t, 0, "key"));
        assertEquals("runaway_loop", cell(t, 0, "cause"));
        // $10.00 on the day against a 7-day mean of $1.00: $9.00 extra; 1,000 requests vs 100 = ×10
        assertEquals("$9.00", cell(t, 0, "extra cost"));
        assertEquals("1000 requests vs 7-day mean 100.0 (×10.0)", cell(t, 0, "detail"));

        robot.interact(() -> t.getSelectionModel().select(0));
        XYPlot plot = view.chart().getXYPlot();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ((TimeSeriesCollection) plot.getDataset()).getSeriesCount() == 1);
        TimeSeriesCollection d = (TimeSeriesCollection) plot.getDataset();
        // 21 days either side of the day: 2026-01-04 .. 2026-02-15, 43 points; $10 on the 25th, $1 the day before
        assertEquals(43, d.getSeries(0).getItemCount());
        assertEquals(10.0, d.getSeries(0).getValue(new Day(25, 1, 2026)).doubleValue(), 1e-9);
        assertEquals(1.0, d.getSeries(0).getValue(new Day(24, 1, 2026)).doubleValue(), 1e-9);
        Collection<Marker> markers = plot.getDomainMarkers(Layer.BACKGROUND);
        assertNotNull(markers);
        assertEquals(1, markers.size());
        IntervalMarker m = (IntervalMarker) markers.iterator().next();
        assertEquals(LocalDate.of(2026, 1, 25).atStartOfDay(ZoneId.systemDefault()).toInstant().toEpochMilli(), (long) m.getStartValue());
        assertEquals(LocalDate.of(2026, 1, 26).atStartOfDay(ZoneId.systemDefault()).toInstant().toEpochMilli(), (long) m.getEndValue());
        assertEquals("runaway_loop", m.getLabel());

        // the row behind it: triage's one row of that day
        @SuppressWarnings("unchecked")
        TableView<DailyRollup> rows = robot.lookup("#anomalyRows").queryAs(TableView.class);
        assertEquals(1, rows.getItems().size());
        assertEquals(1000, rows.getItems().get(0).requests());
        assertEquals(LocalDate.of(2026, 1, 25), rows.getItems().get(0).day());
    }

    /** Replaces the field's text by typing {@code text}, then Enter (the Find button is the default). */
    private static void type(FxRobot robot, String id, String text) {
        javafx.scene.control.TextField f = robot.lookup(id).queryAs(javafx.scene.control.TextField.class);
        robot.interact(f::clear);
        robot.clickOn(f).write(text).type(javafx.scene.input.KeyCode.ENTER);
    }

    @Test
    void theMinimumExtraCostHidesSmallerFindingsAndABadValueIsSaid(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        TableView<Anomaly> t = robot.lookup("#anomalyTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> t.getItems().size() == 1);
        // the loop is worth $9.00: a floor of $10 hides it, $9 keeps it
        type(robot, "#anomalyMinExtra", "10");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> t.getItems().isEmpty());
        type(robot, "#anomalyMinExtra", "9");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> t.getItems().size() == 1);
        type(robot, "#anomalyBand", "lots");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("band: expected a percentage such as 30, got 'lots'",
                robot.lookup("#anomalyError").queryAs(javafx.scene.control.Label.class).getText());
        assertEquals(1, t.getItems().size(), "a bad value keeps what was found");
    }
}

package com.aifinops.workbench.app.ui;

import com.aifinops.workbench.app.analysis.H2ScreenQueries;
import com.aifinops.workbench.app.bench.HourlyWriter;
import com.aifinops.workbench.app.bench.RollupWriter;
import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.model.analysis.Anomaly;
import com.aifinops.workbench.model.ledger.DailyRollup;
import com.aifinops.workbench.model.usage.Allocation;
import com.aifinops.workbench.views.anomaly.AnomalyView;
import com.aifinops.workbench.views.anomaly.AnomalyViewModel;
import javafx.application.Platform;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.awt.Color;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The Anomalies screen charts an hourly finding hour by hour, on a real H2 ledger: agent triage (team support,
 * gpt-5-mini), twelve days from 2026-06-04 of 100 requests and $0.50 every hour, except a loop on 2026-06-14:
 * 13:00 600 requests $3.00, 14:00 700 requests $3.50, 15:00 550 requests $2.75 (each ≥ 5 × the usual 100).
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class AnomalyHourlyChartTest extends LedgerScreenTest {
    private static final LocalDate FIRST = LocalDate.of(2026, 6, 4), LOOP_DAY = LocalDate.of(2026, 6, 14);
    private static final Color ANOMALY = new Color(0xD55E00);

    AnomalyView view;
    AnomalyViewModel vm;

    private static Instant hour(LocalDate day, int h) {
        return day.atTime(h, 0).toInstant(ZoneOffset.UTC);
    }

    /** Requests and cost of an hour. */
    private static Object[] use(LocalDate day, int h) {
        if (day.equals(LOOP_DAY) && h == 13) return new Object[]{600L, "3.00"};
        if (day.equals(LOOP_DAY) && h == 14) return new Object[]{700L, "3.50"};
        if (day.equals(LOOP_DAY) && h == 15) return new Object[]{550L, "2.75"};
        return new Object[]{100L, "0.50"};
    }

    private static Database ledger(Path file) throws Exception {
        Database db = Database.open(file);
        List<DailyRollup> days = new ArrayList<>();
        try (HourlyWriter w = new HourlyWriter(db, "requests.jsonl")) {
            for (int d = 0; d < 12; d++) {
                LocalDate day = FIRST.plusDays(d);
                long req = 0;
                BigDecimal cost = BigDecimal.ZERO;
                for (int h = 0; h < 24; h++) {
                    Object[] u = use(day, h);
                    long r = (Long) u[0];
                    BigDecimal c = new BigDecimal((String) u[1]);
                    for (String[] s : new String[][]{{"agent", "triage"}, {"team", "support"}, {"model", "gpt-5-mini"}}) {
                        w.add(HourlyWriter.Row.of(hour(day, h), s[0], s[1], r, r * 1000, r * 200, c));
                    }
                    req += r;
                    cost = cost.add(c);
                }
                Allocation a = new Allocation(null, "support", null, "triage", null, "key-triage", null, "prod", null, null, Map.of());
                days.add(new DailyRollup(day, "openai", "gpt-5-mini", "gpt-5-mini", a, req, req * 1000, 0, 0, 0, req * 200, 0, cost, null));
            }
        }
        RollupWriter.write(db, "requests.jsonl (days)", days);
        return db;
    }

    @Start
    void start(Stage stage) throws Exception {
        db = ledger(dir.resolve("ledger"));
        H2ScreenQueries q = new H2ScreenQueries(db);
        vm = new AnomalyViewModel(q, q, Executors.newSingleThreadExecutor(), Platform::runLater);
        vm.fromProperty().set(LocalDate.of(2026, 6, 10));
        vm.toProperty().set(LocalDate.of(2026, 6, 15));
        view = new AnomalyView(vm);
        show(stage, view);
    }


    private static int index(XYSeries s, Instant h) {
        return s.indexOf((double) h.toEpochMilli()); // the series holds its x values as doubles
    }

    @Test
    void anHourlyFindingIsChartedHourByHourWithItsHoursMarked(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        TableView<Anomaly> t = robot.lookup("#anomalyTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !t.getItems().isEmpty());
        assertEquals(1, t.getItems().size(), () -> t.getItems().toString());
        Anomaly f = t.getItems().get(0);
        assertEquals(Anomaly.Granularity.HOUR, f.granularity());
        assertEquals(hour(LOOP_DAY, 13), f.hour());

        robot.interact(() -> t.getSelectionModel().select(0));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.shownChart() == view.hourlyChart());
        XYPlot plot = view.hourlyChart().getXYPlot();
        XYSeries bars = ((XYSeriesCollection) plot.getDataset(0)).getSeries(0);
        // the day before to the day after: 2026-06-13 00:00 .. 2026-06-15 23:00, 3 × 24 = 72 hours
        assertEquals(72, bars.getItemCount());
        assertEquals(hour(LOOP_DAY.minusDays(1), 0).toEpochMilli(), bars.getX(0).longValue());
        assertEquals(hour(LOOP_DAY.plusDays(1), 23).toEpochMilli(), bars.getX(71).longValue());
        // the loop's hours as planted, the hours either side as usual
        assertEquals(3.00, bars.getY(index(bars, hour(LOOP_DAY, 13))).doubleValue(), 1e-12);
        assertEquals(3.50, bars.getY(index(bars, hour(LOOP_DAY, 14))).doubleValue(), 1e-12);
        assertEquals(2.75, bars.getY(index(bars, hour(LOOP_DAY, 15))).doubleValue(), 1e-12);
        assertEquals(0.50, bars.getY(index(bars, hour(LOOP_DAY, 12))).doubleValue(), 1e-12);
        assertEquals(0.50, bars.getY(index(bars, hour(LOOP_DAY, 16))).doubleValue(), 1e-12);
        // and exact behind the chart
        AnomalyViewModel.HourlySeries s = vm.hourlyProperty().get();
        assertEquals(0, new BigDecimal("3.50").compareTo(s.cost(hour(LOOP_DAY, 14))));
        assertEquals(700, s.hours().get(hour(LOOP_DAY, 14)).requests());

        // the flagged hours in the anomaly colour, their neighbours not; a band over 13:00–16:00 named by the cause
        var renderer = plot.getRenderer(0);
        for (int h = 13; h <= 15; h++) {
            assertEquals(ANOMALY, renderer.getItemPaint(0, index(bars, hour(LOOP_DAY, h))), "hour " + h);
        }
        assertNotEquals(ANOMALY, renderer.getItemPaint(0, index(bars, hour(LOOP_DAY, 12))));
        assertNotEquals(ANOMALY, renderer.getItemPaint(0, index(bars, hour(LOOP_DAY, 16))));
        IntervalMarker band = null;
        for (Object m : (java.util.Collection<?>) plot.getDomainMarkers(Layer.BACKGROUND)) {
            if (m instanceof IntervalMarker im) band = im;
        }
        assertNotNull(band);
        assertEquals(hour(LOOP_DAY, 13).toEpochMilli(), (long) band.getStartValue());
        assertEquals(hour(LOOP_DAY, 16).toEpochMilli(), (long) band.getEndValue());
        assertEquals("runaway_loop", band.getLabel());

        // the typical hour: the mean of the same hour on the 7 days before, the finding's hours left out. 06-14 14:00:
        // 06-07..06-13, seven days of $0.50 = $0.50; 06-15 14:00: 06-08..06-13 = 6 × $0.50 / 6 = $0.50 (the loop's
        // $3.50 would make (3.00 + 3.50) / 7 = $0.93); 06-15 17:00: 06-08..06-14 = 7 × $0.50 / 7
        XYSeries typical = ((XYSeriesCollection) plot.getDataset(1)).getSeries(0);
        assertEquals(0.50, typical.getY(typical.indexOf((double) (hour(LOOP_DAY, 14).toEpochMilli() + 1_800_000))).doubleValue(), 1e-12);
        assertEquals(0.50, typical.getY(typical.indexOf((double) (hour(LOOP_DAY.plusDays(1), 14).toEpochMilli() + 1_800_000))).doubleValue(), 1e-12);
        assertEquals(0.50, typical.getY(typical.indexOf((double) (hour(LOOP_DAY.plusDays(1), 17).toEpochMilli() + 1_800_000))).doubleValue(), 1e-12);
        // 72 charted hours, each with history (the ledger starts 06-04)
        assertEquals(72, typical.getItemCount());

        // back to the daily view and again
        robot.clickOn("#anomalyDaily");
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(view.chart(), view.shownChart());
        robot.clickOn("#anomalyHourly");
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(view.hourlyChart(), view.shownChart());
    }
}

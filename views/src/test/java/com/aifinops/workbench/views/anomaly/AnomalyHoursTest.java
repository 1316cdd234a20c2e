package com.aifinops.workbench.views.anomaly;

import com.aifinops.workbench.model.analysis.Anomaly;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The Anomalies table's "hours (UTC)" cell. */
class AnomalyHoursTest {
    @Test
    void anHourlyFindingShowsItsHoursAndADailyOneItsFirstHourOrNothing() {
        Anomaly loop = Anomaly.hourly(Instant.parse("2026-06-14T13:00:00Z"), Instant.parse("2026-06-14T15:00:00Z"), "agent",
                "triage", Anomaly.Cause.RUNAWAY_LOOP, new BigDecimal("0.60"), "");
        assertEquals("13:00–15:59Z (3 h)", AnomalyView.hours(loop));

        LocalDate d = LocalDate.of(2026, 6, 14);
        Anomaly daily = new Anomaly(d, d, "agent", "triage", Anomaly.Cause.RUNAWAY_LOOP, BigDecimal.ONE, 1, "", List.of());
        assertEquals("", AnomalyView.hours(daily));
        Anomaly dailyWithHour = new Anomaly(d, d, "agent", "triage", Anomaly.Cause.RUNAWAY_LOOP, BigDecimal.ONE, 1, "", List.of(),
                Anomaly.Granularity.DAY, Instant.parse("2026-06-14T09:00:00Z"), null);
        assertEquals("from 09:00Z", AnomalyView.hours(dailyWithHour));
    }
}

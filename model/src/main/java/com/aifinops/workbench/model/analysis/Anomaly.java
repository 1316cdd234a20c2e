package com.aifinops.workbench.model.analysis;

import com.aifinops.workbench.model.ledger.DailyRollup;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * One finding of the anomaly detector: a run of consecutive days (or, for an hourly finding, hours) on which one
 * series (an agent, a team or a model) departed from its trailing baseline for the same cause.
 *
 * @param date       the first day
 * @param lastDate   the last day of the run
 * @param dimension  {@code agent}, {@code team} or {@code model}
 * @param key        the agent, team or model
 * @param cause      the likely cause
 * @param extraCost  cost above what the baseline predicts over the run, exact to 34 significant digits; for
 *                   {@link Cause#UNPRICED_MODEL} the billed amount when the files state one, else {@code null}
 * @param days       days in the run
 * @param detail     one line for people: what moved and by how much against the baseline
 * @param rows       the ledger rows behind it, daily rows also for an hourly finding (may be empty when the
 *                   caller did not load them)
 * @param granularity {@link Granularity#HOUR} when the hourly series found it (then {@code date} and
 *                   {@code lastDate} are the UTC days of its first and last hour)
 * @param hour       the first anomalous hour (UTC) when known: always for an hourly finding, and for a daily
 *                   finding whose event the hourly series also caught; else {@code null}
 * @param lastHour   the last anomalous hour of an hourly finding, else {@code null}
 */
public record Anomaly(LocalDate date, LocalDate lastDate, String dimension, String key, Cause cause,
                      BigDecimal extraCost, int days, String detail, List<DailyRollup> rows, Granularity granularity,
                      Instant hour, Instant lastHour) {

    /** Which series found it: the daily rollups or the hourly series. */
    public enum Granularity {
        DAY, HOUR;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Cause {
        /** Requests far above the trailing 7-day mean, suddenly: an agent calling itself in a loop. */
        RUNAWAY_LOOP,
        /** Input tokens per request ≥ 3× the baseline: a longer system prompt, retrieved context or history. */
        CONTEXT_GROWTH,
        /** Cost per request up by more than the band while tokens per request stay flat: a pricier model or price. */
        MODEL_CHANGE,
        /** Requests well above the trailing 14-day mean, but short of a loop. */
        VOLUME_GROWTH,
        /** A model first seen in the period that the catalogue cannot price. */
        UNPRICED_MODEL,
        /** Spend well above the baseline with none of the above patterns. */
        OTHER;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Anomaly {
        rows = List.copyOf(rows);
        granularity = granularity == null ? Granularity.DAY : granularity;
        if (granularity == Granularity.HOUR && (hour == null || lastHour == null)) {
            throw new IllegalArgumentException("an hourly finding needs its first and last hour");
        }
    }

    /** A daily finding. */
    public Anomaly(LocalDate date, LocalDate lastDate, String dimension, String key, Cause cause, BigDecimal extraCost, int days,
                   String detail, List<DailyRollup> rows) {
        this(date, lastDate, dimension, key, cause, extraCost, days, detail, rows, Granularity.DAY, null, null);
    }

    /** An hourly finding: consecutive hours from {@code hour} to {@code lastHour} (UTC, whole hours). */
    public static Anomaly hourly(Instant hour, Instant lastHour, String dimension, String key, Cause cause, BigDecimal extraCost,
                                 String detail) {
        LocalDate first = hour.atOffset(ZoneOffset.UTC).toLocalDate(), last = lastHour.atOffset(ZoneOffset.UTC).toLocalDate();
        return new Anomaly(first, last, dimension, key, cause, extraCost, (int) (last.toEpochDay() - first.toEpochDay()) + 1, detail,
                List.of(), Granularity.HOUR, hour, lastHour);
    }

    public boolean hourly() {
        return granularity == Granularity.HOUR;
    }

    /** Hours in an hourly finding's run; 0 for a daily finding. */
    public int hours() {
        return hourly() ? (int) ((lastHour.getEpochSecond() - hour.getEpochSecond()) / 3600) + 1 : 0;
    }

    public Anomaly withRows(List<DailyRollup> rows) {
        return new Anomaly(date, lastDate, dimension, key, cause, extraCost, days, detail, rows, granularity, hour, lastHour);
    }

    /** The same daily finding with the first hour the hourly series saw of its event. */
    public Anomaly withHour(Instant hour) {
        return new Anomaly(date, lastDate, dimension, key, cause, extraCost, days, detail, rows, granularity, hour, lastHour);
    }
}

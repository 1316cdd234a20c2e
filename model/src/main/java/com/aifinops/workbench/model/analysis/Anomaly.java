package com.aifinops.workbench.model.analysis;

import com.aifinops.workbench.model.ledger.DailyRollup;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * One finding of the anomaly detector: a run of consecutive days on which one series (an agent, a team or a
 * model) departed from its trailing baseline for the same cause.
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
 * @param rows       the ledger rows behind it (may be empty when the caller did not load them)
 */
public record Anomaly(LocalDate date, LocalDate lastDate, String dimension, String key, Cause cause,
                      BigDecimal extraCost, int days, String detail, List<DailyRollup> rows) {

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
    }

    public Anomaly withRows(List<DailyRollup> rows) {
        return new Anomaly(date, lastDate, dimension, key, cause, extraCost, days, detail, rows);
    }
}

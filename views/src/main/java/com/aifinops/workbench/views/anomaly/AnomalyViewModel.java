package com.aifinops.workbench.views.anomaly;

import com.aifinops.workbench.model.analysis.Anomaly;
import com.aifinops.workbench.model.analysis.AnomalyQuery;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * State of the Anomalies screen: the period, the findings, the selected one and its key's daily series around it.
 * Queries run on {@code background}, results arrive through {@code fx}; the latest request wins.
 */
public final class AnomalyViewModel {
    /** Days of context shown before a finding and after it. */
    public static final int CONTEXT_DAYS = 21;

    private final AnomalyQuery query;
    private final Executor background;
    private final Consumer<Runnable> fx;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong seriesGeneration = new AtomicLong();

    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObservableList<Anomaly> findings = FXCollections.observableArrayList();
    private final ObjectProperty<Anomaly> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Series> series = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");

    /** The selected finding's key, day by day from {@code from} to {@code to} (days without spend absent). */
    public record Series(Anomaly finding, LocalDate from, LocalDate to, SortedMap<LocalDate, BigDecimal> daily) {
    }

    public AnomalyViewModel(AnomalyQuery query, Executor background, Consumer<Runnable> fx) {
        this.query = query;
        this.background = background;
        this.fx = fx;
        selected.addListener((o, a, f) -> loadSeries(f));
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public ObservableList<Anomaly> findings() {
        return findings;
    }

    public ObjectProperty<Anomaly> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<Series> seriesProperty() {
        return series.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Finds anomalies in the period; without one, the last 30 days of the ledger (as the CLI does). */
    public void refresh() {
        long gen = generation.incrementAndGet();
        LocalDate f = from.get(), t = to.get();
        background.execute(() -> {
            try {
                LocalDate f2 = f, t2 = t;
                if (f2 == null || t2 == null) {
                    LocalDate[] span = query.span();
                    t2 = t2 != null ? t2 : span == null ? LocalDate.now() : span[1];
                    f2 = f2 != null ? f2 : t2.minusDays(29);
                }
                List<Anomaly> found = query.anomalies(f2, t2);
                LocalDate from2 = f2, to2 = t2;
                fx.accept(() -> {
                    if (gen != generation.get()) {
                        return;
                    }
                    from.set(from2);
                    to.set(to2);
                    findings.setAll(found);
                    BigDecimal extra = found.stream().map(Anomaly::extraCost).filter(java.util.Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
                    summary.set(found.size() + (found.size() == 1 ? " finding" : " findings") + " from " + from2 + " to " + to2
                            + ", " + com.aifinops.workbench.model.Usd.format(extra) + " above baseline");
                    selected.set(found.isEmpty() ? null : found.get(0));
                    error.set("");
                });
            } catch (Exception e) {
                fail(e);
            }
        });
    }

    private void loadSeries(Anomaly f) {
        long gen = seriesGeneration.incrementAndGet();
        if (f == null) {
            series.set(null);
            return;
        }
        LocalDate a = f.date().minusDays(CONTEXT_DAYS), b = f.lastDate().plusDays(CONTEXT_DAYS);
        background.execute(() -> {
            try {
                SortedMap<LocalDate, BigDecimal> daily = query.daily(f.dimension(), f.key(), a, b);
                fx.accept(() -> {
                    if (gen == seriesGeneration.get()) {
                        series.set(new Series(f, a, b, daily));
                    }
                });
            } catch (Exception e) {
                fail(e);
            }
        });
    }

    private void fail(Exception e) {
        fx.accept(() -> error.set(e.getMessage() == null ? e.toString() : e.getMessage()));
    }
}

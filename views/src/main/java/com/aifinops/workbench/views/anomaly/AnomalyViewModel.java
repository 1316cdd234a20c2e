package com.aifinops.workbench.views.anomaly;

import com.aifinops.workbench.model.analysis.Anomaly;
import com.aifinops.workbench.model.analysis.AnomalyDetector;
import com.aifinops.workbench.model.analysis.AnomalyQuery;
import com.aifinops.workbench.model.analysis.HourlyQuery;
import com.aifinops.workbench.views.common.Loading;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * State of the Anomalies screen: the period, the findings, the selected one and its key's daily series around it,
 * and, when the finding knows its hours, the key's hourly series around them with whether the chart shows it.
 * Queries run on {@code background}, results arrive through {@code fx}; the latest request wins.
 */
public final class AnomalyViewModel {
    /** Days of context shown before a finding and after it. */
    public static final int CONTEXT_DAYS = 21;
    /** Days of hourly context shown before a finding's first day and after its last. */
    public static final int HOURLY_CONTEXT_DAYS = 1;
    /** Days before each hour whose same hour of day make its typical (trailing mean) cost. */
    public static final int TYPICAL_DAYS = 7;

    private final AnomalyQuery query;
    private final HourlyQuery hourlyQuery;
    private final Executor background;
    private final Consumer<Runnable> fx;
    private final Loading loading;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong seriesGeneration = new AtomicLong();
    private final AtomicLong hourlyGeneration = new AtomicLong();

    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final StringProperty band = new SimpleStringProperty(percent(AnomalyDetector.DEFAULTS.costBand()));
    private final StringProperty minExtra = new SimpleStringProperty(AnomalyDetector.DEFAULTS.minExtraCost().toPlainString());
    private final ObservableList<Anomaly> findings = FXCollections.observableArrayList();
    private final ObjectProperty<Anomaly> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Series> series = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<HourlySeries> hourly = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty showHourly = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");

    /** The selected finding's key, day by day from {@code from} to {@code to} (days without spend absent). */
    public record Series(Anomaly finding, LocalDate from, LocalDate to, SortedMap<LocalDate, BigDecimal> daily) {
    }

    /**
     * The selected finding's key, hour by hour from {@code from} to {@code to} (hour starts, UTC): the hours with
     * usage, and for each charted hour with history the mean cost of the same hour on the {@link #TYPICAL_DAYS}
     * days before (those with usage, the finding's own hours left out, as the detector leaves anomalous hours out of
     * a baseline). {@code firstFlagged} to {@code lastFlagged} are the finding's hours.
     */
    public record HourlySeries(Anomaly finding, Instant from, Instant to, Instant firstFlagged, Instant lastFlagged,
                               SortedMap<Instant, HourlyQuery.Hour> hours, SortedMap<Instant, BigDecimal> typical) {
        public boolean flagged(Instant hour) {
            return !hour.isBefore(firstFlagged) && !hour.isAfter(lastFlagged);
        }

        /** The hour's cost, zero when it had no usage. */
        public BigDecimal cost(Instant hour) {
            HourlyQuery.Hour h = hours.get(hour);
            return h == null ? BigDecimal.ZERO : h.cost();
        }
    }

    public AnomalyViewModel(AnomalyQuery query, Executor background, Consumer<Runnable> fx) {
        this(query, null, background, fx);
    }

    /** With {@code hourlyQuery} null the chart stays daily. */
    public AnomalyViewModel(AnomalyQuery query, HourlyQuery hourlyQuery, Executor background, Consumer<Runnable> fx) {
        this.query = query;
        this.hourlyQuery = hourlyQuery;
        this.background = background;
        this.fx = fx;
        this.loading = new Loading(background, fx);
        selected.addListener((o, a, f) -> {
            loadSeries(f);
            loadHourly(f);
        });
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    /** The model-change band in percent, as typed (default 30). */
    public StringProperty bandProperty() {
        return band;
    }

    /** Findings worth less extra cost (USD, as typed; default 0.50) are not listed. */
    public StringProperty minExtraProperty() {
        return minExtra;
    }

    private static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).stripTrailingZeros().toPlainString();
    }

    /** The detector's thresholds from the band (percent) and minimum extra cost (USD) as typed. */
    static AnomalyDetector.Options options(String bandText, String minText) {
        BigDecimal b = number(bandText, "band: expected a percentage such as 30");
        BigDecimal m = number(minText, "minimum extra cost: expected an amount in USD such as 0.50");
        if (b.compareTo(BigDecimal.valueOf(1000)) > 0) {
            throw new IllegalArgumentException("band: at most 1000 %, got " + bandText.strip());
        }
        return AnomalyDetector.DEFAULTS.withBand(b.movePointLeft(2)).withMinExtraCost(m);
    }

    private static BigDecimal number(String text, String expected) {
        String t = text == null ? "" : text.strip().replace("$", "").replace("%", "").replace(",", "").strip();
        try {
            BigDecimal v = new BigDecimal(t);
            if (v.signum() < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(expected + ", got '" + (text == null ? "" : text.strip()) + "'");
        }
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

    /** The selected finding's hourly series; null when it knows no hour or the ledger has no hourly query. */
    public ReadOnlyObjectProperty<HourlySeries> hourlyProperty() {
        return hourly.getReadOnlyProperty();
    }

    /** Whether the chart shows the hourly series: set when a finding with hours is selected, the user's toggle after. */
    public BooleanProperty showHourlyProperty() {
        return showHourly;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** True while a search is running. */
    public javafx.beans.property.ReadOnlyBooleanProperty loadingProperty() {
        return loading.activeProperty();
    }

    /** Finds anomalies in the period; without one, the last 30 days of the ledger (as the CLI does). */
    public void refresh() {
        long gen = generation.incrementAndGet();
        LocalDate f = from.get(), t = to.get();
        AnomalyDetector.Options o;
        try {
            o = options(band.get(), minExtra.get());
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        loading.execute(() -> {
            try {
                LocalDate f2 = f, t2 = t;
                if (f2 == null || t2 == null) {
                    LocalDate[] span = query.span();
                    t2 = t2 != null ? t2 : span == null ? LocalDate.now() : span[1];
                    f2 = f2 != null ? f2 : t2.minusDays(29);
                }
                List<Anomaly> found = query.anomalies(f2, t2, o);
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

    private void loadHourly(Anomaly f) {
        long gen = hourlyGeneration.incrementAndGet();
        hourly.set(null);
        if (f == null || f.hour() == null || hourlyQuery == null) {
            showHourly.set(false);
            return;
        }
        showHourly.set(true);
        LocalDate lastDay = f.lastHour() != null ? f.lastHour().atOffset(ZoneOffset.UTC).toLocalDate() : f.lastDate();
        Instant a = f.hour().atOffset(ZoneOffset.UTC).toLocalDate().minusDays(HOURLY_CONTEXT_DAYS).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant b = lastDay.plusDays(HOURLY_CONTEXT_DAYS + 1).atStartOfDay().toInstant(ZoneOffset.UTC).minus(1, ChronoUnit.HOURS);
        Instant last = f.lastHour() != null ? f.lastHour() : f.hour();
        background.execute(() -> {
            try {
                SortedMap<Instant, HourlyQuery.Hour> all = new TreeMap<>();
                for (HourlyQuery.Hour h : hourlyQuery.hours(f.dimension(), f.key(), a.minus(TYPICAL_DAYS, ChronoUnit.DAYS), b)) {
                    all.put(h.start(), h);
                }
                SortedMap<Instant, BigDecimal> typical = new TreeMap<>();
                for (Instant t = a; !t.isAfter(b); t = t.plus(1, ChronoUnit.HOURS)) {
                    BigDecimal sum = BigDecimal.ZERO;
                    int n = 0;
                    for (int k = 1; k <= TYPICAL_DAYS; k++) {
                        Instant before = t.minus(k, ChronoUnit.DAYS);
                        HourlyQuery.Hour h = all.get(before);
                        if (h != null && (before.isBefore(f.hour()) || before.isAfter(last))) { // the finding's hours are no baseline
                            sum = sum.add(h.cost());
                            n++;
                        }
                    }
                    if (n > 0) {
                        typical.put(t, sum.divide(BigDecimal.valueOf(n), MathContext.DECIMAL64));
                    }
                }
                HourlySeries s = new HourlySeries(f, a, b, f.hour(), last, new TreeMap<>(all.tailMap(a)), typical);
                fx.accept(() -> {
                    if (gen == hourlyGeneration.get()) {
                        hourly.set(s);
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

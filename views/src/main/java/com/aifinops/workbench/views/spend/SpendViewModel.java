package com.aifinops.workbench.views.spend;

import com.aifinops.workbench.model.Usd;
import com.aifinops.workbench.model.analysis.Dimension;
import com.aifinops.workbench.model.analysis.ReportRow;
import com.aifinops.workbench.model.analysis.SpendQuery;
import com.aifinops.workbench.model.analysis.SpendReport;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * State of the Spend screen: the period, what the chart stacks by and at which grain, what the table groups by, an
 * optional filter; and the last results. {@link #refresh} queries on {@code background} and publishes through
 * {@code fx} (latest request wins), so the screen never waits on the database.
 */
public final class SpendViewModel {
    /** Series shown in the chart; the rest are summed as "other". */
    public static final int MAX_SERIES = 7;
    public static final String OTHER = "other";

    private final SpendQuery query;
    private final Executor background;
    private final Consumer<Runnable> fx;
    private final AtomicLong generation = new AtomicLong();

    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObjectProperty<Dimension> stackBy = new SimpleObjectProperty<>(Dimension.of(Dimension.Kind.TEAM));
    private final ObjectProperty<Dimension> grain = new SimpleObjectProperty<>(Dimension.of(Dimension.Kind.DAY));
    private final ObjectProperty<Dimension> groupBy = new SimpleObjectProperty<>(Dimension.of(Dimension.Kind.TEAM));
    private final StringProperty filter = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<SpendReport> table = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ChartData> chart = new ReadOnlyObjectWrapper<>(ChartData.EMPTY);
    private final ReadOnlyStringWrapper total = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    /**
     * The chart's data: one value per series and period (doubles: for drawing only, amounts stay exact in the
     * table).
     */
    public record ChartData(List<String> periods, List<String> series, double[][] values) {
        public static final ChartData EMPTY = new ChartData(List.of(), List.of(), new double[0][0]);
    }

    public SpendViewModel(SpendQuery query, Executor background, Consumer<Runnable> fx) {
        this.query = query;
        this.background = background;
        this.fx = fx;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public ObjectProperty<Dimension> stackByProperty() {
        return stackBy;
    }

    public ObjectProperty<Dimension> grainProperty() {
        return grain;
    }

    public ObjectProperty<Dimension> groupByProperty() {
        return groupBy;
    }

    /** {@code DIM=VALUE}, e.g. {@code team=eng} or {@code tag:env=prod}; empty for none. */
    public StringProperty filterProperty() {
        return filter;
    }

    public ReadOnlyObjectProperty<SpendReport> tableProperty() {
        return table.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ChartData> chartProperty() {
        return chart.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Starts with the ledger's whole span when no period is set yet. */
    public void refresh() {
        long gen = generation.incrementAndGet();
        LocalDate f = from.get(), t = to.get();
        Dimension stack = stackBy.get(), g = grain.get(), group = groupBy.get();
        String filterText = filter.get();
        background.execute(() -> {
            try {
                Map<Dimension, String> filters = parseFilter(filterText);
                LocalDate f2 = f, t2 = t;
                if (f2 == null && t2 == null) {
                    LocalDate[] span = query.span();
                    if (span != null) {
                        f2 = span[0];
                        t2 = span[1];
                    }
                }
                SpendReport tableReport = query.report(f2, t2, List.of(group), filters);
                SpendReport chartReport = query.report(f2, t2, List.of(g, stack), filters);
                ChartData data = chartData(chartReport);
                LocalDate from2 = f2, to2 = t2;
                fx.accept(() -> {
                    if (gen != generation.get()) {
                        return; // a newer request is on its way
                    }
                    if (f == null && t == null && from2 != null) {
                        from.set(from2);
                        to.set(to2);
                    }
                    table.set(tableReport);
                    chart.set(data);
                    total.set(Usd.format(tableReport.total().cost()) + " over " + String.format("%,d", tableReport.total().requests()) + " requests");
                    error.set("");
                });
            } catch (Exception e) {
                fx.accept(() -> error.set(e.getMessage() == null ? e.toString() : e.getMessage()));
            }
        });
    }

    static Map<Dimension, String> parseFilter(String text) {
        Map<Dimension, String> filters = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return filters;
        }
        for (String part : text.split(",")) {
            int eq = part.lastIndexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("filter: expected DIM=VALUE such as team=eng, got '" + part.strip() + "'");
            }
            filters.put(Dimension.parse(part.substring(0, eq)), part.substring(eq + 1).strip());
        }
        return filters;
    }

    /** Periods in order; the {@link #MAX_SERIES} costliest series, the rest as "other". */
    static ChartData chartData(SpendReport r) {
        Map<String, BigDecimal> bySeries = new HashMap<>();
        TreeSet<String> periods = new TreeSet<>();
        for (ReportRow row : r.rows()) {
            periods.add(row.keys().get(0));
            bySeries.merge(row.keys().get(1), row.cost(), BigDecimal::add);
        }
        List<String> series = new ArrayList<>(bySeries.keySet());
        series.sort(Comparator.comparing((String s) -> bySeries.get(s)).reversed().thenComparing(Comparator.naturalOrder()));
        boolean other = series.size() > MAX_SERIES;
        List<String> shown = new ArrayList<>(series.subList(0, Math.min(series.size(), other ? MAX_SERIES - 1 : MAX_SERIES)));
        if (other) {
            shown.add(OTHER);
        }
        List<String> periodList = new ArrayList<>(periods);
        Map<String, Integer> periodIndex = new HashMap<>();
        for (int i = 0; i < periodList.size(); i++) {
            periodIndex.put(periodList.get(i), i);
        }
        double[][] values = new double[shown.size()][periodList.size()];
        for (ReportRow row : r.rows()) {
            int s = shown.indexOf(row.keys().get(1));
            if (s < 0) {
                s = shown.size() - 1; // other
            }
            values[s][periodIndex.get(row.keys().get(0))] += row.cost().doubleValue();
        }
        return new ChartData(periodList, shown, values);
    }
}

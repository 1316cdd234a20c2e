package com.aifinops.workbench.views.spend;

import com.aifinops.workbench.model.Usd;
import com.aifinops.workbench.model.analysis.Dimension;
import com.aifinops.workbench.model.analysis.ReportRow;
import com.aifinops.workbench.model.analysis.SpendQuery;
import com.aifinops.workbench.model.analysis.SpendReport;
import com.aifinops.workbench.model.analysis.SpendRows;
import com.aifinops.workbench.model.analysis.SpendRowsQuery;
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
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import com.aifinops.workbench.views.common.Loading;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * State of the Spend screen: the period, what the chart stacks by and at which grain, what the table groups by, an
 * optional filter; and the last results. {@link #refresh} queries on {@code background} and publishes through
 * {@code fx} (latest request wins), so the screen never waits on the database. The {@code drill…} methods fetch the
 * ledger rows behind a figure of the shown result (a bar segment, a table row) into {@link #rowsProperty}.
 */
public final class SpendViewModel {
    /** Series shown in the chart; the rest are summed as "other". */
    public static final int MAX_SERIES = 7;
    public static final String OTHER = "other";

    private final SpendQuery query;
    private final SpendRowsQuery rowsQuery;
    private final Executor background;
    private final Consumer<Runnable> fx;
    private final Loading loading;
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
    private final ReadOnlyObjectWrapper<Drill> rows = new ReadOnlyObjectWrapper<>();
    private final AtomicLong drillGeneration = new AtomicLong();
    /** What the shown result was asked with: the drill-downs read it, not the filters being edited. */
    private Shown shown;

    /** The request behind the shown chart and table, its period resolved. */
    private record Shown(LocalDate from, LocalDate to, Dimension stack, Dimension grain, Dimension group,
                         Map<Dimension, String> filters, ChartData chart) {
    }

    /**
     * Rows behind a figure: the figure as the report showed it (exact; null when the drill-down did not start from
     * one) and the rows, whose filter says what was clicked.
     */
    public record Drill(BigDecimal figure, SpendRows rows) {
    }

    /**
     * The chart's data: one value per series and period (doubles: for drawing only, amounts stay exact in the
     * table).
     */
    public record ChartData(List<String> periods, List<String> series, double[][] values, BigDecimal[][] costs, boolean hasOther) {
        public static final ChartData EMPTY = new ChartData(List.of(), List.of(), new double[0][0], new BigDecimal[0][0], false);

        /** The exact cost of one bar segment (zero when the series has none in that period). */
        public BigDecimal cost(String period, String series) {
            int s = series().indexOf(series), p = periods.indexOf(period);
            return s < 0 || p < 0 || costs[s][p] == null ? BigDecimal.ZERO : costs[s][p];
        }
    }

    /** Without rows (a query that cannot list them): the drill-downs say so. */
    public SpendViewModel(SpendQuery query, Executor background, Consumer<Runnable> fx) {
        this(query, query instanceof SpendRowsQuery r ? r : null, background, fx);
    }

    public SpendViewModel(SpendQuery query, SpendRowsQuery rowsQuery, Executor background, Consumer<Runnable> fx) {
        this.query = query;
        this.rowsQuery = rowsQuery;
        this.background = background;
        this.fx = fx;
        this.loading = new Loading(background, fx);
    }

    /** The last rows fetched by a drill-down (null before the first). */
    public ReadOnlyObjectProperty<Drill> rowsProperty() {
        return rows.getReadOnlyProperty();
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

    /** True while a refresh is running. */
    public javafx.beans.property.ReadOnlyBooleanProperty loadingProperty() {
        return loading.activeProperty();
    }

    /** Starts with the ledger's whole span when no period is set yet. */
    public void refresh() {
        long gen = generation.incrementAndGet();
        LocalDate f = from.get(), t = to.get();
        Dimension stack = stackBy.get(), g = grain.get(), group = groupBy.get();
        String filterText = filter.get();
        loading.execute(() -> {
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
                    shown = new Shown(from2, to2, stack, g, group, filters, data);
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
        BigDecimal[][] costs = new BigDecimal[shown.size()][periodList.size()];
        for (ReportRow row : r.rows()) {
            int s = other ? shown.subList(0, shown.size() - 1).indexOf(row.keys().get(1)) : shown.indexOf(row.keys().get(1));
            if (s < 0) {
                s = shown.size() - 1; // other
            }
            int p = periodIndex.get(row.keys().get(0));
            costs[s][p] = costs[s][p] == null ? row.cost() : costs[s][p].add(row.cost());
            values[s][p] = costs[s][p].doubleValue();
        }
        return new ChartData(periodList, shown, values, costs, other);
    }

    /**
     * The rows behind one bar segment of the shown chart: its period (a day, or a month clipped to the shown
     * period) and its series, under the shown filter. The "other" segment is every series but the ones drawn.
     */
    public void drillChart(String period, String series) {
        Shown s = shown;
        if (s == null) {
            return;
        }
        LocalDate[] days = period(s, s.grain(), period);
        Map<Dimension, String> equal = new LinkedHashMap<>(s.filters());
        Map<Dimension, Set<String>> excluded = new LinkedHashMap<>();
        if (s.chart().hasOther() && series.equals(OTHER)) {
            excluded.put(s.stack(), Set.copyOf(s.chart().series().subList(0, s.chart().series().size() - 1)));
        } else {
            equal.put(s.stack(), series);
        }
        drill(s.chart().cost(period, series),
                new SpendRows.Filter(days[0], days[1], equal, excluded));
    }

    /** The rows behind one row of the shown table (its group's value over the shown period and filter). */
    public void drillTable(ReportRow row) {
        Shown s = shown;
        if (s == null || row == null) {
            return;
        }
        String value = row.keys().get(0);
        Map<Dimension, String> equal = new LinkedHashMap<>(s.filters());
        LocalDate[] days = {s.from(), s.to()};
        if (s.group().kind() == Dimension.Kind.MONTH || s.group().kind() == Dimension.Kind.DAY) {
            days = period(s, s.group(), value);
        } else {
            equal.put(s.group(), value);
        }
        drill(row.cost(), new SpendRows.Filter(days[0], days[1], equal, Map.of()));
    }

    /** Every row of the shown period and filter (the total line's figure). */
    public void drillShown() {
        Shown s = shown;
        if (s != null) {
            drill(null, new SpendRows.Filter(s.from(), s.to(), s.filters(), Map.of()));
        }
    }

    /** The rows of a period and a filter text such as {@code agent=triage} (a dashboard item). */
    public void drill(LocalDate from, LocalDate to, String filterText) {
        Map<Dimension, String> filters;
        try {
            filters = parseFilter(filterText);
        } catch (RuntimeException e) {
            error.set(e.getMessage());
            return;
        }
        drill(null, new SpendRows.Filter(from, to, filters, Map.of()));
    }

    private void drill(BigDecimal figure, SpendRows.Filter filter) {
        if (rowsQuery == null) {
            error.set("This ledger cannot list its rows");
            return;
        }
        long gen = drillGeneration.incrementAndGet();
        background.execute(() -> {
            try {
                SpendRows found = rowsQuery.rows(filter, SpendRows.LIMIT);
                fx.accept(() -> {
                    if (gen == drillGeneration.get()) {
                        rows.set(new Drill(figure, found));
                    }
                });
            } catch (Exception e) {
                fx.accept(() -> error.set(e.getMessage() == null ? e.toString() : e.getMessage()));
            }
        });
    }

    /** The days a period label of {@code grain} covers, clipped to the shown period. */
    private static LocalDate[] period(Shown s, Dimension grain, String label) {
        LocalDate first, last;
        if (grain.kind() == Dimension.Kind.MONTH) {
            YearMonth m = YearMonth.parse(label);
            first = m.atDay(1);
            last = m.atEndOfMonth();
        } else {
            first = LocalDate.parse(label);
            last = first;
        }
        if (s.from() != null && first.isBefore(s.from())) {
            first = s.from();
        }
        if (s.to() != null && last.isAfter(s.to())) {
            last = s.to();
        }
        return new LocalDate[]{first, last};
    }
}

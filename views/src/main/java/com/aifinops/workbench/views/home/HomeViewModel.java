package com.aifinops.workbench.views.home;

import com.aifinops.workbench.model.analysis.Anomaly;
import com.aifinops.workbench.model.analysis.Dashboard;
import com.aifinops.workbench.model.analysis.DashboardQuery;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * State of the home screen: the last {@link Dashboard} and where each tile leads. {@link #refresh} queries on
 * {@code background} and publishes through {@code fx} (latest request wins); a click hands a {@link Link} to the
 * app's navigation, which opens the Spend screen on that period and filter.
 */
public final class HomeViewModel {
    private final DashboardQuery query;
    private final Executor background;
    private final Consumer<Runnable> fx;
    private final Consumer<Link> navigate;
    private final AtomicLong generation = new AtomicLong();
    private final ReadOnlyObjectWrapper<Dashboard> dashboard = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);

    /**
     * Where a tile leads: the Spend screen over {@code from}…{@code to} with {@code filter} ({@code DIM=VALUE} as the
     * Spend screen takes it, empty for none); with {@code rows}, the ledger rows behind it open on top.
     */
    public record Link(String screen, LocalDate from, LocalDate to, String filter, boolean rows) {
        public Link(String screen, LocalDate from, LocalDate to, String filter) {
            this(screen, from, to, filter, false);
        }

        public static Link spend(LocalDate from, LocalDate to, String filter) {
            return new Link("spend", from, to, filter == null ? "" : filter);
        }

        /** The Spend screen on that period and filter, and its rows. */
        public static Link rows(LocalDate from, LocalDate to, String filter) {
            return new Link("spend", from, to, filter == null ? "" : filter, true);
        }
    }

    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private Callable<String> sampleLoader;

    public HomeViewModel(DashboardQuery query, Executor background, Consumer<Runnable> fx, Consumer<Link> navigate) {
        this.query = query;
        this.background = background;
        this.fx = fx;
        this.navigate = navigate;
    }

    /**
     * Offers a sample ledger for an empty one: {@code loader} loads it (on the background thread) and says what it
     * did. Without it, the empty Home only points to the Imports screen.
     */
    public void offerSample(Callable<String> loader) {
        this.sampleLoader = loader;
    }

    public boolean sampleOffered() {
        return sampleLoader != null;
    }

    /** Loads the sample ledger, then shows the dashboard over it. */
    public void loadSample() {
        if (sampleLoader == null) {
            return;
        }
        loading.set(true);
        background.execute(() -> {
            try {
                String said = sampleLoader.call();
                fx.accept(() -> {
                    notice.set(said);
                    refresh();
                });
            } catch (Exception e) {
                fx.accept(() -> {
                    error.set("sample ledger: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
                    loading.set(false);
                });
            }
        });
    }

    /** What the last sample load said; empty before. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Dashboard> dashboardProperty() {
        return dashboard.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public void refresh() {
        long gen = generation.incrementAndGet();
        loading.set(true);
        background.execute(() -> {
            try {
                Dashboard d = query.dashboard(null);
                fx.accept(() -> {
                    if (gen == generation.get()) {
                        dashboard.set(d);
                        error.set("");
                        loading.set(false);
                    }
                });
            } catch (Exception e) {
                fx.accept(() -> {
                    error.set(e.getMessage() == null ? e.toString() : e.getMessage());
                    loading.set(false);
                });
            }
        });
    }

    public void open(Link link) {
        navigate.accept(link);
    }

    /** The month so far, optionally filtered. */
    public Link monthToDate(String filter) {
        Dashboard d = dashboard.get();
        return Link.spend(d.month().atDay(1), d.asOf(), filter);
    }

    /** The rows of the month so far behind one list item (a mover, an agent). */
    public Link monthToDateRows(String filter) {
        Dashboard d = dashboard.get();
        return Link.rows(d.month().atDay(1), d.asOf(), filter);
    }

    /** An anomaly's run of days, filtered to its series. */
    public static Link of(Anomaly a) {
        return Link.spend(a.date(), a.lastDate(), a.dimension() + "=" + a.key());
    }

    /** "42.5 %" from a fraction, "—" when unknown. */
    public static String percent(BigDecimal fraction) {
        return fraction == null ? "—" : fraction.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + " %";
    }
}

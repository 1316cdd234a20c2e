package com.aifinops.workbench.views.decision;

import com.aifinops.workbench.model.workbook.Workbook;
import com.aifinops.workbench.pricing.catalog.PriceCatalog;
import com.aifinops.workbench.pricing.decision.Crossover;
import com.aifinops.workbench.pricing.decision.CurvePoints;
import com.aifinops.workbench.pricing.decision.MultiYear;
import com.aifinops.workbench.pricing.decision.TcoModel;
import com.aifinops.workbench.pricing.decision.TcoOption;
import com.aifinops.workbench.pricing.decision.Tornado;
import com.aifinops.workbench.views.common.FxRecompute;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * State of the self-host vs API screen: the volume (a slider over log10 of annual tokens) and the pair of options
 * the crossover headline and tornado are about. The workbook is read again on {@link #refresh()}, so the screen
 * follows edits made in the studio. No arithmetic here: every figure comes from {@code pricing.decision}.
 */
public final class TcoViewModel {
    private static final int CURVE_POINTS = 240;

    private final Supplier<Workbook> workbook;
    private final PriceCatalog catalog;
    private final DoubleProperty volumeLog10 = new SimpleDoubleProperty();
    private final ObjectProperty<String> apiOption = new SimpleObjectProperty<>();
    private final ObjectProperty<String> hostedOption = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<TcoScreen> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();
    private final FxRecompute recompute;
    private Workbook shown;
    private TcoModel model;
    private Tornado.Result tornado;

    public TcoViewModel(Supplier<Workbook> workbook, PriceCatalog catalog, Consumer<Runnable> scheduler) {
        this.workbook = workbook;
        this.catalog = catalog;
        this.recompute = new FxRecompute(scheduler, this::recomputeNow);
        volumeLog10.addListener(o -> recompute.request());
        apiOption.addListener(o -> {
            tornado = null;
            recompute.request();
        });
        hostedOption.addListener(o -> {
            tornado = null;
            recompute.request();
        });
        refresh();
    }

    /** Reads the workbook again; a changed workbook resets the volume to its own and recomputes. */
    public void refresh() {
        Workbook wb = workbook.get();
        if (wb == shown && model != null) {
            return;
        }
        shown = wb;
        tornado = null;
        if (!wb.decisions().tco().hasOptions()) {
            model = null;
            problem.set("This workbook has no self-host vs API options yet: add a decisions.tco section "
                    + "(APIs, neoclouds, owned nodes) to the workbook file.");
            result.set(null);
            return;
        }
        try {
            model = TcoModel.of(wb, catalog);
            problem.set(null);
        } catch (IllegalArgumentException e) {
            model = null;
            problem.set(e.getMessage());
            result.set(null);
            return;
        }
        if (apiOption.get() == null || model.option(apiOption.get()).isEmpty()) {
            apiOption.set(apiNames().isEmpty() ? null : apiNames().get(0));
        }
        if (hostedOption.get() == null || model.option(hostedOption.get()).isEmpty()) {
            hostedOption.set(hostedNames().isEmpty() ? null : hostedNames().get(0));
        }
        volumeLog10.set(Math.log10(model.annualTokens()));
        recomputeNow();
    }

    /** Back to the workbook's own annual volume. */
    public void resetVolume() {
        if (model != null) {
            volumeLog10.set(Math.log10(model.annualTokens()));
        }
    }

    /** The chosen volume in whole tokens (the workbook's exactly when the slider sits on it). */
    public long volume() {
        if (model == null) {
            return 0;
        }
        long v = Math.round(Math.pow(10, volumeLog10.get()));
        return Math.abs(v - model.annualTokens()) <= Math.max(1, model.annualTokens() / 1_000_000) ? model.annualTokens() : Math.max(1, v);
    }

    public double sliderMin() {
        return model == null ? 6 : Math.log10(model.annualTokens()) - 2;
    }

    public double sliderMax() {
        return model == null ? 12 : Math.log10(model.annualTokens()) + 2;
    }

    public void recomputeNow() {
        if (model == null) {
            return;
        }
        long v = volume();
        double min = Math.pow(10, sliderMin());
        double max = Math.pow(10, sliderMax());
        Map<String, double[][]> curves = new LinkedHashMap<>();
        for (TcoOption o : model.options()) {
            curves.put(o.name(), CurvePoints.of(o.curve(), min, max, CURVE_POINTS));
        }
        Crossover selected = null;
        if (apiOption.get() != null && hostedOption.get() != null) {
            selected = model.crossover(apiOption.get(), hostedOption.get());
            if (tornado == null) {
                tornado = Tornado.of(shown, catalog, apiOption.get(), hostedOption.get());
            }
        }
        result.set(new TcoScreen(model, v, model.at(v), model.crossovers(), selected, curves, min, max, tornado,
                MultiYear.project(model, v)));
    }

    public List<String> apiNames() {
        return model == null ? List.of() : model.options().stream().filter(o -> !o.selfHosted()).map(TcoOption::name).toList();
    }

    public List<String> hostedNames() {
        return model == null ? List.of() : model.options().stream().filter(TcoOption::selfHosted).map(TcoOption::name).toList();
    }

    public DoubleProperty volumeLog10Property() { return volumeLog10; }
    public ObjectProperty<String> apiOptionProperty() { return apiOption; }
    public ObjectProperty<String> hostedOptionProperty() { return hostedOption; }
    public ReadOnlyObjectProperty<TcoScreen> resultProperty() { return result.getReadOnlyProperty(); }
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
}

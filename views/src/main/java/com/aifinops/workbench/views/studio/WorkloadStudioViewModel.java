package com.aifinops.workbench.views.studio;

import com.aifinops.workbench.model.price.ModelPrice;
import com.aifinops.workbench.model.workload.Workload;
import com.aifinops.workbench.pricing.catalog.PriceCatalog;
import com.aifinops.workbench.pricing.engine.WorkloadCostCalculator;
import com.aifinops.workbench.views.common.FxRecompute;
import javafx.beans.Observable;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * State of the workload editor. Inputs are JavaFX properties the view binds to; every change requests
 * one coalesced recompute that publishes a single immutable {@link StudioResult}. No arithmetic here:
 * the cost comes from {@link WorkloadCostCalculator}.
 */
public final class WorkloadStudioViewModel {
    private final PriceCatalog catalog;
    private final List<String> compareModels;
    private final StringProperty name = new SimpleStringProperty();
    private final ObjectProperty<BigDecimal> users = new SimpleObjectProperty<>();
    private final ObjectProperty<BigDecimal> requestsPerUserPerDay = new SimpleObjectProperty<>();
    private final ObjectProperty<BigDecimal> inputTokens = new SimpleObjectProperty<>();
    private final ObjectProperty<BigDecimal> outputTokens = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> daysPerMonth = new SimpleObjectProperty<>();
    private final ObjectProperty<ModelPrice> model = new SimpleObjectProperty<>();
    private final DoubleProperty cacheHitPercent = new SimpleDoubleProperty();
    private final DoubleProperty overhead = new SimpleDoubleProperty();
    private final ReadOnlyObjectWrapper<StudioResult> result = new ReadOnlyObjectWrapper<>();
    private final FxRecompute recompute;

    public WorkloadStudioViewModel(PriceCatalog catalog, List<String> compareModels, Consumer<Runnable> scheduler) {
        this.catalog = catalog;
        this.compareModels = List.copyOf(compareModels);
        this.recompute = new FxRecompute(scheduler, this::recomputeNow);
        Observable[] inputs = {name, users, requestsPerUserPerDay, inputTokens, outputTokens, daysPerMonth, model,
                cacheHitPercent, overhead};
        for (Observable o : inputs) {
            o.addListener(x -> recompute.request());
        }
    }

    /** Loads a workload into the editor; the result is published on the next recompute. */
    public void load(Workload w) {
        name.set(w.name());
        users.set(w.users());
        requestsPerUserPerDay.set(w.requestsPerUserPerDay());
        inputTokens.set(w.inputTokens());
        outputTokens.set(w.outputTokens());
        daysPerMonth.set(w.daysPerMonth());
        model.set(catalog.find(w.modelId()).orElseThrow(
                () -> new IllegalArgumentException("model not in catalogue: " + w.modelId())));
        cacheHitPercent.set(w.cacheHitRate().movePointRight(2).doubleValue());
        overhead.set(w.overhead().doubleValue());
    }

    /**
     * The workload the inputs describe. Slider doubles become exact decimals here, once: the cache hit rate
     * to a hundredth of a percent, the overhead to a hundredth.
     */
    public Workload workload() {
        BigDecimal h = BigDecimal.valueOf(cacheHitPercent.get()).setScale(2, RoundingMode.HALF_UP).movePointLeft(2);
        BigDecimal ovr = BigDecimal.valueOf(overhead.get()).setScale(2, RoundingMode.HALF_UP);
        return new Workload(name.get(), users.get(), requestsPerUserPerDay.get(), inputTokens.get(), outputTokens.get(),
                h.max(BigDecimal.ZERO).min(BigDecimal.ONE), ovr, daysPerMonth.get(), model.get().id());
    }

    /** Evaluates now and publishes the result; normally reached through the coalescing scheduler. */
    public void recomputeNow() {
        if (model.get() == null || users.get() == null || requestsPerUserPerDay.get() == null
                || inputTokens.get() == null || outputTokens.get() == null || daysPerMonth.get() == null) {
            return;
        }
        result.set(StudioResult.of(workload(), modelsToCompare()));
    }

    private List<ModelPrice> modelsToCompare() {
        Set<ModelPrice> models = new LinkedHashSet<>();
        models.add(model.get());
        compareModels.forEach(id -> catalog.find(id).ifPresent(models::add));
        return new ArrayList<>(models);
    }

    public List<ModelPrice> availableModels() {
        return catalog.all();
    }

    public StringProperty nameProperty() { return name; }
    public ObjectProperty<BigDecimal> usersProperty() { return users; }
    public ObjectProperty<BigDecimal> requestsPerUserPerDayProperty() { return requestsPerUserPerDay; }
    public ObjectProperty<BigDecimal> inputTokensProperty() { return inputTokens; }
    public ObjectProperty<BigDecimal> outputTokensProperty() { return outputTokens; }
    public ObjectProperty<Integer> daysPerMonthProperty() { return daysPerMonth; }
    public ObjectProperty<ModelPrice> modelProperty() { return model; }
    public DoubleProperty cacheHitPercentProperty() { return cacheHitPercent; }
    public DoubleProperty overheadProperty() { return overhead; }
    public ReadOnlyObjectProperty<StudioResult> resultProperty() { return result.getReadOnlyProperty(); }
}

package com.aifinops.workbench.views.studio;

import com.aifinops.workbench.model.price.ModelPrice;
import com.aifinops.workbench.model.workload.Conversation;
import com.aifinops.workbench.model.workload.Outcome;
import com.aifinops.workbench.model.workload.OverheadParts;
import com.aifinops.workbench.model.workload.VolumeBasis;
import com.aifinops.workbench.model.workload.Workload;
import com.aifinops.workbench.pricing.catalog.PriceCatalog;
import com.aifinops.workbench.pricing.engine.WorkloadCostCalculator;
import com.aifinops.workbench.views.common.FxRecompute;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
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
    // the fields beyond the original nine
    private final ObjectProperty<VolumeBasis> volume = new SimpleObjectProperty<>(VolumeBasis.USERS_PER_DAY);
    private final ObjectProperty<BigDecimal> monthlyRequests = new SimpleObjectProperty<>(BigDecimal.ZERO);
    private final ObjectProperty<BigDecimal> conversationsPerMonth = new SimpleObjectProperty<>(BigDecimal.ZERO);
    private final ObjectProperty<BigDecimal> turns = new SimpleObjectProperty<>(BigDecimal.ONE);
    private final ObjectProperty<BigDecimal> systemPromptTokens = new SimpleObjectProperty<>(BigDecimal.ZERO);
    private final ObjectProperty<BigDecimal> userTokensPerTurn = new SimpleObjectProperty<>(BigDecimal.ZERO);
    private final ObjectProperty<BigDecimal> answerTokensPerTurn = new SimpleObjectProperty<>(BigDecimal.ZERO);
    private final ObjectProperty<Conversation.HistoryCap> historyCap = new SimpleObjectProperty<>(Conversation.HistoryCap.NONE);
    private final ObjectProperty<BigDecimal> windowTurns = new SimpleObjectProperty<>(BigDecimal.ZERO);
    private final ObjectProperty<BigDecimal> summaryTrigger = new SimpleObjectProperty<>(BigDecimal.ZERO);
    private final ObjectProperty<BigDecimal> summaryTokens = new SimpleObjectProperty<>(BigDecimal.ZERO);
    private final ObjectProperty<BigDecimal> reasoningTokens = new SimpleObjectProperty<>(BigDecimal.ZERO);
    private final ObjectProperty<BigDecimal> batchShare = new SimpleObjectProperty<>(BigDecimal.ZERO);
    private final BooleanProperty overheadAsParts = new SimpleBooleanProperty();
    private final ObjectProperty<BigDecimal> retries = new SimpleObjectProperty<>(BigDecimal.ZERO);
    private final ObjectProperty<BigDecimal> evalTraffic = new SimpleObjectProperty<>(BigDecimal.ZERO);
    private final ObjectProperty<BigDecimal> agentLoops = new SimpleObjectProperty<>(BigDecimal.ZERO);
    private final ObjectProperty<BigDecimal> observability = new SimpleObjectProperty<>(BigDecimal.ZERO);
    private final BooleanProperty partsMultiply = new SimpleBooleanProperty(true);
    private final StringProperty outcomeUnit = new SimpleStringProperty("");
    private final ObjectProperty<BigDecimal> outcomesPerMonth = new SimpleObjectProperty<>(BigDecimal.ZERO);
    private final StringProperty problem = new SimpleStringProperty("");
    private BigDecimal spendSigma;

    public WorkloadStudioViewModel(PriceCatalog catalog, List<String> compareModels, Consumer<Runnable> scheduler) {
        this.catalog = catalog;
        this.compareModels = List.copyOf(compareModels);
        this.recompute = new FxRecompute(scheduler, this::recomputeNow);
        Observable[] inputs = {name, users, requestsPerUserPerDay, inputTokens, outputTokens, daysPerMonth, model,
                cacheHitPercent, overhead, volume, monthlyRequests, conversationsPerMonth, turns, systemPromptTokens,
                userTokensPerTurn, answerTokensPerTurn, historyCap, windowTurns, summaryTrigger, summaryTokens,
                reasoningTokens, batchShare, overheadAsParts, retries, evalTraffic, agentLoops, observability,
                partsMultiply, outcomeUnit, outcomesPerMonth};
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
        volume.set(w.volume());
        monthlyRequests.set(w.monthlyRequests());
        Conversation c = w.conversation();
        conversationsPerMonth.set(c == null ? BigDecimal.ZERO : c.conversationsPerMonth());
        turns.set(c == null ? BigDecimal.ONE : BigDecimal.valueOf(c.turns()));
        systemPromptTokens.set(c == null ? BigDecimal.ZERO : c.systemPromptTokens());
        userTokensPerTurn.set(c == null ? BigDecimal.ZERO : c.userTokensPerTurn());
        answerTokensPerTurn.set(c == null ? BigDecimal.ZERO : c.outputTokensPerTurn());
        historyCap.set(c == null ? Conversation.HistoryCap.NONE : c.cap());
        windowTurns.set(c == null ? BigDecimal.ZERO : BigDecimal.valueOf(c.windowTurns()));
        summaryTrigger.set(c == null ? BigDecimal.ZERO : c.summaryTriggerTokens());
        summaryTokens.set(c == null ? BigDecimal.ZERO : c.summaryTokens());
        reasoningTokens.set(w.reasoningTokens());
        batchShare.set(w.batchShare());
        OverheadParts parts = w.overheadParts();
        overheadAsParts.set(parts != null);
        retries.set(parts == null ? BigDecimal.ZERO : parts.retries());
        evalTraffic.set(parts == null ? BigDecimal.ZERO : parts.evalTraffic());
        agentLoops.set(parts == null ? BigDecimal.ZERO : parts.agentLoops());
        observability.set(parts == null ? BigDecimal.ZERO : parts.observability());
        partsMultiply.set(parts == null || parts.multiplicative());
        outcomeUnit.set(w.outcome() == null ? "" : w.outcome().unit());
        outcomesPerMonth.set(w.outcome() == null ? BigDecimal.ZERO : w.outcome().outcomesPerMonth());
        spendSigma = w.spendSigma();
    }

    /**
     * The workload the inputs describe. Slider doubles become exact decimals here, once: the cache hit rate
     * to a hundredth of a percent, the overhead to a hundredth.
     */
    public Workload workload() {
        BigDecimal h = BigDecimal.valueOf(cacheHitPercent.get()).setScale(2, RoundingMode.HALF_UP).movePointLeft(2);
        BigDecimal ovr = BigDecimal.valueOf(overhead.get()).setScale(2, RoundingMode.HALF_UP);
        Conversation c = null;
        if (volume.get() == VolumeBasis.CONVERSATIONS || conversationsPerMonth.get().signum() > 0) {
            c = new Conversation(conversationsPerMonth.get(), Math.max(1, turns.get().intValue()), systemPromptTokens.get(),
                    userTokensPerTurn.get(), answerTokensPerTurn.get(), historyCap.get(), windowTurns.get().intValue(),
                    summaryTrigger.get(), summaryTokens.get());
        }
        OverheadParts parts = overheadAsParts.get()
                ? new OverheadParts(retries.get(), evalTraffic.get(), agentLoops.get(), observability.get(), partsMultiply.get())
                : null;
        Outcome outcome = outcomeUnit.get() == null || outcomeUnit.get().isBlank() ? null
                : new Outcome(outcomeUnit.get().trim(), outcomesPerMonth.get());
        return new Workload(name.get(), users.get(), requestsPerUserPerDay.get(), inputTokens.get(), outputTokens.get(),
                h.max(BigDecimal.ZERO).min(BigDecimal.ONE), ovr, daysPerMonth.get(), model.get().id(),
                volume.get(), monthlyRequests.get(), c, reasoningTokens.get(), batchShare.get().min(BigDecimal.ONE), parts,
                outcome, spendSigma);
    }

    /** Evaluates now and publishes the result; normally reached through the coalescing scheduler. */
    public void recomputeNow() {
        if (model.get() == null || users.get() == null || requestsPerUserPerDay.get() == null
                || inputTokens.get() == null || outputTokens.get() == null || daysPerMonth.get() == null) {
            return;
        }
        Workload w;
        try {
            w = workload();
            problem.set("");
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage()); // e.g. a summary cap whose summary is longer than its trigger
            return;
        }
        if (w.overheadParts() != null && Math.abs(overhead.get() - w.overhead().doubleValue()) > 1e-9) {
            overhead.set(w.overhead().doubleValue()); // the slider shows what the parts amount to
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
    public ObjectProperty<VolumeBasis> volumeProperty() { return volume; }
    public ObjectProperty<BigDecimal> monthlyRequestsProperty() { return monthlyRequests; }
    public ObjectProperty<BigDecimal> conversationsPerMonthProperty() { return conversationsPerMonth; }
    public ObjectProperty<BigDecimal> turnsProperty() { return turns; }
    public ObjectProperty<BigDecimal> systemPromptTokensProperty() { return systemPromptTokens; }
    public ObjectProperty<BigDecimal> userTokensPerTurnProperty() { return userTokensPerTurn; }
    public ObjectProperty<BigDecimal> answerTokensPerTurnProperty() { return answerTokensPerTurn; }
    public ObjectProperty<Conversation.HistoryCap> historyCapProperty() { return historyCap; }
    public ObjectProperty<BigDecimal> windowTurnsProperty() { return windowTurns; }
    public ObjectProperty<BigDecimal> summaryTriggerProperty() { return summaryTrigger; }
    public ObjectProperty<BigDecimal> summaryTokensProperty() { return summaryTokens; }
    public ObjectProperty<BigDecimal> reasoningTokensProperty() { return reasoningTokens; }
    public ObjectProperty<BigDecimal> batchShareProperty() { return batchShare; }
    public BooleanProperty overheadAsPartsProperty() { return overheadAsParts; }
    public ObjectProperty<BigDecimal> retriesProperty() { return retries; }
    public ObjectProperty<BigDecimal> evalTrafficProperty() { return evalTraffic; }
    public ObjectProperty<BigDecimal> agentLoopsProperty() { return agentLoops; }
    public ObjectProperty<BigDecimal> observabilityProperty() { return observability; }
    public BooleanProperty partsMultiplyProperty() { return partsMultiply; }
    public StringProperty outcomeUnitProperty() { return outcomeUnit; }
    public ObjectProperty<BigDecimal> outcomesPerMonthProperty() { return outcomesPerMonth; }
    /** Why the inputs do not describe a workload right now (empty when they do). */
    public StringProperty problemProperty() { return problem; }
    public PriceCatalog catalog() { return catalog; }
    public List<String> compareModels() { return compareModels; }
}

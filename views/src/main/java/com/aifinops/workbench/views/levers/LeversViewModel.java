package com.aifinops.workbench.views.levers;

import com.aifinops.workbench.model.levers.Levers;
import com.aifinops.workbench.model.price.ModelPrice;
import com.aifinops.workbench.model.workload.Workload;
import com.aifinops.workbench.pricing.engine.WorkbookCosts;
import com.aifinops.workbench.pricing.levers.LeverStack;
import com.aifinops.workbench.views.studio.StudioSession;
import javafx.beans.Observable;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The cost levers of the selected workload and their waterfall. Prompt caching uses the workload's own cache
 * hit rate (the studio's cache slider); the other levers are stored in the workbook's {@code levers} section.
 * Without stored levers the workload's own batch share is the batch lever, so the optimised cost equals the
 * studio's figure until a lever moves.
 */
public final class LeversViewModel {
    private final StudioSession session;
    private final DoubleProperty semanticPercent = new SimpleDoubleProperty();
    private final ObjectProperty<BigDecimal> lookupCost = new SimpleObjectProperty<>(BigDecimal.ZERO);
    private final DoubleProperty trimPercent = new SimpleDoubleProperty();
    private final ObjectProperty<BigDecimal> outputCap = new SimpleObjectProperty<>(BigDecimal.ZERO);
    private final DoubleProperty prefixPercent = new SimpleDoubleProperty(100);
    private final ObjectProperty<BigDecimal> writePremium = new SimpleObjectProperty<>(BigDecimal.ONE);
    private final DoubleProperty batchPercent = new SimpleDoubleProperty();
    private final DoubleProperty batchDiscountPercent = new SimpleDoubleProperty(50);
    private final ReadOnlyObjectWrapper<LeverStack.Waterfall> waterfall = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Levers> levers = new ReadOnlyObjectWrapper<>();
    private boolean loading;
    private int loadedIndex = -1;
    private String loadedFor;

    public LeversViewModel(StudioSession session) {
        this.session = session;
        Observable[] inputs = {semanticPercent, lookupCost, trimPercent, outputCap, prefixPercent, writePremium, batchPercent,
                batchDiscountPercent};
        for (Observable o : inputs) {
            o.addListener(x -> {
                if (!loading) {
                    compute(true);
                }
            });
        }
        session.stateProperty().addListener((o, old, s) -> {
            Workload w = session.selectedWorkload();
            Levers stored = session.leversFor(w);
            if (s.selected() != loadedIndex || !w.name().equals(loadedFor)
                    || (stored != null && !stored.equals(current(w))) || (stored == null && levers.get() != null && old != null
                    && old.workbook().levers().size() != s.workbook().levers().size())) {
                load();
            } else {
                compute(false);
            }
        });
        load();
    }

    private void load() {
        loading = true;
        try {
            Workload w = session.selectedWorkload();
            loadedIndex = session.selected();
            loadedFor = w.name();
            Levers l = Optional.ofNullable(session.leversFor(w)).orElse(LeverStack.implied(w));
            semanticPercent.set(pct(l.semanticCacheShare()));
            lookupCost.set(l.semanticLookupCostPerCall());
            trimPercent.set(pct(l.promptTrimShare()));
            outputCap.set(l.outputCapTokens() == null ? BigDecimal.ZERO : l.outputCapTokens());
            prefixPercent.set(pct(l.prefixShare()));
            writePremium.set(l.cacheWritePremium());
            batchPercent.set(pct(l.batchShare()));
            batchDiscountPercent.set(pct(l.batchDiscount()));
        } finally {
            loading = false;
        }
        compute(false);
    }

    private static double pct(BigDecimal share) {
        return share.movePointRight(2).doubleValue();
    }

    private static BigDecimal share(DoubleProperty percent) {
        return BigDecimal.valueOf(percent.get()).setScale(2, RoundingMode.HALF_UP).movePointLeft(2)
                .max(BigDecimal.ZERO).min(BigDecimal.ONE);
    }

    /** The levers the controls show, with the workload's own cache hit rate. */
    public Levers current(Workload w) {
        BigDecimal cap = outputCap.get() == null || outputCap.get().signum() == 0 ? null : outputCap.get();
        return new Levers(w.name(), w.cacheHitRate(), share(prefixPercent), writePremium.get(), share(semanticPercent),
                lookupCost.get(), share(batchPercent), share(batchDiscountPercent), cap, share(trimPercent));
    }

    private void compute(boolean store) {
        Workload w = session.selectedWorkload();
        Optional<ModelPrice> m = WorkbookCosts.catalogFor(session.workbook(), session.editor().catalog()).find(w.modelId());
        if (m.isEmpty()) {
            waterfall.set(null);
            return;
        }
        Levers l = current(w);
        levers.set(l);
        waterfall.set(LeverStack.waterfall(w, m.get().prices(), l));
        if (store && !l.equals(session.leversFor(w))) {
            session.setLevers(l);
        }
    }

    public DoubleProperty semanticPercentProperty() { return semanticPercent; }
    public ObjectProperty<BigDecimal> lookupCostProperty() { return lookupCost; }
    public DoubleProperty trimPercentProperty() { return trimPercent; }
    public ObjectProperty<BigDecimal> outputCapProperty() { return outputCap; }
    public DoubleProperty prefixPercentProperty() { return prefixPercent; }
    public ObjectProperty<BigDecimal> writePremiumProperty() { return writePremium; }
    public DoubleProperty batchPercentProperty() { return batchPercent; }
    public DoubleProperty batchDiscountPercentProperty() { return batchDiscountPercent; }
    public ReadOnlyObjectProperty<LeverStack.Waterfall> waterfallProperty() { return waterfall.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Levers> leversProperty() { return levers.getReadOnlyProperty(); }
}

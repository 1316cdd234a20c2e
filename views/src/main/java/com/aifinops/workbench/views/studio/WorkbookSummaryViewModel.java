package com.aifinops.workbench.views.studio;

import com.aifinops.workbench.model.price.ModelPrice;
import com.aifinops.workbench.model.workbook.Workbook;
import com.aifinops.workbench.model.workload.Workload;
import com.aifinops.workbench.pricing.catalog.PriceCatalog;
import com.aifinops.workbench.pricing.engine.WorkbookCosts;
import com.aifinops.workbench.pricing.engine.WorkloadCostCalculator;
import com.aifinops.workbench.pricing.sanity.SanityChecks;
import com.aifinops.workbench.pricing.sanity.SanityWarning;
import com.aifinops.workbench.views.common.FxRecompute;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Figures about the whole workbook, recomputed once per pulse after any edit: the monthly total over every
 * workload on its own model, the sanity warnings, and (only while the scenario table shows) each scenario's
 * total. Workload costs are cached by value, so a slider step on one workload of 2,000 prices one workload.
 */
public final class WorkbookSummaryViewModel {
    /**
     * @param total     Σ monthly cost of the workloads on their own models
     * @param perWorkload the exact monthly cost of each workload (null when unpriced), in workbook order
     * @param warnings  sanity warnings on the workbook and the editor
     * @param scenarios scenario totals ("as entered" first), or empty while the table is hidden
     */
    public record Summary(BigDecimal total, List<BigDecimal> perWorkload, List<SanityWarning> warnings,
                          List<WorkbookCosts.ScenarioTotal> scenarios) {
    }

    private final StudioSession session;
    private final FxRecompute recompute;
    private final BooleanProperty scenariosShown = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<Summary> summary = new ReadOnlyObjectWrapper<>();
    private Map<Workload, BigDecimal> cache = new HashMap<>();
    private PriceCatalog cachedCatalog;
    private Workbook cachedFor;

    public WorkbookSummaryViewModel(StudioSession session, Consumer<Runnable> scheduler) {
        this.session = session;
        this.recompute = new FxRecompute(scheduler, this::recomputeNow);
        session.stateProperty().addListener(o -> recompute.request());
        session.editor().problemProperty().addListener(o -> recompute.request());
        scenariosShown.addListener(o -> recompute.request());
        recomputeNow();
    }

    public void recomputeNow() {
        Workbook wb = session.workbook();
        if (cachedFor == null || !cachedFor.priceRows().equals(wb.priceRows())) {
            cachedCatalog = WorkbookCosts.catalogFor(wb, session.editor().catalog());
            cache = new HashMap<>();
        }
        cachedFor = wb;
        Map<Workload, BigDecimal> next = new HashMap<>();
        List<BigDecimal> per = new ArrayList<>(wb.workloads().size());
        BigDecimal total = BigDecimal.ZERO;
        for (Workload w : wb.workloads()) {
            BigDecimal c = cache.get(w);
            if (c == null && !cache.containsKey(w)) {
                Optional<ModelPrice> m = cachedCatalog.find(w.modelId());
                c = m.map(p -> WorkloadCostCalculator.cost(w, p.prices()).monthlyCost()).orElse(null);
            }
            next.put(w, c);
            per.add(c);
            if (c != null) {
                total = total.add(c);
            }
        }
        cache = next;
        List<SanityWarning> warnings = new ArrayList<>(SanityChecks.of(wb, session.editor().catalog()));
        String problem = session.editor().problemProperty().get();
        if (problem != null && !problem.isBlank()) {
            warnings.add(0, new SanityWarning(SanityWarning.Check.INVALID_INPUT, session.editor().nameProperty().get(),
                    "not recomputed: " + problem));
        }
        summary.set(new Summary(total, per, List.copyOf(warnings),
                scenariosShown.get() ? WorkbookCosts.scenarioTotals(wb, session.editor().catalog()) : List.of()));
    }

    public BooleanProperty scenariosShownProperty() {
        return scenariosShown;
    }

    public ReadOnlyObjectProperty<Summary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}

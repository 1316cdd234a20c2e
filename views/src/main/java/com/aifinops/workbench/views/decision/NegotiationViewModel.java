package com.aifinops.workbench.views.decision;

import com.aifinops.workbench.model.workbook.Workbook;
import com.aifinops.workbench.pricing.catalog.PriceCatalog;
import com.aifinops.workbench.pricing.decision.CommitmentPlan;
import com.aifinops.workbench.pricing.decision.NegotiationBrief;
import com.aifinops.workbench.pricing.decision.WorkbookDecisions;
import com.aifinops.workbench.views.common.FxRecompute;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** State of the negotiation brief: the provider; the brief and the provider's current commitment come from pricing. */
public final class NegotiationViewModel {
    /** The brief, and the provider's first commitment evaluated (null when it has none). */
    public record Screen(NegotiationBrief.Brief brief, CommitmentPlan.Result commitment) {
    }

    private final Supplier<Workbook> workbook;
    private final PriceCatalog catalog;
    private final ObjectProperty<String> provider = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Screen> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();
    private final FxRecompute recompute;
    private Workbook shown;

    public NegotiationViewModel(Supplier<Workbook> workbook, PriceCatalog catalog, Consumer<Runnable> scheduler) {
        this.workbook = workbook;
        this.catalog = catalog;
        this.recompute = new FxRecompute(scheduler, this::recomputeNow);
        provider.addListener(o -> recompute.request());
        refresh();
    }

    public void refresh() {
        Workbook wb = workbook.get();
        if (wb == shown) {
            return;
        }
        shown = wb;
        List<String> ps = providers();
        String first = wb.decisions().negotiations().stream().map(n -> n.provider())
                .filter(p -> ps.stream().anyMatch(p::equalsIgnoreCase)).findFirst().orElse(ps.isEmpty() ? null : ps.get(0));
        if (provider.get() == null || ps.stream().noneMatch(provider.get()::equalsIgnoreCase)) {
            provider.set(first);
        }
        recomputeNow();
    }

    public List<String> providers() {
        return NegotiationBrief.providers(shown, catalog);
    }

    public void recomputeNow() {
        if (provider.get() == null) {
            result.set(null);
            problem.set("No workload of this workbook runs on a priced model.");
            return;
        }
        try {
            NegotiationBrief.Brief b = NegotiationBrief.build(shown, catalog, NegotiationBrief.inputsFor(shown, provider.get()));
            CommitmentPlan.Result c = shown.decisions().commitments().stream()
                    .filter(k -> k.provider().equalsIgnoreCase(provider.get())).findFirst()
                    .map(k -> WorkbookDecisions.commitment(shown, catalog, k)).orElse(null);
            problem.set(null);
            result.set(new Screen(b, c));
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            result.set(null);
        }
    }

    public ObjectProperty<String> providerProperty() { return provider; }
    public ReadOnlyObjectProperty<Screen> resultProperty() { return result.getReadOnlyProperty(); }
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
}

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

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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
            Screen s = compute(shown, catalog, provider.get());
            problem.set(null);
            result.set(s);
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            result.set(null);
        }
    }

    /**
     * What to say in the meeting, from the brief: the 12 months at list and contracted, the strongest and the
     * weakest alternative with the discount each needs, the safe commitment, and the commitment on the table
     * ({@code c}, may be null) against it. The screen shows these and the exports print them.
     */
    public static List<String> talkingPoints(NegotiationBrief.Brief b, CommitmentPlan.Result c) {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "Our next 12 months on %s: %s at list, %s at today's %s discount.", b.provider(),
                Figures.usdShort(b.forecastAnnualList().doubleValue()), Figures.usdShort(b.forecastAnnualContracted().doubleValue()),
                Figures.pct(b.contractedDiscount())));
        b.alternatives().stream().max(Comparator.comparing(NegotiationBrief.Alternative::discountToMatch)).ifPresent(a ->
                out.add(String.format(Locale.ROOT, "Strongest alternative: %s (%s) at %s; matching it takes %s off list.",
                        a.kind().toLowerCase(Locale.ROOT), a.label(), Figures.usdShort(a.annualCost().doubleValue()),
                        Figures.pct(a.discountToMatch()))));
        b.alternatives().stream().min(Comparator.comparing(NegotiationBrief.Alternative::discountToMatch)).ifPresent(a ->
                out.add(String.format(Locale.ROOT, "Floor: even the weakest alternative (%s) needs %s off list to match.",
                        a.kind().toLowerCase(Locale.ROOT), Figures.pct(a.discountToMatch()))));
        out.add(String.format(Locale.ROOT, "We can commit up to %s with 90 %% confidence (contracted P50 %s, P90 %s).",
                Figures.usdShort(b.safeCommitP90()), Figures.usdShort(b.p50AnnualContracted()), Figures.usdShort(b.p90AnnualContracted())));
        if (c != null) {
            boolean above = c.commitment().commitUsd().doubleValue() > b.safeCommitP90();
            out.add(String.format(Locale.ROOT, "The %s commitment on the table is %s the safe level: %s chance it is not used up.",
                    Figures.usdShort(c.commitment().commitUsd().doubleValue()), above ? "above" : "within",
                    Figures.pct(c.shortfallProbability())));
        }
        return out;
    }

    /** The brief and commitment of {@code provider} on {@code wb}, as the screen computes them. */
    public static Screen compute(Workbook wb, PriceCatalog catalog, String provider) {
        NegotiationBrief.Brief b = NegotiationBrief.build(wb, catalog, NegotiationBrief.inputsFor(wb, provider));
        CommitmentPlan.Result c = wb.decisions().commitments().stream()
                .filter(k -> k.provider().equalsIgnoreCase(provider)).findFirst()
                .map(k -> WorkbookDecisions.commitment(wb, catalog, k)).orElse(null);
        return new Screen(b, c);
    }

    public ObjectProperty<String> providerProperty() { return provider; }
    public ReadOnlyObjectProperty<Screen> resultProperty() { return result.getReadOnlyProperty(); }
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
}

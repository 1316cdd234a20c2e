package com.aifinops.workbench.views.decision;

import com.aifinops.workbench.model.decision.Commitment;
import com.aifinops.workbench.model.decision.FineTuneCase;
import com.aifinops.workbench.model.decision.ProvisionedOption;
import com.aifinops.workbench.model.decision.SeatPlan;
import com.aifinops.workbench.model.workbook.Workbook;
import com.aifinops.workbench.pricing.catalog.PriceCatalog;
import com.aifinops.workbench.pricing.decision.CommitmentPlan;
import com.aifinops.workbench.pricing.decision.FineTunePayback;
import com.aifinops.workbench.pricing.decision.NegotiationBrief;
import com.aifinops.workbench.pricing.decision.ProvisionedThroughput;
import com.aifinops.workbench.pricing.decision.SeatVsUsage;
import com.aifinops.workbench.pricing.decision.WorkbookDecisions;
import com.aifinops.workbench.views.common.FxRecompute;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * State of the commitments and provisioned-throughput screen: the provider, and the commitment level and discount
 * on the sliders (they start at the workbook's commitment and turn into exact decimals here, once: whole dollars,
 * tenths of a percent). Figures come from {@code pricing.decision}.
 */
public final class CommitmentsViewModel {
    private final Supplier<Workbook> workbook;
    private final PriceCatalog catalog;
    private final ObjectProperty<String> provider = new SimpleObjectProperty<>();
    private final DoubleProperty commitUsd = new SimpleDoubleProperty();
    private final DoubleProperty discountPercent = new SimpleDoubleProperty();
    private final ReadOnlyObjectWrapper<CommitmentsScreen> result = new ReadOnlyObjectWrapper<>();
    private final FxRecompute recompute;
    private Workbook shown;

    public CommitmentsViewModel(Supplier<Workbook> workbook, PriceCatalog catalog, Consumer<Runnable> scheduler) {
        this.workbook = workbook;
        this.catalog = catalog;
        this.recompute = new FxRecompute(scheduler, this::recomputeNow);
        provider.addListener((o, old, p) -> {
            resetSliders();
            recompute.request();
        });
        commitUsd.addListener(o -> recompute.request());
        discountPercent.addListener(o -> recompute.request());
        refresh();
    }

    public void refresh() {
        Workbook wb = workbook.get();
        if (wb == shown) {
            return;
        }
        shown = wb;
        List<String> ps = providers();
        if (provider.get() == null || !ps.contains(provider.get())) {
            provider.set(ps.isEmpty() ? null : ps.get(0));
        }
        resetSliders();
        recomputeNow();
    }

    /** Providers with provisioned options or commitments first, then the others the workloads run on. */
    public List<String> providers() {
        Set<String> out = new LinkedHashSet<>();
        shown.decisions().commitments().forEach(c -> out.add(c.provider()));
        shown.decisions().provisioned().forEach(p -> out.add(p.provider()));
        out.addAll(NegotiationBrief.providers(shown, catalog));
        out.remove("");
        return List.copyOf(out);
    }

    private Optional<Commitment> workbookCommitment() {
        return shown.decisions().commitments().stream().filter(c -> c.provider().equalsIgnoreCase(String.valueOf(provider.get()))).findFirst();
    }

    /** The sliders back at the workbook's commitment. */
    public void resetSliders() {
        if (shown == null) {
            return;
        }
        workbookCommitment().ifPresent(c -> {
            commitUsd.set(c.commitUsd().doubleValue());
            discountPercent.set(c.discount().movePointRight(2).doubleValue());
        });
    }

    /** The commitment on the sliders: whole dollars, tenths of a percent. */
    Optional<Commitment> commitment() {
        return workbookCommitment().map(c -> new Commitment(c.name(), c.provider(),
                BigDecimal.valueOf(commitUsd.get()).setScale(0, RoundingMode.HALF_UP).max(BigDecimal.ZERO),
                BigDecimal.valueOf(discountPercent.get()).setScale(1, RoundingMode.HALF_UP).movePointLeft(2)
                        .max(BigDecimal.ZERO).min(new BigDecimal("0.99")),
                c.termMonths(), c.overageAtDiscount(), c.monthlyGrowth(), c.forecastSigma(), c.forecastMonthlyListUsd()));
    }

    /** The slider's upper end: twice the term's list forecast (or twice the commitment). */
    public double commitSliderMax() {
        return workbookCommitment().map(c -> 2 * Math.max(c.commitUsd().doubleValue(),
                WorkbookDecisions.commitment(shown, catalog, c).totalList().doubleValue())).orElse(1.0);
    }

    public void recomputeNow() {
        if (shown == null || provider.get() == null) {
            result.set(null);
            return;
        }
        String p = provider.get();
        List<CommitmentsScreen.Provisioned> ptus = new ArrayList<>();
        for (ProvisionedOption o : shown.decisions().provisioned()) {
            if (o.provider().equalsIgnoreCase(p)) {
                ptus.add(provisioned(WorkbookDecisions.provisioned(shown, catalog, o)));
            }
        }
        CommitmentPlan.Result commit = commitment().map(c -> WorkbookDecisions.commitment(shown, catalog, c)).orElse(null);
        List<SeatVsUsage.Result> seats = new ArrayList<>();
        for (SeatPlan s : shown.decisions().seatPlans()) {
            seats.add(WorkbookDecisions.seats(shown, catalog, s));
        }
        List<FineTunePayback.Result> tunes = new ArrayList<>();
        for (FineTuneCase t : shown.decisions().fineTunes()) {
            tunes.add(WorkbookDecisions.fineTune(shown, catalog, t));
        }
        result.set(new CommitmentsScreen(p, List.copyOf(ptus), commit, List.copyOf(seats), List.copyOf(tunes)));
    }

    private CommitmentsScreen.Provisioned provisioned(ProvisionedThroughput.Result r) {
        double[] demand = r.demandPerMinute();
        double cap = r.capacityPerMinute();
        double[] served = new double[demand.length];
        double[] spilled = new double[demand.length];
        for (int i = 0; i < demand.length; i++) {
            served[i] = Math.min(demand[i], cap);
            spilled[i] = Math.max(0, demand[i] - cap);
        }
        int n = 19;
        double[] us = new double[n];
        double[] perMTok = new double[n];
        int days = shown.workloads().get(0).daysPerMonth();
        for (int i = 0; i < n; i++) {
            us[i] = 0.10 + 0.05 * i;
            perMTok[i] = ProvisionedThroughput.perMTokAt(r.option(), days, BigDecimal.valueOf(us[i])).doubleValue();
        }
        return new CommitmentsScreen.Provisioned(r, served, spilled, us, perMTok);
    }

    public ObjectProperty<String> providerProperty() { return provider; }
    public DoubleProperty commitUsdProperty() { return commitUsd; }
    public DoubleProperty discountPercentProperty() { return discountPercent; }
    public ReadOnlyObjectProperty<CommitmentsScreen> resultProperty() { return result.getReadOnlyProperty(); }
}

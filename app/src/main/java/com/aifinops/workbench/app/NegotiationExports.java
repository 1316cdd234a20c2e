package com.aifinops.workbench.app;

import com.aifinops.workbench.importers.export.NegotiationBriefExport;
import com.aifinops.workbench.model.decision.NegotiationFigures;
import com.aifinops.workbench.model.decision.NegotiationInputs;
import com.aifinops.workbench.model.workbook.Workbook;
import com.aifinops.workbench.pricing.catalog.PriceCatalog;
import com.aifinops.workbench.pricing.decision.CommitmentPlan;
import com.aifinops.workbench.pricing.decision.NegotiationBrief;
import com.aifinops.workbench.views.decision.NegotiationChart;
import com.aifinops.workbench.views.decision.NegotiationViewModel;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The Negotiation brief screen as files, for the window and {@code commit --xlsx/--pdf}: the brief and commitment
 * computed exactly as the screen does ({@link NegotiationViewModel#compute}), with its talking points and chart.
 */
public final class NegotiationExports {
    private NegotiationExports() {
    }

    public static void xlsx(Workbook wb, PriceCatalog catalog, String provider, LocalDate date, Path out) throws IOException {
        NegotiationBriefExport.xlsx(figures(NegotiationViewModel.compute(wb, catalog, provider), wb, date), out);
    }

    public static void pdf(Workbook wb, PriceCatalog catalog, String provider, LocalDate date, Path out) throws IOException {
        NegotiationViewModel.Screen s = NegotiationViewModel.compute(wb, catalog, provider);
        NegotiationBriefExport.pdf(figures(s, wb, date), NegotiationChart.of(s.brief()), out);
    }

    /** The screen's figures as plain values for the exporter (which may not depend on pricing). */
    public static NegotiationFigures figures(NegotiationViewModel.Screen s, Workbook wb, LocalDate date) {
        NegotiationBrief.Brief b = s.brief();
        NegotiationInputs in = NegotiationBrief.inputsFor(wb, b.provider());
        BigDecimal factor = BigDecimal.ZERO; // Σ (1+g)^m, m = 0..11, as NegotiationBrief forecasts
        for (int m = 0; m < 12; m++) {
            factor = factor.add(BigDecimal.ONE.add(in.monthlyGrowth()).pow(m));
        }
        CommitmentPlan.Result c = s.commitment();
        return new NegotiationFigures(wb.name(), b.provider(), date, in.monthlyGrowth(), in.forecastSigma(), factor,
                b.contractedDiscount(),
                b.lines().stream().map(l -> new NegotiationFigures.ModelLine(l.modelId(), l.displayName(), l.monthlyTokens(),
                        l.monthlyList(), l.monthlyContracted(), l.forecastAnnualList())).toList(),
                b.monthlyTokens(), b.monthlyList(), b.monthlyContracted(), b.forecastAnnualTokens(), b.forecastAnnualList(),
                b.forecastAnnualContracted(),
                b.alternatives().stream().map(a -> new NegotiationFigures.Alternative(a.kind(), a.label(), a.annualCost(),
                        a.discountToMatch())).toList(),
                b.p50AnnualContracted(), b.p90AnnualContracted(), b.safeCommitP90(),
                c == null ? null : new NegotiationFigures.CommitmentOnTable(c.commitment().name(), c.commitment().commitUsd(),
                        c.shortfallProbability()),
                NegotiationViewModel.talkingPoints(b, c));
    }
}

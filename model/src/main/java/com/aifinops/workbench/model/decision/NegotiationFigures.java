package com.aifinops.workbench.model.decision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The negotiation brief of one provider as computed by the pricing engine, in plain values, so an exporter that
 * may not price (importers) can write it. The base figures (per-model monthly tokens and list spend, the
 * discount, the growth, the spread, each alternative's 12-month cost) are what a spreadsheet formula starts from;
 * the derived ones (totals, 12-month forecast, discount to match) are carried as the app computed them, so a file
 * can print them and a test can check the file's formulas against them.
 *
 * @param growthFactor          Σ_{m=0..11} (1 + monthlyGrowth)^m: the 12-month forecast per unit of this month
 * @param p50AnnualContracted   Monte Carlo P50 of the contracted 12 months
 * @param p90AnnualContracted   Monte Carlo P90 of the contracted 12 months
 * @param safeCommitP90         the contracted 12-month spend reached in 90 % of futures (lognormal quantile at 0.10)
 * @param commitment            the provider's commitment on the table, or {@code null}
 * @param talkingPoints         the screen's talking points, as shown
 */
public record NegotiationFigures(String workbookName, String provider, LocalDate date, BigDecimal monthlyGrowth,
                                 BigDecimal forecastSigma, BigDecimal growthFactor, BigDecimal contractedDiscount,
                                 List<ModelLine> models, BigDecimal monthlyTokens, BigDecimal monthlyList,
                                 BigDecimal monthlyContracted, BigDecimal forecastAnnualTokens,
                                 BigDecimal forecastAnnualList, BigDecimal forecastAnnualContracted,
                                 List<Alternative> alternatives, double p50AnnualContracted, double p90AnnualContracted,
                                 double safeCommitP90, CommitmentOnTable commitment, List<String> talkingPoints) {
    public NegotiationFigures {
        Objects.requireNonNull(workbookName, "workbookName");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(date, "date");
        models = List.copyOf(models);
        alternatives = List.copyOf(alternatives);
        talkingPoints = List.copyOf(talkingPoints);
    }

    /** One model of the provider: this month's tokens and list spend, and the app's derived figures. */
    public record ModelLine(String modelId, String displayName, BigDecimal monthlyTokens, BigDecimal monthlyList,
                            BigDecimal monthlyContracted, BigDecimal forecastAnnualList) {
    }

    /** The same 12 months another way; {@code discountToMatch} = max(0, 1 − annualCost / forecast list). */
    public record Alternative(String kind, String label, BigDecimal annualCost, BigDecimal discountToMatch) {
    }

    /** A commitment offered by the provider and the chance the forecast does not use it up. */
    public record CommitmentOnTable(String name, BigDecimal commitUsd, double shortfallProbability) {
    }
}

package com.aifinops.workbench.model.decision;

import java.math.BigDecimal;
import java.util.List;

/**
 * A prepaid spend commitment with a provider: {@code commitUsd} paid for the term, consumed at list price less
 * {@code discount}. What the term does not consume is lost (shortfall); what it consumes beyond is billed as
 * overage, at the discounted rate or at list.
 *
 * @param name                   e.g. "OpenAI 12-month prepaid"
 * @param provider               the provider, matched against the price rows' provider
 * @param commitUsd              the amount paid for the term
 * @param discount               discount off list on consumption, 0..1
 * @param termMonths             length of the term; 0 reads as 12
 * @param overageAtDiscount      true when spend beyond the commitment keeps the discount, false when it is at list
 * @param monthlyGrowth          month-on-month growth of the forecast list spend (0.03 = +3 % a month)
 * @param forecastSigma          log-space spread of the forecast's uncertainty (0.25 ≈ ±25 %), for the Monte Carlo
 * @param forecastMonthlyListUsd an explicit forecast of list spend per month; empty = the workbook's monthly cost on
 *                               the provider's models, grown by {@code monthlyGrowth}
 */
public record Commitment(String name, String provider, BigDecimal commitUsd, BigDecimal discount, int termMonths,
                         boolean overageAtDiscount, BigDecimal monthlyGrowth, BigDecimal forecastSigma,
                         List<BigDecimal> forecastMonthlyListUsd) {
    public Commitment {
        name = Checks.text(name, "Commitment");
        provider = Checks.text(provider, "");
        commitUsd = Checks.nonNegative(commitUsd, "committed amount");
        discount = Checks.share(discount, "commitment discount", BigDecimal.ZERO);
        if (discount.compareTo(BigDecimal.ONE) == 0) {
            throw new IllegalArgumentException("a commitment discount of 100 % is not a price");
        }
        termMonths = termMonths == 0 ? 12 : termMonths;
        if (termMonths < 1 || termMonths > 60) {
            throw new IllegalArgumentException("commitment term must be 1..60 months: " + termMonths);
        }
        monthlyGrowth = monthlyGrowth == null ? BigDecimal.ZERO : monthlyGrowth;
        if (monthlyGrowth.compareTo(BigDecimal.ONE.negate()) <= 0) {
            throw new IllegalArgumentException("monthly growth must be above -100 %: " + monthlyGrowth.toPlainString());
        }
        forecastSigma = Checks.nonNegative(forecastSigma, "forecast sigma");
        forecastMonthlyListUsd = Checks.list(forecastMonthlyListUsd);
        forecastMonthlyListUsd.forEach(v -> Checks.nonNegative(v, "forecast month"));
    }
}

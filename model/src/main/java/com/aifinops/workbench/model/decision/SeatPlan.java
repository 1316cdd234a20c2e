package com.aifinops.workbench.model.decision;

import java.math.BigDecimal;

/**
 * A per-seat product (a chat or coding assistant plan) against serving the same users through the API: each seat
 * includes credits, each request uses some, and credits beyond the allowance are billed as overage.
 *
 * @param name              e.g. "Assistant Business seat"
 * @param workload          the workload whose users and requests the seats would serve ({@code null} = the first)
 * @param seatPriceMonthlyUsd price of one seat per month
 * @param creditsPerSeat    credits included per seat per month
 * @param creditsPerRequest credits one request uses
 * @param overagePerCreditUsd price of a credit beyond the allowance
 */
public record SeatPlan(String name, String workload, BigDecimal seatPriceMonthlyUsd, BigDecimal creditsPerSeat,
                       BigDecimal creditsPerRequest, BigDecimal overagePerCreditUsd) {
    public SeatPlan {
        name = Checks.text(name, "Seat plan");
        seatPriceMonthlyUsd = Checks.nonNegative(seatPriceMonthlyUsd, "seat price");
        creditsPerSeat = Checks.nonNegative(creditsPerSeat, "credits per seat");
        creditsPerRequest = Checks.nonNegative(creditsPerRequest, "credits per request");
        overagePerCreditUsd = Checks.nonNegative(overagePerCreditUsd, "overage per credit");
    }
}

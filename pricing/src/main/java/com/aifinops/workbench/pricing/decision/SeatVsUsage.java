package com.aifinops.workbench.pricing.decision;

import com.aifinops.workbench.model.decision.SeatPlan;
import com.aifinops.workbench.model.price.TokenPrices;
import com.aifinops.workbench.model.workload.Workload;
import com.aifinops.workbench.pricing.engine.WorkloadCost;
import com.aifinops.workbench.pricing.engine.WorkloadCostCalculator;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Seats against the API for the same users. Per user and month, with r requests:
 * <pre>
 * seat = price + max(0, r · credits/request − credits/seat) · overage/credit
 * API  = r · cost/request · overhead
 * </pre>
 * The break-even r is where the two meet: below it the API is cheaper, above it the seat.
 */
public final class SeatVsUsage {
    private SeatVsUsage() {
    }

    /**
     * @param breakEvenRequestsPerUserPerDay requests per user per day at which a seat costs the same as the API;
     *                                       null when the seat never becomes cheaper
     */
    public record Result(SeatPlan plan, BigDecimal users, BigDecimal requestsPerUserPerMonth, BigDecimal overageCreditsPerUser,
                         BigDecimal seatMonthly, BigDecimal overageMonthly, BigDecimal seatTotalMonthly,
                         BigDecimal apiMonthly, BigDecimal breakEvenRequestsPerUserPerDay) {
        public boolean seatsCheaper() {
            return seatTotalMonthly.compareTo(apiMonthly) < 0;
        }
    }

    public static Result compare(SeatPlan p, Workload w, TokenPrices prices) {
        WorkloadCost api = WorkloadCostCalculator.cost(w, prices);
        BigDecimal r = w.requestsPerUserPerDay().multiply(BigDecimal.valueOf(w.daysPerMonth()));
        BigDecimal over = r.multiply(p.creditsPerRequest()).subtract(p.creditsPerSeat()).max(BigDecimal.ZERO);
        BigDecimal seats = p.seatPriceMonthlyUsd().multiply(w.users());
        BigDecimal overage = over.multiply(p.overagePerCreditUsd()).multiply(w.users());
        BigDecimal a = api.costPerRequest().multiply(w.overhead()); // API cost of one request of one user
        return new Result(p, w.users(), r, over, seats, overage, seats.add(overage), api.monthlyCost(),
                breakEven(p, a, w.daysPerMonth()));
    }

    private static BigDecimal breakEven(SeatPlan p, BigDecimal a, int days) {
        MathContext mc = MathContext.DECIMAL128;
        if (a.signum() == 0) {
            return null;
        }
        BigDecimal s = p.seatPriceMonthlyUsd();
        BigDecimal included = p.creditsPerRequest().signum() == 0 ? null : p.creditsPerSeat().divide(p.creditsPerRequest(), mc);
        BigDecimal r = s.divide(a, mc); // within the allowance the seat is flat
        if (included == null || r.compareTo(included) <= 0) {
            return r.divide(BigDecimal.valueOf(days), mc);
        }
        BigDecimal slope = a.subtract(p.creditsPerRequest().multiply(p.overagePerCreditUsd()));
        if (slope.signum() <= 0) {
            return null; // overage costs more per request than the API: the seat never catches up
        }
        BigDecimal num = s.subtract(p.creditsPerSeat().multiply(p.overagePerCreditUsd()));
        return num.divide(slope, mc).divide(BigDecimal.valueOf(days), mc);
    }
}

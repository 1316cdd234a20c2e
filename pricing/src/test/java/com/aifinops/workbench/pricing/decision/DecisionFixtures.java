package com.aifinops.workbench.pricing.decision;

import com.aifinops.workbench.model.decision.ApiOption;
import com.aifinops.workbench.model.decision.Decisions;
import com.aifinops.workbench.model.decision.FactoryOption;
import com.aifinops.workbench.model.decision.GpuCapacity;
import com.aifinops.workbench.model.decision.NeocloudOption;
import com.aifinops.workbench.model.decision.TcoInputs;
import com.aifinops.workbench.model.price.ModelPrice;
import com.aifinops.workbench.model.price.TokenPrices;
import com.aifinops.workbench.model.workbook.Workbook;
import com.aifinops.workbench.model.workload.Workload;

import java.math.BigDecimal;
import java.util.List;

/** Round-number inputs whose results are computed by hand in the tests. */
final class DecisionFixtures {
    private DecisionFixtures() {
    }

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    /**
     * 1,000 users × 10 requests × 30 days = 300,000 requests a month of 800 in + 200 out, no cache, overhead 1:
     * (800·$5 + 200·$30)/1e6 = $0.01 a request, $3,000 a month, 3e8 tokens a month; a year: 3.6e9 tokens for
     * $36,000, i.e. exactly $10 per MTok blended.
     */
    static Workload workload() {
        return new Workload("Ten dollar workload", d("1000"), d("10"), d("800"), d("200"), d("0"), d("1"), 30, "house-api");
    }

    static ModelPrice houseApi() {
        return new ModelPrice("house-api", "House API", "House", List.of(), TokenPrices.of("5", null, "30"), "test", "2026");
    }

    /**
     * 1,000 tokens per GPU-second at 50 % utilisation, 25 % headroom, single GPUs at $2.00 an hour, staff of
     * {@code staffFte} × $200,000. One GPU serves 1000 · 31,536,000 · 0.5 = 15,768,000,000 tokens a year, i.e.
     * 12,614,400,000 of demand after headroom, for 8,760 · $2 = $17,520.
     */
    static NeocloudOption neocloud(String staffFte) {
        return new NeocloudOption("Neocloud", "GPU Co", "reserved", d("2.00"),
                new GpuCapacity("Open 70B", d("1000"), d("0.5"), d("0.25"), 1), d(staffFte), d("200000"), d("0"));
    }

    static FactoryOption factory() {
        return new FactoryOption("Factory", new GpuCapacity("Open 70B", d("1000"), d("0.5"), d("0.25"), 8),
                d("250000"), 3, d("10"), d("1.3"), d("0.10"), d("12000"), d("30000"), d("2"), d("200000"));
    }

    static Workbook workbook(TcoInputs tco) {
        return new Workbook("t", List.of(workload()), List.of(), List.of(houseApi()), List.of(), List.of(), List.of(),
                new Decisions(tco, null, null, null, null, null));
    }

    static TcoInputs tco(String staffFte) {
        return new TcoInputs(null, List.of(new ApiOption("House API", null, null)), List.of(neocloud(staffFte)),
                List.of(factory()), 5, null, null, null);
    }
}

package com.aifinops.workbench.views.decision;

import com.aifinops.workbench.model.decision.ApiOption;
import com.aifinops.workbench.model.decision.Commitment;
import com.aifinops.workbench.model.decision.Decisions;
import com.aifinops.workbench.model.decision.FactoryOption;
import com.aifinops.workbench.model.decision.FineTuneCase;
import com.aifinops.workbench.model.decision.GpuCapacity;
import com.aifinops.workbench.model.decision.NegotiationInputs;
import com.aifinops.workbench.model.decision.NeocloudOption;
import com.aifinops.workbench.model.decision.ProvisionedOption;
import com.aifinops.workbench.model.decision.SeatPlan;
import com.aifinops.workbench.model.decision.TcoInputs;
import com.aifinops.workbench.model.workbook.Workbook;
import com.aifinops.workbench.model.workload.Workload;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The bundled sample's RAG agent with the sample's decision inputs, built in code (views read no files). */
final class DecisionFixtures {
    private DecisionFixtures() {
    }

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    static Workbook sample() {
        Workload rag = new Workload("RAG support agent", d("10000"), d("10"), d("1500"), d("750"), d("0.50"), d("1.20"), 30, "gpt-5.5");
        GpuCapacity h200 = new GpuCapacity("DeepSeek V3.2 (FP8)", d("650"), d("0.55"), d("0.30"), 8);
        TcoInputs tco = new TcoInputs(null,
                List.of(new ApiOption("GPT-5.5 API", null, null), new ApiOption("Claude Sonnet 4.6 API", "claude-sonnet-4.6", null),
                        new ApiOption("DeepSeek V3.2 API", "deepseek-v3.2", null)),
                List.of(new NeocloudOption("Neocloud 8×H200 (1-yr reserved)", "GPU neocloud", "1-year reserved", d("3.00"), h200,
                        d("1.0"), d("210000"), d("30000"))),
                List.of(new FactoryOption("Owned 8×H200 nodes", h200, d("320000"), 4, d("10.2"), d("1.3"), d("0.10"), d("12000"),
                        d("40000"), d("2.0"), d("220000"))),
                5, d("0.50"), d("0.25"), d("0.15"));
        List<BigDecimal> profile = new ArrayList<>();
        for (String w : "0.35 0.30 0.28 0.28 0.30 0.40 0.60 0.90 1.30 1.60 1.75 1.80 1.70 1.75 1.80 1.70 1.55 1.30 1.00 0.80 0.65 0.55 0.45 0.40".split(" ")) {
            profile.add(d(w));
        }
        Decisions decisions = new Decisions(tco,
                List.of(new ProvisionedOption("GPT-5.5 provisioned throughput", "OpenAI", "gpt-5.5", 60, d("1.20"), "hour", d("3000"), profile)),
                List.of(new Commitment("OpenAI 12-month prepaid", "OpenAI", d("900000"), d("0.18"), 12, true, d("0.02"), d("0.25"), List.of())),
                List.of(new SeatPlan("Assistant Business seat", null, d("30"), d("1500"), d("1"), d("0.02"))),
                List.of(new FineTuneCase("Fine-tuned GPT-5 Mini replaces GPT-5.5", null, "gpt-5-mini", d("25000"), d("2"), d("2"), d("900"), d("0"))),
                List.of(new NegotiationInputs("OpenAI", d("0.02"), d("0.25"), "claude-sonnet-4.6", "gpt-5-mini", d("0.60"))));
        return new Workbook("Sample: RAG support agent", List.of(rag), List.of("claude-sonnet-4.6", "gpt-5-mini", "deepseek-v3.2"),
                List.of(), List.of(), List.of(), List.of(), decisions);
    }
}

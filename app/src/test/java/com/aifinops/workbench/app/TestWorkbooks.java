package com.aifinops.workbench.app;

import com.aifinops.workbench.model.workbook.UsageRollup;
import com.aifinops.workbench.model.workbook.Workbook;
import com.aifinops.workbench.model.workload.Workload;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Workbook files for app tests: the bundled sample, the v1 fixture, and the sample with a second workload and rollups. */
public final class TestWorkbooks {
    private TestWorkbooks() {
    }

    public static Path copyResource(String resource, Path dir, String name) throws IOException {
        Path f = dir.resolve(name);
        try (InputStream in = TestWorkbooks.class.getResourceAsStream(resource)) {
            Files.copy(in, f);
        }
        return f;
    }

    public static Path sample(Path dir) throws IOException {
        return copyResource(SampleWorkbook.RESOURCE, dir, "sample.afw.json");
    }

    public static Path v1(Path dir) throws IOException {
        return copyResource("/workbooks/v1-rag-support-agent.afw.json", dir, "v1.afw.json");
    }

    /** The sample plus a small triage workload on Claude Haiku-class pricing and two usage rollups. */
    public static Workbook richer() {
        Workbook s = SampleWorkbook.load();
        List<Workload> ws = new ArrayList<>(s.workloads());
        ws.add(new Workload("Ticket triage", new BigDecimal("250"), new BigDecimal("40"), new BigDecimal("800"),
                new BigDecimal("120"), new BigDecimal("0.25"), new BigDecimal("1.10"), 22, "gpt-5-mini"));
        return new Workbook(s.name(), ws, s.compareModels(), s.priceRows(), s.scenarios(), s.notes(), List.of(
                new UsageRollup("2026-05", "Support", "RAG bot", "gpt-5.5", "u-1001", "key-prod-1", "Acme Corp",
                        1200, 1_500_000, 900_000, 600_000, new BigDecimal("27.45")),
                new UsageRollup("2026-05", "Support", "RAG bot", "gpt-5.5", "u-1002", "key-prod-1", "Globex",
                        300, 400_000, 100_000, 150_000, new BigDecimal("6.55"))), s.decisions());
    }
}

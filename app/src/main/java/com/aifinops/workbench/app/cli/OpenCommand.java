package com.aifinops.workbench.app.cli;

import com.aifinops.workbench.importers.workbook.WorkbookJson;
import com.aifinops.workbench.model.Usd;
import com.aifinops.workbench.model.price.ModelPrice;
import com.aifinops.workbench.model.workbook.Note;
import com.aifinops.workbench.model.workbook.Scenario;
import com.aifinops.workbench.model.workbook.Workbook;
import com.aifinops.workbench.model.workload.Workload;
import com.aifinops.workbench.pricing.catalog.BuiltInCatalog;
import com.aifinops.workbench.pricing.catalog.PriceCatalog;
import com.aifinops.workbench.pricing.engine.WorkbookCosts;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** {@code open}: reads a workbook (migrating an older version in memory) and prints what it holds and costs. */
final class OpenCommand implements Command {
    private final PriceCatalog catalog = BuiltInCatalog.get();

    @Override
    public String name() {
        return "open";
    }

    @Override
    public String summary() {
        return "summarise a workbook file and its monthly costs";
    }

    @Override
    public String help() {
        return """
                Usage: open WORKBOOK [--json]

                Reads WORKBOOK (*.afw.json; an older format version is migrated in memory, the file is not
                changed) and prints its name, schema version, each workload's monthly cost per model, each
                scenario's, the number of notes and the price rows it carries.

                  --json   one JSON object; amounts are decimal strings rounded half-up to the cent
                """;
    }

    @Override
    public int run(String[] argv, PrintStream out, PrintStream err) throws Exception {
        Args args = Args.parse(name(), argv, Set.of(), Set.of("json"));
        Path file = WorkbookArg.single(name(), args);
        WorkbookJson.Loaded loaded = WorkbookJson.load(file);
        Map<String, Object> summary = summary(loaded.workbook(), loaded.fileVersion(), file);
        if (args.has("json")) {
            out.println(Json.write(summary));
        } else {
            printText(summary, out);
        }
        return Cli.OK;
    }

    Map<String, Object> summary(Workbook wb, int fileVersion, Path file) {
        List<WorkbookCosts.Case> cases = WorkbookCosts.of(wb, catalog);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("file", file.toString());
        s.put("name", wb.name());
        s.put("schemaVersion", Workbook.SCHEMA_VERSION);
        s.put("fileSchemaVersion", fileVersion);
        List<Object> workloads = new ArrayList<>();
        for (Workload w : wb.workloads()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", w.name());
            m.put("modelId", w.modelId());
            m.put("monthlyCostUsd", costs(cases, null, w.name()));
            workloads.add(m);
        }
        s.put("workloads", workloads);
        List<Object> scenarios = new ArrayList<>();
        for (Scenario sc : wb.scenarios()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", sc.name());
            m.put("workload", sc.workload());
            m.put("cacheHitRate", plain(sc.cacheHitRate()));
            m.put("overhead", plain(sc.overhead()));
            Map<String, Object> byWorkload = new LinkedHashMap<>();
            wb.workloads().stream().filter(sc::appliesTo)
                    .forEach(w -> byWorkload.put(w.name(), costs(cases, sc.name(), w.name())));
            m.put("monthlyCostUsd", byWorkload);
            scenarios.add(m);
        }
        s.put("scenarios", scenarios);
        s.put("notes", wb.notes().size());
        s.put("internalNotes", wb.notes().stream().filter(Note::internal).count());
        List<Object> rows = new ArrayList<>();
        for (ModelPrice p : wb.priceRows()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", p.id());
            m.put("displayName", p.displayName());
            m.put("inputPerMTok", plain(p.prices().inputPerMTok()));
            m.put("cachedInputPerMTok", plain(p.prices().cachedInputPerMTok()));
            m.put("outputPerMTok", plain(p.prices().outputPerMTok()));
            m.put("source", p.source());
            m.put("asOf", p.asOf());
            rows.add(m);
        }
        s.put("priceRows", rows);
        s.put("usageRollups", wb.usageRollups().size());
        s.put("missingModels", WorkbookCosts.missingModels(wb, catalog));
        return s;
    }

    private static Map<String, String> costs(List<WorkbookCosts.Case> cases, String scenario, String workload) {
        Map<String, String> m = new LinkedHashMap<>();
        cases.stream().filter(c -> Objects.equals(c.scenario(), scenario) && c.workload().name().equals(workload))
                .forEach(c -> m.put(c.model().id(), Usd.cents(c.cost().monthlyCost()).toPlainString()));
        return m;
    }

    private static String plain(BigDecimal d) {
        return d == null ? null : d.toPlainString();
    }

    @SuppressWarnings("unchecked")
    private static void printText(Map<String, Object> s, PrintStream out) {
        out.println(s.get("name") + "  (schema " + s.get("fileSchemaVersion")
                + (Objects.equals(s.get("fileSchemaVersion"), s.get("schemaVersion")) ? ")" : ", migrated to " + s.get("schemaVersion") + " on open)"));
        for (Object o : (List<Object>) s.get("workloads")) {
            Map<String, Object> w = (Map<String, Object>) o;
            out.println("workload " + w.get("name") + " on " + w.get("modelId"));
            ((Map<String, String>) w.get("monthlyCostUsd")).forEach((m, c) -> out.printf("  %-22s %14s%n", m, Usd.format(new BigDecimal(c))));
        }
        for (Object o : (List<Object>) s.get("scenarios")) {
            Map<String, Object> sc = (Map<String, Object>) o;
            out.println("scenario " + sc.get("name"));
            ((Map<String, Map<String, String>>) sc.get("monthlyCostUsd")).forEach((w, byModel) ->
                    byModel.forEach((m, c) -> out.printf("  %-18s %-22s %14s%n", w, m, Usd.format(new BigDecimal(c)))));
        }
        out.println("notes: " + s.get("notes") + " (" + s.get("internalNotes") + " internal), price rows: "
                + ((List<?>) s.get("priceRows")).size() + ", usage rollups: " + s.get("usageRollups"));
    }
}

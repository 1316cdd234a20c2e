package com.aifinops.workbench.model.workbook;

import com.aifinops.workbench.model.decision.Decisions;
import com.aifinops.workbench.model.levers.Levers;
import com.aifinops.workbench.model.price.ModelPrice;
import com.aifinops.workbench.model.routing.NamedRoutingMix;
import com.aifinops.workbench.model.workload.Workload;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The document a consultant saves and ships: workloads plus the price rows they were built on, so that
 * the workbook reproduces its figures on a machine without the author's database.
 *
 * <p>Every section but {@code name} and {@code workloads} is optional: a missing section reads as empty, so a
 * new section (routing mixes, levers, …) can be added to the format without breaking older files.
 *
 * @param name          title shown in the window
 * @param workloads     the modelled workloads
 * @param compareModels catalogue ids the studio prices every workload against, besides its own model
 * @param priceRows     the price rows the workbook uses; they take precedence over the catalogue
 * @param scenarios     named sets of workload overrides (cache hit rate, overhead)
 * @param notes         free-text notes; those marked internal are dropped when the workbook is prepared for sharing
 * @param usageRollups  optional monthly usage totals by team, project and model; never raw request rows
 * @param routingMixes  optional routing mixes, each naming the workload it routes
 * @param levers        optional cost levers per workload (prompt and semantic caching, batch, caps, trimming)
 * @param decisions     inputs of the decision screens (TCO, provisioned throughput, commitments, …); never null
 */
public record Workbook(String name, List<Workload> workloads, List<String> compareModels, List<ModelPrice> priceRows,
                       List<Scenario> scenarios, List<Note> notes, List<UsageRollup> usageRollups,
                       List<NamedRoutingMix> routingMixes, List<Levers> levers, Decisions decisions) {

    /** Format version written by this build; readers migrate older versions. */
    public static final int SCHEMA_VERSION = 2;

    public Workbook {
        Objects.requireNonNull(name, "name");
        workloads = List.copyOf(workloads);
        compareModels = copy(compareModels);
        priceRows = copy(priceRows);
        scenarios = copy(scenarios);
        notes = copy(notes);
        usageRollups = copy(usageRollups);
        routingMixes = copy(routingMixes);
        levers = copy(levers);
        decisions = decisions == null ? Decisions.NONE : decisions;
    }

    /** A workbook without decision inputs. */
    public Workbook(String name, List<Workload> workloads, List<String> compareModels, List<ModelPrice> priceRows,
                    List<Scenario> scenarios, List<Note> notes, List<UsageRollup> usageRollups,
                    List<NamedRoutingMix> routingMixes, List<Levers> levers) {
        this(name, workloads, compareModels, priceRows, scenarios, notes, usageRollups, routingMixes, levers, Decisions.NONE);
    }

    /** A workbook without routing mixes or levers. */
    public Workbook(String name, List<Workload> workloads, List<String> compareModels, List<ModelPrice> priceRows,
                    List<Scenario> scenarios, List<Note> notes, List<UsageRollup> usageRollups, Decisions decisions) {
        this(name, workloads, compareModels, priceRows, scenarios, notes, usageRollups, List.of(), List.of(), decisions);
    }

    /** A workbook without routing mixes or levers (the version-2 sections of the first releases). */
    public Workbook(String name, List<Workload> workloads, List<String> compareModels, List<ModelPrice> priceRows,
                    List<Scenario> scenarios, List<Note> notes, List<UsageRollup> usageRollups) {
        this(name, workloads, compareModels, priceRows, scenarios, notes, usageRollups, List.of(), List.of(), Decisions.NONE);
    }

    /** A workbook with only workloads, comparison models and price rows (the version-1 sections). */
    public Workbook(String name, List<Workload> workloads, List<String> compareModels, List<ModelPrice> priceRows) {
        this(name, workloads, compareModels, priceRows, List.of(), List.of(), List.of());
    }

    /** The same workbook with workload {@code index} replaced. */
    public Workbook withWorkload(int index, Workload w) {
        List<Workload> ws = new ArrayList<>(workloads);
        ws.set(index, w);
        return new Workbook(name, ws, compareModels, priceRows, scenarios, notes, usageRollups, routingMixes, levers, decisions);
    }

    public Workbook withPriceRows(List<ModelPrice> rows) {
        return new Workbook(name, workloads, compareModels, rows, scenarios, notes, usageRollups, routingMixes, levers, decisions);
    }

    public Workbook withNotes(List<Note> ns) {
        return new Workbook(name, workloads, compareModels, priceRows, scenarios, ns, usageRollups, routingMixes, levers, decisions);
    }

    public Workbook withUsageRollups(List<UsageRollup> rollups) {
        return new Workbook(name, workloads, compareModels, priceRows, scenarios, notes, rollups, routingMixes, levers, decisions);
    }

    /** The same workbook with these workloads (added, removed, renamed or reordered). */
    public Workbook withWorkloads(List<Workload> ws) {
        return new Workbook(name, ws, compareModels, priceRows, scenarios, notes, usageRollups, routingMixes, levers, decisions);
    }

    public Workbook withScenarios(List<Scenario> ss) {
        return new Workbook(name, workloads, compareModels, priceRows, ss, notes, usageRollups, routingMixes, levers, decisions);
    }

    public Workbook withRoutingMixes(List<NamedRoutingMix> mixes) {
        return new Workbook(name, workloads, compareModels, priceRows, scenarios, notes, usageRollups, mixes, levers, decisions);
    }

    public Workbook withLevers(List<Levers> ls) {
        return new Workbook(name, workloads, compareModels, priceRows, scenarios, notes, usageRollups, routingMixes, ls, decisions);
    }

    public Workbook withDecisions(Decisions d) {
        return new Workbook(name, workloads, compareModels, priceRows, scenarios, notes, usageRollups, routingMixes, levers, d);
    }

    /** The models a workload is priced on, as the studio shows them: its own model first, then the comparison models. */
    public List<String> modelsFor(Workload w) {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(w.modelId());
        ids.addAll(compareModels);
        return List.copyOf(ids);
    }

    /** Every model id the workbook prices something on, in first-use order. */
    public List<String> modelsUsed() {
        Set<String> ids = new LinkedHashSet<>();
        workloads.forEach(w -> ids.addAll(modelsFor(w)));
        return List.copyOf(ids);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}

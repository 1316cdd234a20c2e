package com.aifinops.workbench.app.cli;

import com.aifinops.workbench.importers.workbook.WorkbookJson;
import com.aifinops.workbench.model.Usd;
import com.aifinops.workbench.model.workbook.Workbook;
import com.aifinops.workbench.pricing.catalog.BuiltInCatalog;
import com.aifinops.workbench.pricing.decision.Breakdown;
import com.aifinops.workbench.pricing.decision.Crossover;
import com.aifinops.workbench.pricing.decision.MultiYear;
import com.aifinops.workbench.pricing.decision.TcoModel;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code tco}: self-host vs API annual cost at the workbook's volume, and the crossover volumes, solved exactly. */
final class TcoCommand implements Command {
    @Override
    public String name() {
        return "tco";
    }

    @Override
    public String summary() {
        return "self-host vs API: annual cost per option and the crossover volumes";
    }

    @Override
    public String help() {
        return """
                Usage: tco WORKBOOK [--volume TOKENS] [--json]

                Prices every option of the workbook's decisions.tco section (pay-as-you-go APIs, rented GPUs,
                owned nodes) at the workbook's annual token volume (12 × requests · overhead · (input + output)
                tokens), with a breakdown by category that adds up to the total, and solves where each self-hosted
                option becomes no dearer than each API, and where one self-hosted option overtakes another
                (whole tokens per year, searched up to 1000 × the volume). Then the multi-year cash view.

                  --volume TOKENS  price at this annual token volume instead of the workbook's
                  --json   {"file","annualTokens","volume","options":[{"name","kind","annualCostUsd",
                            "costPerMTokUsd","gpus","breakdown":[{"category","usd","detail"}]}],
                            "crossovers":[{"incumbent","challenger","annualTokens","sustainedFromTokens"}],
                            "multiYear":{"baseline","volumes":[…],"options":[{"name","annualUsd":[…],
                            "cumulativeUsd":[…],"savingsUsd":[…],"paybackYear"}]}}
                           crossover volumes are null when there is none in range; paybackYear (self-hosted
                           options: first year cumulative ≤ the baseline API's) 0 = never or not applicable
                """;
    }

    @Override
    public int run(String[] argv, PrintStream out, PrintStream err) throws Exception {
        Args args = Args.parse(name(), argv, Set.of("volume"), Set.of("json"));
        Path file = WorkbookArg.single(name(), args);
        Workbook wb = WorkbookJson.read(file);
        if (!wb.decisions().tco().hasOptions()) {
            throw new IllegalArgumentException(file + " has no decisions.tco options");
        }
        TcoModel m = TcoModel.of(wb, BuiltInCatalog.get());
        long volume = args.decimal("volume", null).map(v -> v.setScale(0, RoundingMode.HALF_UP).longValueExact())
                .orElse(m.annualTokens());
        List<TcoModel.Costed> costs = m.at(volume);
        List<Crossover> crossovers = m.crossovers();
        MultiYear.Projection years = MultiYear.project(m, volume);
        if (args.has("json")) {
            out.println(Json.write(json(file, m, volume, costs, crossovers, years)));
            return Cli.OK;
        }
        out.printf(Locale.ROOT, "%s: %,d tokens a year%s%n", wb.name(), m.annualTokens(),
                volume == m.annualTokens() ? "" : String.format(Locale.ROOT, " (priced at %,d)", volume));
        out.printf("%-34s %16s %12s %7s%n", "option", "annual cost", "$/MTok", "GPUs");
        for (TcoModel.Costed c : costs) {
            out.printf(Locale.ROOT, "%-34s %16s %12s %7d%n", c.option().name(), Usd.format(c.total()),
                    "$" + c.perMTok().setScale(4, RoundingMode.HALF_UP).toPlainString(), c.gpus());
            for (Breakdown.Line l : c.breakdown().lines()) {
                out.printf(Locale.ROOT, "    %-30s %16s  %s%n", l.category(), Usd.format(l.cents()), l.detail());
            }
        }
        out.println("crossovers (annual tokens):");
        for (Crossover x : crossovers) {
            out.printf(Locale.ROOT, "  %-34s ≤ %-24s %s%n", x.challenger(), x.incumbent(), x.found()
                    ? String.format(Locale.ROOT, "from %,d", x.volume()) + (x.sustainedFrom() > x.volume()
                    ? String.format(Locale.ROOT, " (for good from %,d)", x.sustainedFrom()) : "")
                    : String.format(Locale.ROOT, "never up to %,d", x.searchedTo()));
        }
        out.printf("multi-year (cash, cumulative, against %s):%n", years.baseline());
        for (MultiYear.Line l : years.lines()) {
            out.printf(Locale.ROOT, "  %-34s %16s after %d years%s%n", l.option(), Usd.format(l.cumulative().get(l.cumulative().size() - 1)),
                    l.cumulative().size(), l.paybackYear() > 0 ? ", pays back in year " + l.paybackYear() : "");
        }
        return Cli.OK;
    }

    private static Map<String, Object> json(Path file, TcoModel m, long volume, List<TcoModel.Costed> costs,
                                            List<Crossover> crossovers, MultiYear.Projection years) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("file", file.toString());
        j.put("annualTokens", m.annualTokens());
        j.put("volume", volume);
        List<Object> options = new ArrayList<>();
        for (TcoModel.Costed c : costs) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("name", c.option().name());
            o.put("kind", c.option().kind().name().toLowerCase(Locale.ROOT));
            o.put("annualCostUsd", Usd.cents(c.total()).toPlainString());
            o.put("costPerMTokUsd", c.perMTok().setScale(4, RoundingMode.HALF_UP).toPlainString());
            o.put("gpus", c.gpus());
            List<Object> lines = new ArrayList<>();
            for (Breakdown.Line l : c.breakdown().lines()) {
                Map<String, Object> b = new LinkedHashMap<>();
                b.put("category", l.category());
                b.put("usd", l.cents().toPlainString());
                b.put("detail", l.detail());
                lines.add(b);
            }
            o.put("breakdown", lines);
            options.add(o);
        }
        j.put("options", options);
        List<Object> xs = new ArrayList<>();
        for (Crossover x : crossovers) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("incumbent", x.incumbent());
            o.put("challenger", x.challenger());
            o.put("annualTokens", x.found() ? x.volume() : null);
            o.put("sustainedFromTokens", x.sustainedFrom() >= 0 ? x.sustainedFrom() : null);
            xs.add(o);
        }
        j.put("crossovers", xs);
        Map<String, Object> y = new LinkedHashMap<>();
        y.put("baseline", years.baseline());
        y.put("volumes", years.volumes());
        List<Object> ys = new ArrayList<>();
        for (MultiYear.Line l : years.lines()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("name", l.option());
            o.put("annualUsd", cents(l.annual()));
            o.put("cumulativeUsd", cents(l.cumulative()));
            o.put("savingsUsd", cents(l.savings()));
            o.put("paybackYear", l.paybackYear());
            ys.add(o);
        }
        y.put("options", ys);
        j.put("multiYear", y);
        return j;
    }

    private static List<String> cents(List<BigDecimal> xs) {
        return xs.stream().map(v -> Usd.cents(v).toPlainString()).toList();
    }
}

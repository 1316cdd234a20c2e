package com.aifinops.workbench.app.cli;

import com.aifinops.workbench.app.NegotiationExports;
import com.aifinops.workbench.importers.workbook.WorkbookJson;
import com.aifinops.workbench.model.Usd;
import com.aifinops.workbench.model.decision.Commitment;
import com.aifinops.workbench.model.decision.ProvisionedOption;
import com.aifinops.workbench.model.workbook.Workbook;
import com.aifinops.workbench.pricing.catalog.BuiltInCatalog;
import com.aifinops.workbench.pricing.catalog.PriceCatalog;
import com.aifinops.workbench.pricing.decision.CommitmentPlan;
import com.aifinops.workbench.pricing.decision.NegotiationBrief;
import com.aifinops.workbench.pricing.decision.ProvisionedThroughput;
import com.aifinops.workbench.pricing.decision.WorkbookDecisions;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code commit}: for one provider, the break-even utilisation of its provisioned throughput, what its
 * commitments burn down to, and the discount off list that matches each alternative.
 */
final class CommitCommand implements Command {
    @Override
    public String name() {
        return "commit";
    }

    @Override
    public String summary() {
        return "provisioned break-even utilisation, commitments and the discounts that match alternatives";
    }

    @Override
    public String help() {
        return """
                Usage: commit WORKBOOK --provider P [--json] [--xlsx OUT.xlsx] [--pdf OUT.pdf] [--date YYYY-MM-DD]

                For provider P (matched against the price rows' provider): each provisioned-throughput option of
                decisions.provisioned ($/MTok when full, the utilisation at which it costs what pay-as-you-go does,
                the month with spill-over of peaks to pay-as-you-go, sized for the peak, and the cheapest unit
                count), each commitment of decisions.commitments (burn-down over the term, shortfall or overage, the
                break-even discount under the forecast's uncertainty, the level safe at P90), and the negotiation
                brief's alternatives at the same 12-month volume with the discount off list that matches each.

                  --provider P  the provider, e.g. OpenAI
                  --json   {"provider","forecastAnnualListUsd","forecastAnnualContractedUsd","safeCommitP90Usd",
                            "provisioned":[{"name","modelId","units","paygPerMTokUsd","perMTokAtFullUsd",
                              "breakEvenUtilisation","utilisation","monthlyWithSpillUsd","monthlyPeakSizedUsd",
                              "monthlyPaygUsd","unitsForPeak","bestUnits","bestMonthlyUsd"}],
                            "commitments":[{"name","commitUsd","discount","termMonths","termListUsd","consumedUsd",
                              "shortfallUsd","overageUsd","costWithCommitmentUsd","savingsUsd",
                              "breakEvenDiscount","safeCommitP90Usd","shortfallProbability"}],
                            "matchingDiscounts":[{"kind","alternative","annualCostUsd","discountToMatch"}]}
                           fractions as decimal strings to 4 places; breakEvenDiscount null when none pays
                  --xlsx OUT.xlsx  the negotiation brief as Excel: key figures, volume and spend by model,
                           alternatives with the discount to match, talking points; the discount, growth and
                           spread are input cells and every derived figure a live formula over them
                  --pdf OUT.pdf    the negotiation brief as a one-page PDF (US Letter) with the chart of the
                           same 12 months priced five ways
                  --date D the date printed on the brief (default today)
                Each file written prints "wrote PATH" (after the report; with --json, after the JSON line).
                """;
    }

    @Override
    public int run(String[] argv, PrintStream out, PrintStream err) throws Exception {
        Args args = Args.parse(name(), argv, Set.of("provider", "xlsx", "pdf", "date"), Set.of("json"));
        Path file = WorkbookArg.single(name(), args);
        String provider = args.require("provider");
        if (args.has("date") && !args.has("xlsx") && !args.has("pdf")) {
            throw new CliException("--date is the date printed on the brief: it needs --xlsx or --pdf (commit)");
        }
        LocalDate date = LocalDate.now();
        if (args.has("date")) {
            try {
                date = LocalDate.parse(args.require("date"));
            } catch (DateTimeParseException e) {
                throw new CliException("--date: expected YYYY-MM-DD, got '" + args.require("date") + "'");
            }
        }
        Workbook wb = WorkbookJson.read(file);
        PriceCatalog catalog = BuiltInCatalog.get();
        List<String> known = NegotiationBrief.providers(wb, catalog);
        if (known.stream().noneMatch(p -> p.equalsIgnoreCase(provider))) {
            throw new CliException("--provider: no workload of " + file + " runs on '" + provider + "' (providers: "
                    + String.join(", ", known) + ")");
        }
        List<ProvisionedThroughput.Result> ptus = new ArrayList<>();
        for (ProvisionedOption o : wb.decisions().provisioned()) {
            if (o.provider().equalsIgnoreCase(provider)) {
                ptus.add(WorkbookDecisions.provisioned(wb, catalog, o));
            }
        }
        List<CommitmentPlan.Result> commits = new ArrayList<>();
        for (Commitment k : wb.decisions().commitments()) {
            if (k.provider().equalsIgnoreCase(provider)) {
                commits.add(WorkbookDecisions.commitment(wb, catalog, k));
            }
        }
        NegotiationBrief.Brief brief = NegotiationBrief.build(wb, catalog, NegotiationBrief.inputsFor(wb, provider));
        Map<String, Object> j = json(brief, ptus, commits);
        if (args.has("json")) {
            out.println(Json.write(j));
        } else {
            text(brief, ptus, commits, out);
        }
        if (args.has("xlsx")) {
            Path x = Path.of(args.require("xlsx"));
            NegotiationExports.xlsx(wb, catalog, provider, date, x);
            out.println("wrote " + x);
        }
        if (args.has("pdf")) {
            Path p = Path.of(args.require("pdf"));
            NegotiationExports.pdf(wb, catalog, provider, date, p);
            out.println("wrote " + p);
        }
        return Cli.OK;
    }

    private static String frac(BigDecimal v) {
        return v.setScale(4, RoundingMode.HALF_UP).toPlainString();
    }

    private static String frac(double v) {
        return Double.isNaN(v) ? null : BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP).toPlainString();
    }

    private static String usd(double v) {
        return Usd.cents(BigDecimal.valueOf(v)).toPlainString();
    }

    private static Map<String, Object> json(NegotiationBrief.Brief b, List<ProvisionedThroughput.Result> ptus,
                                            List<CommitmentPlan.Result> commits) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("provider", b.provider());
        j.put("forecastAnnualListUsd", Usd.cents(b.forecastAnnualList()).toPlainString());
        j.put("forecastAnnualContractedUsd", Usd.cents(b.forecastAnnualContracted()).toPlainString());
        j.put("safeCommitP90Usd", usd(b.safeCommitP90()));
        List<Object> ps = new ArrayList<>();
        for (ProvisionedThroughput.Result r : ptus) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", r.option().name());
            p.put("modelId", r.option().modelId());
            p.put("units", r.option().units());
            p.put("paygPerMTokUsd", frac(r.paygPerMTok()));
            p.put("perMTokAtFullUsd", frac(r.perMTokAtFull()));
            p.put("breakEvenUtilisation", frac(r.breakEvenUtilisation()));
            p.put("utilisation", frac(r.utilisation()));
            p.put("monthlyWithSpillUsd", Usd.cents(r.withSpill()).toPlainString());
            p.put("monthlyPeakSizedUsd", Usd.cents(r.peakSizedCost()).toPlainString());
            p.put("monthlyPaygUsd", Usd.cents(r.paygCost()).toPlainString());
            p.put("unitsForPeak", r.unitsForPeak());
            p.put("bestUnits", r.bestUnits());
            p.put("bestMonthlyUsd", Usd.cents(r.bestCost()).toPlainString());
            ps.add(p);
        }
        j.put("provisioned", ps);
        List<Object> cs = new ArrayList<>();
        for (CommitmentPlan.Result r : commits) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", r.commitment().name());
            c.put("commitUsd", Usd.cents(r.commitment().commitUsd()).toPlainString());
            c.put("discount", frac(r.commitment().discount()));
            c.put("termMonths", r.commitment().termMonths());
            c.put("termListUsd", Usd.cents(r.totalList()).toPlainString());
            c.put("consumedUsd", Usd.cents(r.totalConsumed()).toPlainString());
            c.put("shortfallUsd", Usd.cents(r.shortfall()).toPlainString());
            c.put("overageUsd", Usd.cents(r.overageBilled()).toPlainString());
            c.put("costWithCommitmentUsd", Usd.cents(r.costWithCommitment()).toPlainString());
            c.put("savingsUsd", Usd.cents(r.savings()).toPlainString());
            c.put("breakEvenDiscount", frac(r.breakEvenDiscount()));
            c.put("safeCommitP90Usd", usd(r.safeCommitP90()));
            c.put("shortfallProbability", frac(r.shortfallProbability()));
            cs.add(c);
        }
        j.put("commitments", cs);
        List<Object> as = new ArrayList<>();
        for (NegotiationBrief.Alternative a : b.alternatives()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", a.kind());
            m.put("alternative", a.label());
            m.put("annualCostUsd", Usd.cents(a.annualCost()).toPlainString());
            m.put("discountToMatch", frac(a.discountToMatch()));
            as.add(m);
        }
        j.put("matchingDiscounts", as);
        return j;
    }

    private static String pct(BigDecimal v) {
        return v.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + " %";
    }

    private static void text(NegotiationBrief.Brief b, List<ProvisionedThroughput.Result> ptus,
                             List<CommitmentPlan.Result> commits, PrintStream out) {
        out.printf(Locale.ROOT, "%s: 12-month forecast %s at list, %s contracted; safe commitment at P90 %s%n", b.provider(),
                Usd.format(b.forecastAnnualList()), Usd.format(b.forecastAnnualContracted()),
                Usd.format(BigDecimal.valueOf(b.safeCommitP90())));
        for (ProvisionedThroughput.Result r : ptus) {
            out.printf(Locale.ROOT, "provisioned %s (%d units): $%s/MTok when full vs $%s pay-as-you-go → break-even utilisation %s%n",
                    r.option().name(), r.option().units(), r.perMTokAtFull().setScale(4, RoundingMode.HALF_UP).toPlainString(),
                    r.paygPerMTok().setScale(4, RoundingMode.HALF_UP).toPlainString(), pct(r.breakEvenUtilisation()));
            out.printf(Locale.ROOT, "  month: with spill-over %s (utilisation %s), sized for peak (%d units) %s, all PAYG %s; cheapest %d units %s%n",
                    Usd.format(r.withSpill()), pct(r.utilisation()), r.unitsForPeak(), Usd.format(r.peakSizedCost()),
                    Usd.format(r.paygCost()), r.bestUnits(), Usd.format(r.bestCost()));
        }
        for (CommitmentPlan.Result r : commits) {
            out.printf(Locale.ROOT, "commitment %s: %s for %d months at %s off; list %s, consumed %s, shortfall %s, overage %s%n",
                    r.commitment().name(), Usd.format(r.commitment().commitUsd()), r.commitment().termMonths(),
                    pct(r.commitment().discount()), Usd.format(r.totalList()), Usd.format(r.totalConsumed()),
                    Usd.format(r.shortfall()), Usd.format(r.overageBilled()));
            out.printf(Locale.ROOT, "  costs %s vs %s on demand (saves %s); break-even discount %s; safe at P90 %s%n",
                    Usd.format(r.costWithCommitment()), Usd.format(r.totalList()), Usd.format(r.savings()),
                    Double.isNaN(r.breakEvenDiscount()) ? "none" : pct(BigDecimal.valueOf(r.breakEvenDiscount())),
                    Usd.format(BigDecimal.valueOf(r.safeCommitP90())));
        }
        out.println("discount off list that matches each alternative:");
        for (NegotiationBrief.Alternative a : b.alternatives()) {
            out.printf(Locale.ROOT, "  %-26s %-44s %16s  %s%n", a.kind(), a.label(), Usd.format(a.annualCost()), pct(a.discountToMatch()));
        }
    }
}

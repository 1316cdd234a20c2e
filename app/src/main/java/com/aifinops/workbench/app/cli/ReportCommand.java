package com.aifinops.workbench.app.cli;

import com.aifinops.workbench.app.analysis.H2SpendQuery;
import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.model.analysis.Dimension;
import com.aifinops.workbench.model.analysis.ReportRow;
import com.aifinops.workbench.model.analysis.SpendReport;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code report}: spend from the ledger grouped by dimensions, the allocation rules applied. */
final class ReportCommand implements Command {
    @Override
    public String name() {
        return "report";
    }

    @Override
    public String summary() {
        return "spend from the ledger grouped by team, agent, model, month, tag:KEY …";
    }

    @Override
    public String help() {
        return """
                Usage: report --by DIM[,DIM…] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--where DIM=VALUE …] [--db PATH] [--json|--csv]

                Sums the ledger's daily rollups by the given dimensions, with the allocation rules applied (a row
                without a team after the rules shows as "unallocated"; no row is ever dropped).

                  --by DIM,…        org, team, project, agent, user, api_key, workspace, environment, feature,
                                    customer, model, provider, day, month, tag:KEY
                  --from, --to      first and last day (inclusive; default: everything)
                  --where DIM=V     only rows whose DIM is V (repeatable)
                  --json            {"rows":[{"<dim>":…,"requests":N,"inputTokens":N,"cachedInputTokens":N,
                                    "outputTokens":N,"costUsd":"…","billedCostUsd":"…"|null}],"totalCostUsd":"…"}
                  --csv             the same rows as CSV with a header line

                costUsd: per row, what the provider's file says it billed when it says, otherwise the catalogue's
                list price of the tokens; usage that is neither billed nor priced counts as 0 (a warning says how
                many requests). billedCostUsd: the billed amounts alone (null when no row of the group states one).
                inputTokens: input not read from the cache (uncached + cache writes); cachedInputTokens: cache
                reads. Amounts are rounded half-up to cents only when printed.
                """;
    }

    @Override
    public int run(String[] tokens, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(name(), tokens, Set.of("by", "from", "to", "where", "db"), Set.of("json", "csv"));
        List<Dimension> by = new ArrayList<>();
        for (String d : a.require("by").split(",")) {
            try {
                by.add(Dimension.parse(d));
            } catch (IllegalArgumentException e) {
                throw new CliException("--by: " + e.getMessage());
            }
        }
        Map<Dimension, String> filters = new LinkedHashMap<>();
        for (String w : a.all("where")) {
            int eq = w.indexOf('=');
            if (eq <= 0) {
                throw new CliException("--where: expected DIM=VALUE, got '" + w + "'");
            }
            try {
                filters.put(Dimension.parse(w.substring(0, eq)), w.substring(eq + 1));
            } catch (IllegalArgumentException e) {
                throw new CliException("--where: " + e.getMessage());
            }
        }
        if (a.has("json") && a.has("csv")) {
            throw new CliException("--json and --csv exclude each other");
        }
        LocalDate from = AnalysisArgs.date(a, "from");
        LocalDate to = AnalysisArgs.date(a, "to");
        AnalysisArgs.checkRange(from, to);
        SpendReport r;
        try (Database db = DbOption.open(a)) {
            r = new H2SpendQuery(db).report(from, to, by, filters);
        }
        if (r.total().unpricedRequests() > 0) {
            err.println("warning: " + r.total().unpricedRequests() + " requests of unpriced models state no billed cost and count as $0");
        }
        if (a.has("json")) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (ReportRow row : r.rows()) {
                Map<String, Object> j = new LinkedHashMap<>();
                for (int i = 0; i < by.size(); i++) {
                    j.put(by.get(i).label(), row.keys().get(i));
                }
                j.put("requests", row.requests());
                j.put("inputTokens", row.inputTokens());
                j.put("cachedInputTokens", row.cachedInputTokens());
                j.put("outputTokens", row.outputTokens());
                j.put("costUsd", AnalysisArgs.cents(row.cost()));
                j.put("billedCostUsd", AnalysisArgs.cents(row.billedCost()));
                rows.add(j);
            }
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("rows", rows);
            j.put("totalCostUsd", AnalysisArgs.cents(r.total().cost()));
            out.println(Json.write(j));
        } else if (a.has("csv")) {
            List<String> head = new ArrayList<>(by.stream().map(Dimension::label).toList());
            head.addAll(List.of("requests", "inputTokens", "cachedInputTokens", "outputTokens", "costUsd", "billedCostUsd"));
            out.print(csvLine(head));
            for (ReportRow row : r.rows()) {
                List<String> cells = new ArrayList<>(row.keys());
                cells.addAll(List.of(Long.toString(row.requests()), Long.toString(row.inputTokens()), Long.toString(row.cachedInputTokens()),
                        Long.toString(row.outputTokens()), AnalysisArgs.cents(row.cost()),
                        row.billedCost() == null ? "" : AnalysisArgs.cents(row.billedCost())));
                out.print(csvLine(cells));
            }
        } else {
            int[] widths = new int[by.size()];
            for (int i = 0; i < by.size(); i++) {
                widths[i] = by.get(i).label().length();
                for (ReportRow row : r.rows()) {
                    widths[i] = Math.max(widths[i], row.keys().get(i).length());
                }
            }
            StringBuilder h = new StringBuilder();
            for (int i = 0; i < by.size(); i++) {
                h.append(String.format("%-" + widths[i] + "s  ", by.get(i).label()));
            }
            out.println(h + String.format("%12s %15s %15s %15s %16s %16s", "requests", "input", "cached input", "output", "cost", "billed"));
            for (ReportRow row : r.rows()) {
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < by.size(); i++) {
                    b.append(String.format("%-" + widths[i] + "s  ", row.keys().get(i)));
                }
                out.println(b + String.format("%,12d %,15d %,15d %,15d %16s %16s", row.requests(), row.inputTokens(), row.cachedInputTokens(),
                        row.outputTokens(), AnalysisArgs.money(row.cost()), AnalysisArgs.money(row.billedCost())));
            }
            out.println("Total: " + AnalysisArgs.money(r.total().cost()) + " over " + String.format("%,d", r.total().requests()) + " requests");
        }
        return Cli.OK;
    }

    /** RFC 4180: quote a cell holding a comma, quote or line break; neutralise spreadsheet formulas like the exports do. */
    static String csvLine(List<String> cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i) == null ? "" : cells.get(i);
            if (!c.isEmpty() && "=+-@\t\r".indexOf(c.charAt(0)) >= 0 && !c.matches("-?\\d+(\\.\\d+)?")) {
                c = "'" + c;
            }
            if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
                c = "\"" + c.replace("\"", "\"\"") + "\"";
            }
            b.append(i == 0 ? "" : ",").append(c);
        }
        return b.append("\r\n").toString();
    }
}

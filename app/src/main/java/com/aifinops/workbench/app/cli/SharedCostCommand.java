package com.aifinops.workbench.app.cli;

import com.aifinops.workbench.app.analysis.H2SpendQuery;
import com.aifinops.workbench.app.analysis.H2SpendSettings;
import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.model.Usd;
import com.aifinops.workbench.model.analysis.Dimension;
import com.aifinops.workbench.model.analysis.Node;
import com.aifinops.workbench.model.analysis.SharedCostSplit;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** {@code shared add|show}: shared costs of a month and how they split over nodes. */
final class SharedCostCommand implements Command {
    @Override
    public String name() {
        return "shared";
    }

    @Override
    public String summary() {
        return "shared costs (gateway, platform) split over teams: proportional, even or fixed %";
    }

    @Override
    public String help() {
        return """
                Usage: shared add --name NAME --month YYYY-MM --usd AMOUNT --method proportional|even|fixed
                                  --node DIM:VALUE[=PCT] [--node …] [--db PATH]
                       shared show --month YYYY-MM [--db PATH] [--json]

                proportional splits by each node's spend that month (as 'report' counts it), even in equal parts,
                fixed by the percentages given (--node team:a=60); fixed percentages under 100 leave the rest
                "unallocated". The parts add up to the amount exactly; they are printed rounded to cents.
                  show --json  {"month","costs":[{"name","amountUsd","method","parts":[{"node","amountUsd"}]}]}
                """;
    }

    @Override
    public int run(String[] tokens, PrintStream out, PrintStream err) throws Exception {
        if (tokens.length == 0) {
            throw new CliException("shared needs an action: add or show");
        }
        String[] rest = Arrays.copyOfRange(tokens, 1, tokens.length);
        switch (tokens[0]) {
            case "add" -> add(rest, out);
            case "show" -> show(rest, out);
            default -> throw new CliException("unknown shared action '" + tokens[0] + "' (add, show)");
        }
        return Cli.OK;
    }

    private void add(String[] rest, PrintStream out) throws Exception {
        Args a = Args.parse("shared add", rest, Set.of("name", "month", "usd", "method", "node", "db"), Set.of());
        YearMonth month = AnalysisArgs.month(a, "month");
        if (month == null) {
            throw new CliException("missing --month (shared add)");
        }
        SharedCostSplit.Method method;
        try {
            method = SharedCostSplit.Method.valueOf(a.require("method").strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CliException("--method: expected proportional, even or fixed, got '" + a.require("method") + "'");
        }
        if (a.all("node").isEmpty()) {
            throw new CliException("shared add needs at least one --node");
        }
        Map<Node, BigDecimal> nodes = new LinkedHashMap<>();
        for (String spec : a.all("node")) {
            int eq = spec.lastIndexOf('=');
            String nodeText = method == SharedCostSplit.Method.FIXED && eq > 0 ? spec.substring(0, eq) : spec;
            BigDecimal pct = null;
            if (method == SharedCostSplit.Method.FIXED) {
                if (eq <= 0) {
                    throw new CliException("--node: a fixed split needs DIM:VALUE=PCT, got '" + spec + "'");
                }
                try {
                    pct = new BigDecimal(spec.substring(eq + 1).strip());
                } catch (NumberFormatException e) {
                    throw new CliException("--node " + nodeText + ": expected a percentage, got '" + spec.substring(eq + 1) + "'");
                }
            }
            try {
                Node n = Node.parse(nodeText);
                if (n.dimension().kind() == Dimension.Kind.TAG) {
                    throw new CliException("--node: shared costs split over the allocation path, not tags");
                }
                nodes.put(n, pct);
            } catch (IllegalArgumentException e) {
                throw new CliException("--node: " + e.getMessage());
            }
        }
        if (method == SharedCostSplit.Method.FIXED) {
            BigDecimal sum = nodes.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            if (sum.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new CliException("--node: fixed percentages sum to " + sum.toPlainString() + " %, more than 100 %");
            }
        }
        BigDecimal usd = a.requireDecimal("usd");
        try (Database db = DbOption.open(a)) {
            new H2SpendSettings(db).addSharedCost(a.require("name"), month, usd, method, nodes);
        }
        out.println("shared cost " + a.require("name") + " " + month + ": " + Usd.format(usd) + " split " + method.name().toLowerCase(Locale.ROOT)
                + " over " + nodes.size() + " node(s)");
    }

    private void show(String[] rest, PrintStream out) throws Exception {
        Args a = Args.parse("shared show", rest, Set.of("month", "db"), Set.of("json"));
        YearMonth month = AnalysisArgs.month(a, "month");
        if (month == null) {
            throw new CliException("missing --month (shared show)");
        }
        List<Map<String, Object>> costs = new ArrayList<>();
        try (Database db = DbOption.open(a)) {
            H2SpendQuery q = new H2SpendQuery(db);
            Map<Dimension, Map<String, TreeMap<YearMonth, BigDecimal>>> spend = new LinkedHashMap<>();
            for (H2SpendSettings.SharedCost c : new H2SpendSettings(db).sharedCosts(month)) {
                Map<String, BigDecimal> weights = new LinkedHashMap<>();
                for (Map.Entry<Node, BigDecimal> e : c.nodes().entrySet()) {
                    BigDecimal w = e.getValue();
                    if (c.method() == SharedCostSplit.Method.PROPORTIONAL) {
                        Dimension d = e.getKey().dimension();
                        if (!spend.containsKey(d)) {
                            spend.put(d, q.monthlyCost(d, month, month));
                        }
                        w = spend.get(d).getOrDefault(e.getKey().value(), new TreeMap<>()).getOrDefault(month, BigDecimal.ZERO);
                    }
                    weights.put(e.getKey().toString(), w == null ? BigDecimal.ZERO : w);
                }
                Map<String, Object> j = new LinkedHashMap<>();
                j.put("name", c.name());
                j.put("amountUsd", AnalysisArgs.cents(c.amount()));
                j.put("method", c.method().name().toLowerCase(Locale.ROOT));
                List<Map<String, Object>> parts = new ArrayList<>();
                SharedCostSplit.split(c.amount(), c.method(), weights).forEach((node, part) -> {
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("node", node);
                    p.put("amountUsd", AnalysisArgs.cents(part));
                    parts.add(p);
                });
                j.put("parts", parts);
                costs.add(j);
            }
        }
        if (a.has("json")) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("month", month.toString());
            j.put("costs", costs);
            out.println(Json.write(j));
        } else if (costs.isEmpty()) {
            out.println("No shared costs in " + month);
        } else {
            for (Map<String, Object> c : costs) {
                out.println(c.get("name") + " " + month + ": $" + c.get("amountUsd") + " (" + c.get("method") + ")");
                for (Object p : (List<?>) c.get("parts")) {
                    Map<?, ?> m = (Map<?, ?>) p;
                    out.printf("  %-30s %14s%n", m.get("node"), "$" + m.get("amountUsd"));
                }
            }
        }
    }
}

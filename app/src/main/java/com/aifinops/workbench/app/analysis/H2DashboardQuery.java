package com.aifinops.workbench.app.analysis;

import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.model.analysis.Anomaly;
import com.aifinops.workbench.model.analysis.AnomalyDetector;
import com.aifinops.workbench.model.analysis.Budget;
import com.aifinops.workbench.model.analysis.Dashboard;
import com.aifinops.workbench.model.analysis.DashboardQuery;
import com.aifinops.workbench.model.analysis.Dimension;
import com.aifinops.workbench.model.analysis.Node;
import com.aifinops.workbench.model.analysis.ReportRow;
import com.aifinops.workbench.model.analysis.SpendReport;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The home dashboard over the H2 ledger: a handful of grouped reports of the month so far (and the same days of
 * the month before), the budgets, invoices and outcome counts, and the anomaly detector over the last 14 days.
 */
public final class H2DashboardQuery implements DashboardQuery {
    private static final Dimension DAY = Dimension.of(Dimension.Kind.DAY);
    private static final Dimension TEAM = Dimension.of(Dimension.Kind.TEAM);
    private static final Dimension MODEL = Dimension.of(Dimension.Kind.MODEL);
    private static final Dimension AGENT = Dimension.of(Dimension.Kind.AGENT);
    private static final Dimension PROVIDER = Dimension.of(Dimension.Kind.PROVIDER);

    private final Database db;
    private final SpendAnalysis analysis;
    private final H2SpendQuery query;

    public H2DashboardQuery(Database db) {
        this.db = db;
        this.analysis = new SpendAnalysis(db);
        this.query = analysis.query();
    }

    @Override
    public Dashboard dashboard(LocalDate asOf) throws SQLException {
        LocalDate[] span = query.span();
        if (span == null) {
            return Dashboard.empty(asOf == null ? LocalDate.now() : asOf);
        }
        if (asOf == null) {
            asOf = span[1];
        }
        YearMonth month = YearMonth.from(asOf);
        LocalDate first = month.atDay(1);
        Map<Dimension, String> none = Map.of();

        // month to date, day by day, cumulative (days without spend carry the total on)
        SpendReport byDay = query.report(first, asOf, List.of(DAY), none);
        Map<String, BigDecimal> dayCost = new HashMap<>();
        byDay.rows().forEach(r -> dayCost.put(r.keys().get(0), r.cost()));
        List<Dashboard.DayTotal> cumulative = new ArrayList<>();
        BigDecimal run = BigDecimal.ZERO;
        for (LocalDate d = first; !d.isAfter(asOf); d = d.plusDays(1)) {
            run = run.add(dayCost.getOrDefault(d.toString(), BigDecimal.ZERO));
            cumulative.add(new Dashboard.DayTotal(d, run));
        }
        ReportRow total = byDay.total();
        BigDecimal mtd = total.cost();

        // budgets of the month: org budgets when there are any, else team budgets
        List<Budget> budgets = new H2BudgetStore(db).forMonth(month);
        BigDecimal orgBudget = sum(budgets, Dimension.Kind.ORG);
        BigDecimal teamBudget = sum(budgets, Dimension.Kind.TEAM);
        BigDecimal budget = orgBudget != null ? orgBudget : teamBudget;
        Set<String> budgetedTeams = new HashSet<>();
        budgets.stream().filter(b -> b.node().dimension().kind() == Dimension.Kind.TEAM).forEach(b -> budgetedTeams.add(b.node().value()));
        // a team under a rolling budget is budgeted too (its amount stays out of the month's budget tile)
        new H2BudgetStore(db).rolling().stream().filter(b -> b.node().dimension().kind() == Dimension.Kind.TEAM).forEach(b -> budgetedTeams.add(b.node().value()));

        // movers: month to date against the same days of the previous month (clamped to its length)
        YearMonth prev = month.minusMonths(1);
        LocalDate prevTo = prev.atDay(Math.min(asOf.getDayOfMonth(), prev.lengthOfMonth()));
        SpendReport teams = query.report(first, asOf, List.of(TEAM), none);
        List<Dashboard.Mover> movers = new ArrayList<>();
        movers(movers, "team", teams, query.report(prev.atDay(1), prevTo, List.of(TEAM), none));
        movers(movers, "model", query.report(first, asOf, List.of(MODEL), none), query.report(prev.atDay(1), prevTo, List.of(MODEL), none));
        movers.sort(Comparator.comparing((Dashboard.Mover m) -> m.change().abs()).reversed()
                .thenComparing(Dashboard.Mover::dimension).thenComparing(Dashboard.Mover::key));
        if (movers.size() > Dashboard.TOP) {
            movers = movers.subList(0, Dashboard.TOP);
        }

        // allocation and budget coverage by team
        BigDecimal unallocated = teams.rows().stream().filter(r -> r.keys().get(0).equals(Dimension.UNALLOCATED))
                .map(ReportRow::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal unallocatedShare = Dashboard.share(unallocated, mtd);
        long spendingTeams = teams.rows().stream().filter(r -> !r.keys().get(0).equals(Dimension.UNALLOCATED) && r.cost().signum() > 0).count();
        long budgetedSpending = teams.rows().stream().filter(r -> !r.keys().get(0).equals(Dimension.UNALLOCATED) && r.cost().signum() > 0
                && budgetedTeams.contains(r.keys().get(0))).count();

        BigDecimal cacheHit = Dashboard.share(BigDecimal.valueOf(total.cachedInputTokens()),
                BigDecimal.valueOf(total.inputTokens() + total.cachedInputTokens()));
        BigDecimal priced = Dashboard.share(BigDecimal.valueOf(total.requests() - total.unpricedRequests()), BigDecimal.valueOf(total.requests()));

        // reconciled: providers with spend in the last full month that have an invoice for it (asOf's own month when
        // asOf is its last day: a ledger that ends on 02-28 has a full February)
        YearMonth full = asOf.getDayOfMonth() == asOf.lengthOfMonth() ? month : prev;
        SpendReport providers = query.report(full.atDay(1), full.atEndOfMonth(), List.of(PROVIDER), none);
        H2InvoiceStore invoices = new H2InvoiceStore(db);
        int withSpend = 0, withInvoice = 0;
        for (ReportRow p : providers.rows()) {
            if (p.cost().signum() > 0) {
                withSpend++;
                if (!invoices.list(p.keys().get(0), full.atDay(1), full.atEndOfMonth()).isEmpty()) {
                    withInvoice++;
                }
            }
        }

        Dashboard.Maturity maturity = Dashboard.Maturity.of(unallocatedShare == null ? null : BigDecimal.ONE.subtract(unallocatedShare), priced,
                Dashboard.share(BigDecimal.valueOf(budgetedSpending), BigDecimal.valueOf(spendingTeams)),
                Dashboard.share(BigDecimal.valueOf(withInvoice), BigDecimal.valueOf(withSpend)));

        List<Dashboard.Ranked> agents = query.report(first, asOf, List.of(AGENT), none).rows().stream()
                .filter(r -> !r.keys().get(0).equals(Dimension.UNALLOCATED) && r.cost().signum() > 0)
                .sorted(Comparator.comparing(ReportRow::cost).reversed().thenComparing(r -> r.keys().get(0)))
                .limit(Dashboard.TOP).map(r -> new Dashboard.Ranked(r.keys().get(0), r.cost())).toList();
        List<Dashboard.DayTotal> days = query.report(asOf.minusDays(29), asOf, List.of(DAY), none).rows().stream()
                .filter(r -> r.cost().signum() > 0)
                .sorted(Comparator.comparing(ReportRow::cost).reversed().thenComparing(r -> r.keys().get(0)))
                .limit(Dashboard.TOP).map(r -> new Dashboard.DayTotal(LocalDate.parse(r.keys().get(0)), r.cost())).toList();

        List<Anomaly> anomalies = new ArrayList<>();
        for (Anomaly a : analysis.anomalies(asOf.minusDays(Dashboard.ANOMALY_DAYS - 1L), asOf, AnomalyDetector.DEFAULTS)) {
            anomalies.add(a.withRows(List.of()));
        }
        anomalies.sort(Comparator.comparing(Anomaly::date).reversed());

        // failed requests carry their status as a tag (see LiteLlmSpendLogsReader); everything else is "unallocated" here
        long failed = query.report(first, asOf, List.of(Dimension.parse("tag:status")), none).rows().stream()
                .filter(r -> !r.keys().get(0).equals(Dimension.UNALLOCATED)).mapToLong(ReportRow::requests).sum();
        BigDecimal retries = Dashboard.share(BigDecimal.valueOf(failed), BigDecimal.valueOf(total.requests()));

        return new Dashboard(asOf, mtd, Dashboard.forecast(mtd, asOf), budget, cumulative, movers, anomalies, unallocatedShare, cacheHit,
                retries, outcomes(month, asOf), agents, days, maturity);
    }

    private static BigDecimal sum(List<Budget> budgets, Dimension.Kind kind) {
        return budgets.stream().filter(b -> b.node().dimension().kind() == kind).map(Budget::amount).reduce(BigDecimal::add).orElse(null);
    }

    private static void movers(List<Dashboard.Mover> out, String dim, SpendReport now, SpendReport before) {
        Map<String, BigDecimal> prev = new HashMap<>();
        before.rows().forEach(r -> prev.put(r.keys().get(0), r.cost()));
        Set<String> seen = new HashSet<>();
        for (ReportRow r : now.rows()) {
            seen.add(r.keys().get(0));
            out.add(new Dashboard.Mover(dim, r.keys().get(0), r.cost(), prev.getOrDefault(r.keys().get(0), BigDecimal.ZERO)));
        }
        prev.forEach((k, v) -> {
            if (!seen.contains(k)) {
                out.add(new Dashboard.Mover(dim, k, BigDecimal.ZERO, v));
            }
        });
        out.removeIf(m -> m.change().signum() == 0);
    }

    /** Cost per outcome for the latest month with counts, up to {@code month}; the node's spend counted up to asOf. */
    private List<Dashboard.OutcomeCost> outcomes(YearMonth month, LocalDate asOf) throws SQLException {
        List<String[]> counts = new ArrayList<>();
        try (PreparedStatement ps = db.connection().prepareStatement("SELECT node, outcome_month, outcome, outcome_count FROM outcome_count"
                + " WHERE outcome_month = (SELECT MAX(outcome_month) FROM outcome_count WHERE outcome_month <= ?) ORDER BY node, outcome")) {
            ps.setString(1, month.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.add(new String[]{rs.getString(1), rs.getString(2), rs.getString(3), Long.toString(rs.getLong(4))});
                }
            }
        }
        List<Dashboard.OutcomeCost> out = new ArrayList<>();
        for (String[] c : counts) {
            Node node = Node.parse(c[0]);
            YearMonth m = YearMonth.parse(c[1]);
            long n = Long.parseLong(c[3]);
            LocalDate to = m.atEndOfMonth().isAfter(asOf) ? asOf : m.atEndOfMonth();
            BigDecimal cost = query.report(m.atDay(1), to, List.of(node.dimension()), Map.of()).rows().stream()
                    .filter(r -> r.keys().get(0).equals(node.value())).map(ReportRow::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
            out.add(new Dashboard.OutcomeCost(c[0], c[2], m, n, cost, n == 0 ? null : Dashboard.share(cost, BigDecimal.valueOf(n))));
        }
        return out;
    }
}

package com.aifinops.workbench.app.analysis;

import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.model.analysis.AllocationRules;
import com.aifinops.workbench.model.analysis.Anomaly;
import com.aifinops.workbench.model.analysis.AnomalyDetector;
import com.aifinops.workbench.model.analysis.Budget;
import com.aifinops.workbench.model.analysis.Budgets;
import com.aifinops.workbench.model.analysis.Dimension;
import com.aifinops.workbench.model.analysis.HourlyAnomalyDetector;
import com.aifinops.workbench.model.analysis.Reconciliation;
import com.aifinops.workbench.model.ledger.DailyRollup;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The spend analyses over the H2 ledger: the SQL aggregates daily series, the pure algorithms in
 * {@code model.analysis} decide. Used by the CLI and the window.
 */
public final class SpendAnalysis {
    private final Database db;
    private final H2SpendQuery query;

    public SpendAnalysis(Database db) {
        this.db = db;
        this.query = new H2SpendQuery(db);
    }

    public H2SpendQuery query() {
        return query;
    }

    /** One budget's status and the proposal for its month from the months before. */
    public record BudgetReport(Budgets.Status status, Budgets.Proposal proposal) {
    }

    /**
     * The status of every budget of {@code month} as of {@code asOf} (null: the ledger's last day, within the month).
     */
    public List<BudgetReport> budgetStatus(YearMonth month, LocalDate asOf) throws SQLException {
        if (asOf == null) {
            LocalDate[] span = query.span();
            asOf = span == null ? month.atDay(1).minusDays(1) : span[1];
        }
        List<Budget> budgets = new H2BudgetStore(db).forMonth(month);
        Map<Dimension, Map<String, TreeMap<LocalDate, BigDecimal>>> daily = new HashMap<>();
        Map<Dimension, Map<String, TreeMap<YearMonth, BigDecimal>>> monthly = new HashMap<>();
        LocalDate end = asOf.isAfter(month.atEndOfMonth()) ? month.atEndOfMonth() : asOf;
        List<BudgetReport> out = new ArrayList<>();
        for (Budget b : budgets) {
            Dimension d = b.node().dimension();
            if (!daily.containsKey(d)) {
                daily.put(d, query.dailyCost(d, month.atDay(1), end.isBefore(month.atDay(1)) ? month.atDay(1) : end));
                monthly.put(d, query.monthlyCost(d, month.minusMonths(Budgets.BASELINE_MONTHS), month.minusMonths(1)));
            }
            Budgets.Status s = Budgets.status(b, daily.get(d).getOrDefault(b.node().value(), new TreeMap<>()), asOf);
            out.add(new BudgetReport(s, Budgets.propose(month, monthly.get(d).getOrDefault(b.node().value(), new TreeMap<>()))));
        }
        return out;
    }

    /**
     * The status of every rolling budget as of {@code asOf} (null: the ledger's last day, or today without a ledger),
     * with the proposal from the (up to) three windows ending that day.
     */
    public List<BudgetReport> rollingStatus(LocalDate asOf) throws SQLException {
        if (asOf == null) {
            LocalDate[] span = query.span();
            asOf = span == null ? LocalDate.now(java.time.ZoneOffset.UTC) : span[1];
        }
        List<BudgetReport> out = new ArrayList<>();
        for (Budget b : new H2BudgetStore(db).rolling()) {
            TreeMap<LocalDate, BigDecimal> daily = rollingDaily(b, asOf);
            out.add(new BudgetReport(Budgets.status(b, daily, asOf), Budgets.proposeRolling(b.rollingDays(), daily, asOf)));
        }
        return out;
    }

    /** The node's daily spend a rolling budget reads as of {@code asOf} (its three windows). */
    public TreeMap<LocalDate, BigDecimal> rollingDaily(Budget b, LocalDate asOf) throws SQLException {
        return query.dailyCost(b.node().dimension(), Budgets.rollingDataFrom(b.rollingDays(), asOf), asOf)
                .getOrDefault(b.node().value(), new TreeMap<>());
    }

    /**
     * The day rolling budgets are shown as of beside {@code month}'s budgets: the ledger's last day, clamped to the
     * month's end (a future month: the ledger's last day; no ledger: the month's end).
     */
    public LocalDate rollingAsOf(YearMonth month) throws SQLException {
        LocalDate[] span = query.span();
        if (span == null) {
            return month.atEndOfMonth();
        }
        return span[1].isAfter(month.atEndOfMonth()) ? month.atEndOfMonth() : span[1];
    }

    /**
     * Anomalies starting from {@code from} to {@code to} per agent, team and model, daily and hourly, folded, with
     * the rows behind each and the new unpriced models.
     */
    public List<Anomaly> anomalies(LocalDate from, LocalDate to, AnomalyDetector.Options o) throws SQLException {
        return anomalies(from, to, o, HourlyAnomalyDetector.DEFAULTS.withBand(o.costBand()), EnumSet.allOf(Anomaly.Granularity.class));
    }

    /**
     * Anomalies of the given granularities: the daily detector over {@code usage_daily}, the hourly one over
     * {@code usage_hourly_day} (nothing when the ledger has no hourly rows), an event both see reported once
     * ({@link HourlyAnomalyDetector#merge}); then team and model findings an agent finding explains are folded into
     * it. The rows behind a finding are its key's daily rows on its days, hourly findings included.
     */
    public List<Anomaly> anomalies(LocalDate from, LocalDate to, AnomalyDetector.Options o, HourlyAnomalyDetector.Options ho,
                                   Set<Anomaly.Granularity> granularities) throws SQLException {
        AllocationRules rules = new H2AllocationRuleStore(db).rules();
        List<Anomaly> daily = new ArrayList<>();
        if (granularities.contains(Anomaly.Granularity.DAY)) {
            List<AnomalyDetector.Series> series = query.series(from.minusDays(AnomalyDetector.lookback(o)), to, rules);
            daily.addAll(AnomalyDetector.detect(series, from, to, o));
            daily.addAll(AnomalyDetector.unpriced(query.newUnpricedModels(from, to), from, to));
        }
        List<Anomaly> hourly = List.of();
        if (granularities.contains(Anomaly.Granularity.HOUR)) {
            long first = HourlyAnomalyDetector.firstHour(from), last = HourlyAnomalyDetector.firstHour(to.plusDays(1)) - 1;
            hourly = HourlyAnomalyDetector.detect(H2HourlySeries.series(db.connection(), first - ho.lookbackHours(), last, rules), from, to, ho);
        }
        List<Anomaly> found = HourlyAnomalyDetector.merge(daily, hourly);
        // agent findings first: their rows tell which team and model findings they explain
        List<Anomaly> withAgentRows = new ArrayList<>();
        for (Anomaly f : found) {
            withAgentRows.add(f.dimension().equals("agent") ? withRows(f, to) : f);
        }
        List<Anomaly> folded = AnomalyDetector.fold(withAgentRows, (agent, dim) -> {
            Dimension d = Dimension.parse(dim);
            Set<String> keys = new HashSet<>();
            for (DailyRollup r : agent.rows()) {
                keys.add(d.valueOf(r, rules.apply(r.allocation())));
            }
            return keys;
        });
        List<Anomaly> out = new ArrayList<>();
        for (Anomaly f : folded) {
            out.add(f.dimension().equals("agent") ? f : withRows(f, to));
        }
        return out;
    }

    private Anomaly withRows(Anomaly f, LocalDate to) throws SQLException {
        LocalDate last = f.cause() == Anomaly.Cause.UNPRICED_MODEL ? to : f.lastDate();
        return f.withRows(query.rows(Dimension.parse(f.dimension()), f.key(), f.date(), last));
    }

    /** Reconciles {@code provider}'s usage of {@code period} with the invoices whose period starts in it. */
    public Reconciliation.Result reconcile(String provider, YearMonth period, BigDecimal tolerance) throws SQLException {
        var invoices = new H2InvoiceStore(db).list(provider, period.atDay(1), period.atEndOfMonth());
        var usage = query.usageTotals(provider, period.atDay(1), period.atEndOfMonth());
        return Reconciliation.reconcile(provider, period, usage, invoices, tolerance);
    }
}

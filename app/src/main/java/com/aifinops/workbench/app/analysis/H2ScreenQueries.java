package com.aifinops.workbench.app.analysis;

import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.model.analysis.Anomaly;
import com.aifinops.workbench.model.analysis.AnomalyDetector;
import com.aifinops.workbench.model.analysis.AnomalyQuery;
import com.aifinops.workbench.model.analysis.Budget;
import com.aifinops.workbench.model.analysis.BudgetPeriod;
import com.aifinops.workbench.model.analysis.BudgetQuery;
import com.aifinops.workbench.model.analysis.Budgets;
import com.aifinops.workbench.model.analysis.Dimension;
import com.aifinops.workbench.model.analysis.HourlyAnomalyDetector;
import com.aifinops.workbench.model.analysis.HourlyQuery;
import com.aifinops.workbench.model.analysis.Node;
import com.aifinops.workbench.model.analysis.Reconciliation;
import com.aifinops.workbench.model.analysis.ReconciliationQuery;
import com.aifinops.workbench.model.invoice.Invoice;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/** The Budgets, Anomalies and Reconciliation screens' queries over the H2 ledger, through {@link SpendAnalysis}. */
public final class H2ScreenQueries implements BudgetQuery, AnomalyQuery, HourlyQuery, ReconciliationQuery {
    private final Database db;
    private final SpendAnalysis analysis;

    public H2ScreenQueries(Database db) {
        this.db = db;
        this.analysis = new SpendAnalysis(db);
    }

    // ---- budgets ----

    @Override
    public List<BudgetLine> budgets(YearMonth month) throws SQLException {
        List<BudgetLine> out = new ArrayList<>();
        for (SpendAnalysis.BudgetReport r : analysis.budgetStatus(month, null)) {
            Budgets.Status s = r.status();
            LocalDate first = month.atDay(1);
            TreeMap<LocalDate, BigDecimal> daily = new TreeMap<>();
            if (!s.asOf().isBefore(first)) {
                Node n = s.budget().node();
                daily = analysis.query().dailyCost(n.dimension(), first, s.asOf()).getOrDefault(n.value(), new TreeMap<>());
            }
            out.add(new BudgetLine(s, r.proposal(), daily));
        }
        LocalDate asOf = analysis.rollingAsOf(month);
        for (SpendAnalysis.BudgetReport r : analysis.rollingStatus(asOf)) {
            out.add(new BudgetLine(r.status(), r.proposal(), analysis.rollingDaily(r.status().budget(), asOf)));
        }
        return out;
    }

    @Override
    public List<YearMonth> months() throws SQLException {
        TreeSet<YearMonth> months = new TreeSet<>();
        LocalDate[] span = analysis.query().span();
        if (span != null) {
            for (YearMonth m = YearMonth.from(span[0]); !m.isAfter(YearMonth.from(span[1])); m = m.plusMonths(1)) {
                months.add(m);
            }
        }
        months.addAll(new H2BudgetStore(db).months());
        for (Invoice i : new H2InvoiceStore(db).list()) {
            months.add(YearMonth.from(i.periodStart()));
        }
        return List.copyOf(months);
    }

    @Override
    public Budgets.Proposal propose(Node node, YearMonth month) throws SQLException {
        TreeMap<YearMonth, BigDecimal> monthly = analysis.query()
                .monthlyCost(node.dimension(), month.minusMonths(Budgets.BASELINE_MONTHS), month.minusMonths(1))
                .getOrDefault(node.value(), new TreeMap<>());
        return Budgets.propose(month, monthly);
    }

    @Override
    public void put(Budget budget) throws SQLException {
        new H2BudgetStore(db).put(budget);
    }

    @Override
    public void remove(Node node, YearMonth month) throws SQLException {
        new H2BudgetStore(db).remove(node, month);
    }

    @Override
    public Budgets.Proposal proposeRolling(Node node, int days, YearMonth month) throws SQLException {
        LocalDate asOf = analysis.rollingAsOf(month);
        Budget probe = new Budget(node, new BudgetPeriod.Rolling(days), BigDecimal.ONE, Budgets.DEFAULT_THRESHOLDS);
        return Budgets.proposeRolling(days, analysis.rollingDaily(probe, asOf), asOf);
    }

    @Override
    public void remove(Budget budget) throws SQLException {
        new H2BudgetStore(db).remove(budget);
    }

    // ---- anomalies ----

    @Override
    public List<Anomaly> anomalies(LocalDate from, LocalDate to, AnomalyDetector.Options o) throws SQLException {
        return analysis.anomalies(from, to, o);
    }

    @Override
    public SortedMap<LocalDate, BigDecimal> daily(String dimension, String key, LocalDate from, LocalDate to) throws SQLException {
        return analysis.query().dailyCost(Dimension.parse(dimension), from, to).getOrDefault(key, new TreeMap<>());
    }

    @Override
    public List<Hour> hours(String dimension, String key, Instant from, Instant to) throws SQLException {
        HourlyAnomalyDetector.Series s = H2HourlySeries.key(db.connection(), dimension, key, HourlyAnomalyDetector.hourOf(from),
                HourlyAnomalyDetector.hourOf(to), new H2AllocationRuleStore(db).rules());
        List<Hour> out = new ArrayList<>(s.size());
        for (int i = 0; i < s.size(); i++) {
            out.add(new Hour(HourlyAnomalyDetector.instant(s.hour(i)), s.requests(i), s.cost(i)));
        }
        return out;
    }

    @Override
    public LocalDate[] span() throws SQLException {
        return analysis.query().span();
    }

    // ---- reconciliation ----

    @Override
    public List<String> providers() throws SQLException {
        TreeSet<String> out = new TreeSet<>();
        try (PreparedStatement ps = db.connection().prepareStatement("SELECT DISTINCT provider FROM usage_daily UNION SELECT DISTINCT provider FROM invoice");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return List.copyOf(out);
    }

    @Override
    public Reconciliation.Result reconcile(String provider, YearMonth month) throws SQLException {
        return analysis.reconcile(provider, month, Reconciliation.DEFAULT_TOLERANCE);
    }

    @Override
    public void addInvoice(Invoice invoice) throws SQLException {
        new H2InvoiceStore(db).add(invoice);
    }
}

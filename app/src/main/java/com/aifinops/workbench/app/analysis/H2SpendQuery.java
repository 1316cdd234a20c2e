package com.aifinops.workbench.app.analysis;

import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.model.analysis.AllocationRules;
import com.aifinops.workbench.model.analysis.AnomalyDetector;
import com.aifinops.workbench.model.analysis.Dimension;
import com.aifinops.workbench.model.analysis.Reconciliation;
import com.aifinops.workbench.model.analysis.ReportRow;
import com.aifinops.workbench.model.analysis.SpendQuery;
import com.aifinops.workbench.model.analysis.SpendReport;
import com.aifinops.workbench.model.analysis.TagText;
import com.aifinops.workbench.model.ledger.DailyRollup;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Spend over the H2 ledger. Reports group in SQL (one scan of the period, the rules joined in), so a year of a
 * thousand agents answers in well under a second; tag dimensions group on the stored tag text and are merged in
 * Java.
 */
public final class H2SpendQuery implements SpendQuery {
    private final Connection c;

    public H2SpendQuery(Database db) {
        this.c = db.connection();
    }

    @Override
    public LocalDate[] span() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MIN(usage_day), MAX(usage_day) FROM usage_daily");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getDate(1) == null ? null : new LocalDate[]{rs.getDate(1).toLocalDate(), rs.getDate(2).toLocalDate()};
        }
    }

    @Override
    public SpendReport report(LocalDate from, LocalDate to, List<Dimension> by, Map<Dimension, String> filters) throws SQLException {
        boolean monthly = wholeMonths(from, to) && by.stream().noneMatch(d -> d.kind() == Dimension.Kind.DAY)
                && filters.keySet().stream().noneMatch(d -> d.kind() == Dimension.Kind.DAY);
        if (monthly) {
            SpendSummary.ensureFresh(c);
        }
        boolean tags = by.stream().anyMatch(d -> d.kind() == Dimension.Kind.TAG)
                || filters.keySet().stream().anyMatch(d -> d.kind() == Dimension.Kind.TAG);
        List<String> groupExprs = new ArrayList<>();
        for (Dimension d : by) {
            if (d.kind() != Dimension.Kind.TAG) {
                groupExprs.add(monthly ? LedgerSql.monthlyExpr(d) : LedgerSql.expr(d));
            }
        }
        if (tags) {
            groupExprs.add("u.tags");
        }
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < groupExprs.size(); i++) {
            sql.append(groupExprs.get(i)).append(" AS g").append(i).append(", ");
        }
        sql.append(monthly ? LedgerSql.MONTHLY_SUMS : LedgerSql.DAILY_SUMS);
        sql.append(monthly ? LedgerSql.FROM_MONTHLY : LedgerSql.FROM);
        List<Object> params = new ArrayList<>();
        where(sql, params, from, to, filters, monthly);
        if (!groupExprs.isEmpty()) {
            sql.append(" GROUP BY ");
            for (int i = 0; i < groupExprs.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("g").append(i);
            }
        }
        Map<List<String>, ReportRow> groups = new HashMap<>();
        ReportRow total = SpendReport.empty(List.of());
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                int n = groupExprs.size();
                while (rs.next()) {
                    if (rs.getObject(n + 1) == null) {
                        continue; // no rows at all: SUM over nothing
                    }
                    Map<String, String> tagMap = tags ? TagText.parse(rs.getString(n)) : Map.of();
                    if (tags && !tagFiltersMatch(filters, tagMap)) {
                        continue;
                    }
                    List<String> keys = new ArrayList<>(by.size());
                    int col = 1;
                    for (Dimension d : by) {
                        if (d.kind() == Dimension.Kind.TAG) {
                            String v = tagMap.get(d.tagKey());
                            keys.add(v == null || v.isEmpty() ? Dimension.UNALLOCATED : v);
                        } else {
                            keys.add(rs.getString(col++));
                        }
                    }
                    ReportRow row = new ReportRow(keys, rs.getLong(n + 1), rs.getLong(n + 2), rs.getLong(n + 3), rs.getLong(n + 4),
                            rs.getBigDecimal(n + 5), rs.getBigDecimal(n + 6), rs.getBigDecimal(n + 7), rs.getLong(n + 8));
                    groups.merge(keys, row, ReportRow::plus);
                    total = total.plus(new ReportRow(List.of(), row.requests(), row.inputTokens(), row.cachedInputTokens(),
                            row.outputTokens(), row.cost(), row.billedCost(), row.pricedCost(), row.unpricedRequests()));
                }
            }
        }
        return SpendReport.sorted(by, groups.values(), total);
    }

    /** Whether the period is open or runs from a first to a last day of a month, so the monthly summary can answer. */
    static boolean wholeMonths(LocalDate from, LocalDate to) {
        return (from == null || from.getDayOfMonth() == 1) && (to == null || to.equals(YearMonth.from(to).atEndOfMonth()));
    }

    private static boolean tagFiltersMatch(Map<Dimension, String> filters, Map<String, String> tags) {
        for (Map.Entry<Dimension, String> f : filters.entrySet()) {
            if (f.getKey().kind() == Dimension.Kind.TAG) {
                String v = tags.get(f.getKey().tagKey());
                if (!f.getValue().equals(v == null || v.isEmpty() ? Dimension.UNALLOCATED : v)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void where(StringBuilder sql, List<Object> params, LocalDate from, LocalDate to, Map<Dimension, String> filters,
                              boolean monthly) {
        List<String> conds = new ArrayList<>();
        if (from != null) {
            conds.add(monthly ? "u.usage_month >= ?" : "u.usage_day >= ?");
            params.add(monthly ? YearMonth.from(from).toString() : Date.valueOf(from));
        }
        if (to != null) {
            conds.add(monthly ? "u.usage_month <= ?" : "u.usage_day <= ?");
            params.add(monthly ? YearMonth.from(to).toString() : Date.valueOf(to));
        }
        for (Map.Entry<Dimension, String> f : filters.entrySet()) {
            String e = monthly ? LedgerSql.monthlyExpr(f.getKey()) : LedgerSql.expr(f.getKey());
            if (e != null) {
                conds.add(e + " = ?");
                params.add(f.getValue());
            }
        }
        if (!conds.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", conds));
        }
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }

    /** Daily spend per value of {@code d} (not a tag) from {@code from} to {@code to}: value → day → cost. */
    public Map<String, TreeMap<LocalDate, BigDecimal>> dailyCost(Dimension d, LocalDate from, LocalDate to) throws SQLException {
        String e = requireSql(d);
        Map<String, TreeMap<LocalDate, BigDecimal>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + e + " AS k, u.usage_day, SUM(" + LedgerSql.COST + ")" + LedgerSql.FROM
                + " WHERE u.usage_day >= ? AND u.usage_day <= ? GROUP BY k, u.usage_day")) {
            ps.setDate(1, Date.valueOf(from));
            ps.setDate(2, Date.valueOf(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getDate(2).toLocalDate(), rs.getBigDecimal(3));
                }
            }
        }
        return out;
    }

    /** Monthly spend per value of {@code d} for the months {@code from}..{@code to}: value → month → cost. */
    public Map<String, TreeMap<YearMonth, BigDecimal>> monthlyCost(Dimension d, YearMonth from, YearMonth to) throws SQLException {
        String e = requireSql(d);
        Map<String, TreeMap<YearMonth, BigDecimal>> out = new HashMap<>();
        SpendSummary.ensureFresh(c);
        try (PreparedStatement ps = c.prepareStatement("SELECT " + e + " AS k, u.usage_month, SUM(u.cost)" + LedgerSql.FROM_MONTHLY
                + " WHERE u.usage_month >= ? AND u.usage_month <= ? GROUP BY k, u.usage_month")) {
            ps.setString(1, from.toString());
            ps.setString(2, to.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(YearMonth.parse(rs.getString(2)), rs.getBigDecimal(3));
                }
            }
        }
        return out;
    }

    /**
     * The models first seen between {@code from} and {@code to} that no row prices, with what the files bill for
     * them in that range. The monthly summary narrows the candidates; the daily rows give the first day.
     */
    public List<AnomalyDetector.ModelSeen> newUnpricedModels(LocalDate from, LocalDate to) throws SQLException {
        SpendSummary.ensureFresh(c);
        String m = LedgerSql.expr(Dimension.of(Dimension.Kind.MODEL));
        List<String> candidates = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + m + " AS k FROM usage_monthly u GROUP BY k"
                + " HAVING SUM(u.priced_rows) = 0 AND MIN(u.usage_month) >= ? AND MIN(u.usage_month) <= ?")) {
            ps.setString(1, YearMonth.from(from).toString());
            ps.setString(2, YearMonth.from(to).toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    candidates.add(rs.getString(1));
                }
            }
        }
        List<AnomalyDetector.ModelSeen> out = new ArrayList<>();
        for (String model : candidates) {
            try (PreparedStatement ps = c.prepareStatement("SELECT MIN(u.usage_day), SUM(CASE WHEN u.usage_day >= ? THEN u.billed_cost END)"
                    + " FROM usage_daily u WHERE u.usage_day >= ? AND u.usage_day <= ? AND " + m + " = ?")) {
                ps.setDate(1, Date.valueOf(from));
                ps.setDate(2, Date.valueOf(YearMonth.from(from).atDay(1)));
                ps.setDate(3, Date.valueOf(to));
                ps.setString(4, model);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getDate(1) != null) {
                        out.add(new AnomalyDetector.ModelSeen(model, rs.getDate(1).toLocalDate(), false, rs.getBigDecimal(2)));
                    }
                }
            }
        }
        return out;
    }

    /**
     * The daily series of every agent, team and model from {@code from} to {@code to}, in one scan of the rows, the
     * rules applied. Grouping a thousand agents by day in SQL is slower than summing the rows here: the window is
     * known, so each key sums into arrays indexed by day (exact cost, a {@code BigDecimal} added only when a key has
     * several rows a day) and only days with rows become points, as a day-keyed map would give.
     */
    public List<AnomalyDetector.Series> series(LocalDate from, LocalDate to, AllocationRules rules) throws SQLException {
        long first = from.toEpochDay();
        int span = (int) (to.toEpochDay() - first) + 1;
        // agent, team, model (AnomalyDetector.DIMENSIONS): key → days
        List<Map<String, DaySums>> maps = List.of(new HashMap<>(), new HashMap<>(), new HashMap<>());
        try (PreparedStatement ps = c.prepareStatement("SELECT u.usage_day, u.agent, u.team, u.api_key, u.workspace,"
                + " COALESCE(u.model_id, u.model_raw), u.requests, u.uncached_input + u.cache_read + u.cache_write_5m + u.cache_write_1h,"
                + " u.output_tokens, COALESCE(u.billed_cost, u.priced_cost, CAST(0 AS DECFLOAT))"
                + " FROM usage_daily u WHERE u.usage_day >= ? AND u.usage_day <= ?")) {
            ps.setDate(1, Date.valueOf(from));
            ps.setDate(2, Date.valueOf(to));
            try (ResultSet rs = ps.executeQuery()) {
                String[] keys = new String[3];
                while (rs.next()) {
                    int day = (int) (rs.getObject(1, LocalDate.class).toEpochDay() - first);
                    keys[0] = orUnallocated(rs.getString(2));
                    keys[1] = orUnallocated(rules.team(rs.getString(3), rs.getString(4), rs.getString(5)));
                    keys[2] = orUnallocated(rs.getString(6));
                    long req = rs.getLong(7), in = rs.getLong(8), out = rs.getLong(9);
                    BigDecimal cost = rs.getBigDecimal(10);
                    for (int i = 0; i < 3; i++) {
                        DaySums s = maps.get(i).get(keys[i]);
                        if (s == null) {
                            s = new DaySums(span);
                            maps.get(i).put(keys[i], s);
                        }
                        s.add(day, req, in, out, cost);
                    }
                }
            }
        }
        List<AnomalyDetector.Series> out = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String label = AnomalyDetector.DIMENSIONS.get(i).label();
            maps.get(i).forEach((key, sums) -> out.add(new AnomalyDetector.Series(label, key, sums.points(from))));
        }
        return out;
    }

    /** One key's sums per day of the window; a day without rows has no cost (null) and yields no point. */
    private static final class DaySums {
        final long[] requests, input, output;
        final BigDecimal[] cost;

        DaySums(int days) {
            requests = new long[days];
            input = new long[days];
            output = new long[days];
            cost = new BigDecimal[days];
        }

        void add(int day, long req, long in, long out, BigDecimal c) {
            requests[day] += req;
            input[day] += in;
            output[day] += out;
            cost[day] = cost[day] == null ? c : cost[day].add(c);
        }

        List<AnomalyDetector.DayPoint> points(LocalDate first) {
            List<AnomalyDetector.DayPoint> pts = new ArrayList<>();
            for (int d = 0; d < cost.length; d++) {
                if (cost[d] != null) {
                    pts.add(new AnomalyDetector.DayPoint(first.plusDays(d), requests[d], input[d], output[d], cost[d]));
                }
            }
            return pts;
        }
    }

    private static String orUnallocated(String v) {
        return v == null || v.isEmpty() ? Dimension.UNALLOCATED : v;
    }

    /** The ledger rows whose value for {@code d} is {@code value}, from {@code from} to {@code to} (as stored; rules not applied). */
    public List<DailyRollup> rows(Dimension d, String value, LocalDate from, LocalDate to) throws SQLException {
        String e = requireSql(d);
        return rows(" WHERE u.usage_day >= ? AND u.usage_day <= ? AND " + e + " = ?", Date.valueOf(from), Date.valueOf(to), value);
    }

    /** Every ledger row from {@code from} to {@code to}. */
    public List<DailyRollup> rows(LocalDate from, LocalDate to) throws SQLException {
        return rows(" WHERE u.usage_day >= ? AND u.usage_day <= ?", Date.valueOf(from), Date.valueOf(to));
    }

    private List<DailyRollup> rows(String where, Object... params) throws SQLException {
        List<DailyRollup> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT u.usage_day, u.provider, u.model_raw, u.model_id, u.org_name, u.team,"
                + " u.project, u.agent, u.user_id, u.api_key, u.workspace, u.environment, u.feature, u.customer, u.tags, u.requests,"
                + " u.uncached_input, u.cache_read, u.cache_write_5m, u.cache_write_1h, u.output_tokens, u.reasoning_tokens,"
                + " u.priced_cost, u.billed_cost" + LedgerSql.FROM + where + " ORDER BY u.usage_day")) {
            bind(ps, List.of(params));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(LedgerSql.rollup(rs));
                }
            }
        }
        return out;
    }

    /** One provider's usage from {@code from} to {@code to}, summed for reconciliation. */
    public Reconciliation.UsageTotals usageTotals(String provider, LocalDate from, LocalDate to) throws SQLException {
        String range = " FROM usage_daily u WHERE u.provider = ? AND u.usage_day >= ? AND u.usage_day <= ?";
        TreeSet<String> unpriced = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT u.model_raw" + range + " AND u.priced_cost IS NULL")) {
            ps.setString(1, provider);
            ps.setDate(2, Date.valueOf(from));
            ps.setDate(3, Date.valueOf(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    unpriced.add(rs.getString(1));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT SUM(COALESCE(u.priced_cost, CAST(0 AS DECFLOAT))), SUM(u.billed_cost),"
                + " SUM(CASE WHEN u.priced_cost IS NOT NULL AND u.billed_cost IS NOT NULL THEN u.billed_cost - u.priced_cost END),"
                + " SUM(CASE WHEN u.priced_cost IS NULL THEN u.billed_cost END),"
                + " SUM(CASE WHEN u.priced_cost IS NULL AND u.billed_cost IS NULL THEN u.requests ELSE 0 END), SUM(u.requests)" + range)) {
            ps.setString(1, provider);
            ps.setDate(2, Date.valueOf(from));
            ps.setDate(3, Date.valueOf(to));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Reconciliation.UsageTotals(zero(rs.getBigDecimal(1)), rs.getBigDecimal(2), zero(rs.getBigDecimal(3)),
                        zero(rs.getBigDecimal(4)), rs.getLong(5), rs.getLong(6), List.copyOf(unpriced));
            }
        }
    }

    private static BigDecimal zero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    private static String requireSql(Dimension d) {
        String e = LedgerSql.expr(d);
        if (e == null) {
            throw new IllegalArgumentException("tag dimensions cannot be used here (" + d + ")");
        }
        return e;
    }
}

package com.aifinops.workbench.app.analysis;

import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.model.analysis.Dimension;
import com.aifinops.workbench.model.analysis.ReportRow;
import com.aifinops.workbench.model.analysis.SpendRows;
import com.aifinops.workbench.model.analysis.SpendRowsQuery;
import com.aifinops.workbench.model.ledger.DailyRollup;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code usage_daily} rows behind a figure, with the rules joined in as the reports join them ({@link LedgerSql}),
 * so the rows' team and project and the sums are the report's. Without tag conditions one query counts and sums
 * every match and another lists them with a LIMIT: ordered by cost when they all fit, else by day, which the day
 * index serves without sorting (ordering a year of rows by their DECFLOAT cost takes H2 seconds; by day, a tenth of
 * one). Tags are stored as text, so a tag condition reads the matches of the other conditions and filters them here.
 */
public final class H2SpendRows implements SpendRowsQuery {
    /** Team and project as the rules resolve them, without the 'unallocated' of the report expressions. */
    private static final String TEAM = "COALESCE(NULLIF(u.team, ''), NULLIF(rk.team, ''), NULLIF(rw.team, ''), NULLIF(ki.team, ''))";
    private static final String PROJECT = "COALESCE(NULLIF(u.project, ''), NULLIF(rk.project, ''), NULLIF(rw.project, ''))";
    private static final String COLUMNS = "SELECT u.usage_day, u.provider, u.model_raw, u.model_id, u.org_name, " + TEAM + ", " + PROJECT + ","
            + " u.agent, u.user_id, u.api_key, u.workspace, u.environment, u.feature, u.customer, u.tags, u.requests,"
            + " u.uncached_input, u.cache_read, u.cache_write_5m, u.cache_write_1h, u.output_tokens, u.reasoning_tokens,"
            + " u.priced_cost, u.billed_cost";
    private static final String COSTLIEST = " ORDER BY " + LedgerSql.COST + " DESC, u.usage_day, u.provider, u.model_raw, u.team, u.project,"
            + " u.agent, u.api_key, u.user_id, u.batch_id";
    /** A single key, so that H2 walks the day index and stops at the LIMIT. */
    private static final String EARLIEST = " ORDER BY u.usage_day";

    private final Connection c;

    public H2SpendRows(Database db) {
        this.c = db.connection();
    }

    @Override
    public SpendRows rows(SpendRows.Filter filter, int limit) throws SQLException {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        boolean tags = filter.equal().keySet().stream().anyMatch(d -> d.kind() == Dimension.Kind.TAG)
                || filter.excluded().keySet().stream().anyMatch(d -> d.kind() == Dimension.Kind.TAG);
        if (tags) {
            List<DailyRollup> matching = new ArrayList<>();
            for (DailyRollup r : list(where + EARLIEST, params)) {
                if (filter.matches(r, r.allocation())) {
                    matching.add(r);
                }
            }
            return SpendRows.of(filter, matching, limit);
        }
        ReportRow total;
        long matched;
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), " + LedgerSql.DAILY_SUMS + LedgerSql.FROM + where)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                matched = rs.getLong(1);
                total = matched == 0 ? new ReportRow(List.of(), 0, 0, 0, 0, java.math.BigDecimal.ZERO, null, java.math.BigDecimal.ZERO, 0)
                        : new ReportRow(List.of(), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), LedgerSql.amount(rs.getBigDecimal(6)),
                        LedgerSql.amount(rs.getBigDecimal(7)), LedgerSql.amount(rs.getBigDecimal(8)), rs.getLong(9));
            }
        }
        List<Object> limited = new ArrayList<>(params);
        limited.add(limit);
        List<DailyRollup> listed = list(where + (matched <= limit ? COSTLIEST : EARLIEST) + " LIMIT ?", limited);
        if (matched > limit) {
            listed.sort(SpendRows.COSTLIEST_FIRST);
        }
        return new SpendRows(filter, listed, matched, total);
    }

    private static String where(SpendRows.Filter f, List<Object> params) {
        List<String> conds = new ArrayList<>();
        if (f.from() != null) {
            conds.add("u.usage_day >= ?");
            params.add(Date.valueOf(f.from()));
        }
        if (f.to() != null) {
            conds.add("u.usage_day <= ?");
            params.add(Date.valueOf(f.to()));
        }
        for (Map.Entry<Dimension, String> e : f.equal().entrySet()) {
            String expr = LedgerSql.expr(e.getKey());
            if (expr != null) {
                conds.add(expr + " = ?");
                params.add(e.getValue());
            }
        }
        for (Map.Entry<Dimension, Set<String>> e : f.excluded().entrySet()) {
            String expr = LedgerSql.expr(e.getKey());
            if (expr != null && !e.getValue().isEmpty()) {
                conds.add(expr + " NOT IN (" + String.join(", ", java.util.Collections.nCopies(e.getValue().size(), "?")) + ")");
                params.addAll(e.getValue());
            }
        }
        return conds.isEmpty() ? "" : " WHERE " + String.join(" AND ", conds);
    }

    private List<DailyRollup> list(String tail, List<Object> params) throws SQLException {
        List<DailyRollup> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(COLUMNS + LedgerSql.FROM + tail)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(LedgerSql.rollup(rs));
                }
            }
        }
        return out;
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }
}

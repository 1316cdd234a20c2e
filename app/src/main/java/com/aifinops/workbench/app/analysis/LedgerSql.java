package com.aifinops.workbench.app.analysis;

import com.aifinops.workbench.model.analysis.Dimension;
import com.aifinops.workbench.model.analysis.TagText;
import com.aifinops.workbench.model.ledger.DailyRollup;
import com.aifinops.workbench.model.usage.Allocation;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * SQL over {@code usage_daily} with the allocation rules and the key inventory joined in, so grouping happens in H2 and a rule applies
 * to every row already imported. Each dimension has one expression; {@link Dimension#UNALLOCATED} stands for a
 * missing value, as in {@link com.aifinops.workbench.model.analysis.SpendReport}.
 */
final class LedgerSql {
    /** The rows with their api_key and workspace rules (at most one each: the rule table's key is field + value). */
    static final String FROM = from("usage_daily");
    /** The same over the monthly summary. */
    static final String FROM_MONTHLY = from("usage_monthly");
    /** The report's sums over usage_daily: requests, input (uncached + writes), cache reads, output, cost, billed, priced, unpriced requests. */
    static final String DAILY_SUMS = "SUM(u.requests), SUM(u.uncached_input + u.cache_write_5m + u.cache_write_1h), SUM(u.cache_read),"
            + " SUM(u.output_tokens), SUM(COALESCE(u.billed_cost, u.priced_cost, CAST(0 AS DECFLOAT))), SUM(u.billed_cost),"
            + " SUM(COALESCE(u.priced_cost, CAST(0 AS DECFLOAT))),"
            + " SUM(CASE WHEN u.billed_cost IS NULL AND u.priced_cost IS NULL THEN u.requests ELSE 0 END)";
    /** The same sums over usage_monthly, whose rows already hold them. */
    static final String MONTHLY_SUMS = "SUM(u.requests), SUM(u.uncached_input + u.cache_write_5m + u.cache_write_1h), SUM(u.cache_read),"
            + " SUM(u.output_tokens), SUM(u.cost), SUM(u.billed_cost), SUM(u.priced_cost), SUM(u.unpriced_requests)";
    /** The best known cost of a row: billed when stated, else priced, else 0. */
    static final String COST = "COALESCE(u.billed_cost, u.priced_cost, CAST(0 AS DECFLOAT))";

    private LedgerSql() {
    }

    /**
     * The usage_daily row of the current result row, whose columns are: usage_day, provider, model_raw, model_id,
     * org_name, team, project, agent, user_id, api_key, workspace, environment, feature, customer, tags, requests,
     * uncached_input, cache_read, cache_write_5m, cache_write_1h, output_tokens, reasoning_tokens, priced_cost,
     * billed_cost (team and project may be the rule-resolved expressions).
     */
    static DailyRollup rollup(ResultSet rs) throws SQLException {
        Allocation a = new Allocation(rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14),
                TagText.parse(rs.getString(15)));
        return new DailyRollup(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getString(3), rs.getString(4), a,
                rs.getLong(16), rs.getLong(17), rs.getLong(18), rs.getLong(19), rs.getLong(20), rs.getLong(21),
                rs.getLong(22), amount(rs.getBigDecimal(23)), amount(rs.getBigDecimal(24)));
    }

    /** An amount as read back: DECFLOAT drops trailing zeros (20.00 → 2E+1), so give it a plain non-negative scale. */
    static java.math.BigDecimal amount(java.math.BigDecimal v) {
        return v == null || v.scale() >= 0 ? v : v.setScale(0);
    }

    private static String from(String table) {
        return " FROM " + table + " u"
                + " LEFT JOIN allocation_rule rk ON rk.match_field = 'api_key' AND rk.match_value = u.api_key"
                + " LEFT JOIN allocation_rule rw ON rw.match_field = 'workspace' AND rw.match_value = u.workspace"
                + " LEFT JOIN api_key_inventory ki ON ki.api_key = u.api_key";
    }

    /** The dimension's value over the monthly summary (no day there). */
    static String monthlyExpr(Dimension d) {
        return switch (d.kind()) {
            case DAY -> throw new IllegalArgumentException("the monthly summary has no days");
            case MONTH -> "u.usage_month";
            default -> expr(d);
        };
    }

    /** The SQL value of a dimension; {@code null} for tags, which are grouped in Java from {@code u.tags}. */
    static String expr(Dimension d) {
        return switch (d.kind()) {
            case ORG -> plain("u.org_name");
            case TEAM -> "COALESCE(NULLIF(u.team, ''), NULLIF(rk.team, ''), NULLIF(rw.team, ''), NULLIF(ki.team, ''), 'unallocated')";
            case PROJECT -> "COALESCE(NULLIF(u.project, ''), NULLIF(rk.project, ''), NULLIF(rw.project, ''), 'unallocated')";
            case AGENT -> plain("u.agent");
            case USER -> plain("u.user_id");
            case API_KEY -> plain("u.api_key");
            case WORKSPACE -> plain("u.workspace");
            case ENVIRONMENT -> plain("u.environment");
            case FEATURE -> plain("u.feature");
            case CUSTOMER -> plain("u.customer");
            case MODEL -> "COALESCE(NULLIF(COALESCE(u.model_id, u.model_raw), ''), 'unallocated')";
            case PROVIDER -> "u.provider";
            case DAY -> "CAST(u.usage_day AS VARCHAR)";
            case MONTH -> "SUBSTRING(CAST(u.usage_day AS VARCHAR) FROM 1 FOR 7)";
            case TAG -> null;
        };
    }

    private static String plain(String column) {
        return "COALESCE(NULLIF(" + column + ", ''), 'unallocated')";
    }
}

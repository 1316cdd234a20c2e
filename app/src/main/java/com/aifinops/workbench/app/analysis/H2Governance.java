package com.aifinops.workbench.app.analysis;

import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.model.analysis.Governance;
import com.aifinops.workbench.model.analysis.GovernanceQuery;
import com.aifinops.workbench.model.analysis.TagText;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Key and model governance over the H2 ledger: one grouped scan of {@code usage_daily} up to the as-of day, the key
 * inventory and the approved models; {@link Governance} decides.
 */
public final class H2Governance implements GovernanceQuery {
    private final Database db;
    private final Connection c;

    public H2Governance(Database db) {
        this.db = db;
        this.c = db.connection();
    }

    /** The inventory and findings as of {@code asOf} (null: the ledger's last day, or today when it is empty). */
    @Override
    public Governance.Report report(LocalDate asOf) throws SQLException {
        if (asOf == null) {
            LocalDate[] span = new H2SpendQuery(db).span();
            asOf = span == null ? LocalDate.now() : span[1];
        }
        LocalDate recentFrom = asOf.minusDays(Governance.WINDOW_DAYS - 1L);
        LocalDate previousFrom = asOf.minusDays(2L * Governance.WINDOW_DAYS - 1);
        List<Governance.Usage> usage = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT u.api_key, u.workspace, u.project, u.environment, u.tags,"
                + " COALESCE(NULLIF(COALESCE(u.model_id, u.model_raw), ''), 'unallocated') AS m, MIN(u.usage_day), MAX(u.usage_day),"
                + " SUM(" + LedgerSql.COST + "), SUM(u.requests),"
                + " SUM(CASE WHEN u.usage_day >= ? THEN " + LedgerSql.COST + " END),"
                + " SUM(CASE WHEN u.usage_day >= ? AND u.usage_day < ? THEN " + LedgerSql.COST + " END)"
                + " FROM usage_daily u WHERE u.usage_day <= ?"
                + " GROUP BY u.api_key, u.workspace, u.project, u.environment, u.tags, m")) {
            ps.setDate(1, Date.valueOf(recentFrom));
            ps.setDate(2, Date.valueOf(previousFrom));
            ps.setDate(3, Date.valueOf(recentFrom));
            ps.setDate(4, Date.valueOf(asOf));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    usage.add(new Governance.Usage(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            TagText.parse(rs.getString(5)), rs.getString(6), rs.getDate(7).toLocalDate(), rs.getDate(8).toLocalDate(),
                            rs.getBigDecimal(9), rs.getLong(10), rs.getBigDecimal(11), rs.getBigDecimal(12)));
                }
            }
        }
        H2SpendSettings settings = new H2SpendSettings(db);
        List<Governance.KeyEntry> inventory = new ArrayList<>();
        for (H2SpendSettings.ApiKeyEntry e : settings.apiKeys()) {
            inventory.add(new Governance.KeyEntry(e.apiKey(), e.owner(), e.team(), e.costCentre(), e.declaredUse(), e.environment()));
        }
        return Governance.evaluate(asOf, usage, inventory, settings.approvedModels());
    }

    @Override
    public void putKey(Governance.KeyEntry e) throws SQLException {
        new H2SpendSettings(db).putApiKey(new H2SpendSettings.ApiKeyEntry(e.apiKey(), e.owner(), e.team(), e.costCentre(),
                e.declaredUse(), e.environment()));
    }

    @Override
    public boolean removeKey(String apiKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM api_key_inventory WHERE api_key = ?")) {
            ps.setString(1, apiKey);
            return ps.executeUpdate() > 0;
        }
    }

    @Override
    public void approve(String environment, String model) throws SQLException {
        new H2SpendSettings(db).approveModel(environment, model);
    }

    /** Removes a model from an environment's approved list; false when it was not on it. */
    @Override
    public boolean unapprove(String environment, String model) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM approved_model WHERE environment = ? AND model = ?")) {
            ps.setString(1, environment);
            ps.setString(2, model);
            return ps.executeUpdate() > 0;
        }
    }
}

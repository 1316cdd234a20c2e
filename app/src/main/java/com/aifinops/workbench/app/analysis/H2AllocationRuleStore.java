package com.aifinops.workbench.app.analysis;

import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.model.analysis.AllocationRules;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Allocation rules in H2 ({@code allocation_rule}, V4). One rule per field and value; setting it again replaces it. */
public final class H2AllocationRuleStore {
    private final Connection c;

    public H2AllocationRuleStore(Database db) {
        this.c = db.connection();
    }

    public void put(AllocationRules.Rule r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO allocation_rule (match_field, match_value, team, project) KEY (match_field, match_value) VALUES (?,?,?,?)")) {
            ps.setString(1, r.field().label());
            ps.setString(2, r.value());
            ps.setString(3, r.team());
            ps.setString(4, r.project());
            ps.executeUpdate();
        }
    }

    public boolean remove(AllocationRules.Field field, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM allocation_rule WHERE match_field = ? AND match_value = ?")) {
            ps.setString(1, field.label());
            ps.setString(2, value);
            return ps.executeUpdate() > 0;
        }
    }

    /** The rules, with the key inventory's teams as the last resort (see {@link AllocationRules}). */
    public AllocationRules rules() throws SQLException {
        List<AllocationRules.Rule> rules = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT match_field, match_value, team, project FROM allocation_rule ORDER BY match_field, match_value");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rules.add(new AllocationRules.Rule(AllocationRules.Field.parse(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
        java.util.Map<String, String> inventory = new java.util.HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT api_key, team FROM api_key_inventory WHERE team IS NOT NULL AND team <> ''");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                inventory.put(rs.getString(1), rs.getString(2));
            }
        }
        return new AllocationRules(rules, inventory);
    }
}

package com.aifinops.workbench.app.store;

import com.aifinops.workbench.model.price.CatalogStore;
import com.aifinops.workbench.model.price.ContextTier;
import com.aifinops.workbench.model.price.ContractTerm;
import com.aifinops.workbench.model.price.PriceRow;
import com.aifinops.workbench.model.price.Rates;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The user's price rows and contract terms in H2 (migration V2). Newest rows first. */
public final class H2CatalogStore implements CatalogStore {
    private final Connection c;

    public H2CatalogStore(Database db) {
        this.c = db.connection();
    }

    @Override
    public List<PriceRow> rows() throws SQLException {
        Map<Long, List<Object[]>> tiers = new HashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT row_id, above_tokens, input, cached_read, cache_write_5m, cache_write_1h, output FROM price_tier")) {
            while (rs.next()) {
                tiers.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Object[]{rs.getLong(2),
                        new Rates(rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7))});
            }
        }
        Map<Long, PriceRow> rows = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, provider, model_id, display_name, aliases, effective_from, effective_until,"
                     + " source, as_of, batch_input, batch_output FROM price_row ORDER BY id DESC")) {
            while (rs.next()) {
                long id = rs.getLong(1);
                Rates base = null;
                List<ContextTier> upper = new ArrayList<>();
                for (Object[] t : tiers.getOrDefault(id, List.of())) {
                    if ((long) t[0] == 0) {
                        base = (Rates) t[1];
                    } else {
                        upper.add(new ContextTier((long) t[0], (Rates) t[1]));
                    }
                }
                String aliases = rs.getString(5);
                rows.put(id, new PriceRow(rs.getString(2), rs.getString(3), rs.getString(4),
                        aliases.isEmpty() ? List.of() : Arrays.asList(aliases.split("\n")),
                        date(rs.getDate(6)), date(rs.getDate(7)), rs.getString(8), rs.getString(9), base, upper,
                        rs.getBigDecimal(10), rs.getBigDecimal(11)));
            }
        }
        return List.copyOf(rows.values());
    }

    @Override
    public void add(List<PriceRow> rows) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement row = c.prepareStatement("INSERT INTO price_row (provider, model_id, display_name, aliases,"
                + " effective_from, effective_until, source, as_of, batch_input, batch_output) VALUES (?,?,?,?,?,?,?,?,?,?)",
                Statement.RETURN_GENERATED_KEYS);
             PreparedStatement tier = c.prepareStatement("INSERT INTO price_tier (row_id, above_tokens, input, cached_read,"
                     + " cache_write_5m, cache_write_1h, output) VALUES (?,?,?,?,?,?,?)")) {
            for (PriceRow r : rows) {
                row.setString(1, r.provider());
                row.setString(2, r.modelId());
                row.setString(3, r.displayName());
                row.setString(4, String.join("\n", r.aliases()));
                row.setDate(5, r.effectiveFrom() == null ? null : Date.valueOf(r.effectiveFrom()));
                row.setDate(6, r.effectiveUntil() == null ? null : Date.valueOf(r.effectiveUntil()));
                row.setString(7, r.source());
                row.setString(8, r.asOf());
                decimal(row, 9, r.batchInput());
                decimal(row, 10, r.batchOutput());
                row.executeUpdate();
                long id;
                try (ResultSet keys = row.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
                addTier(tier, id, 0, r.base());
                for (ContextTier t : r.tiers()) {
                    addTier(tier, id, t.aboveTokens(), t.rates());
                }
            }
            tier.executeBatch();
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    private static void addTier(PreparedStatement ps, long rowId, long above, Rates r) throws SQLException {
        ps.setLong(1, rowId);
        ps.setLong(2, above);
        decimal(ps, 3, r.input());
        decimal(ps, 4, r.cachedRead());
        decimal(ps, 5, r.cacheWrite5m());
        decimal(ps, 6, r.cacheWrite1h());
        decimal(ps, 7, r.output());
        ps.addBatch();
    }

    @Override
    public List<ContractTerm> contractTerms() throws SQLException {
        List<ContractTerm> terms = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT scope, name, discount_percent, input, cached_read, cache_write_5m,"
                     + " cache_write_1h, output FROM contract_term ORDER BY scope, name")) {
            while (rs.next()) {
                BigDecimal input = rs.getBigDecimal(4);
                terms.add(new ContractTerm(ContractTerm.Scope.valueOf(rs.getString(1)), rs.getString(2), rs.getBigDecimal(3),
                        input == null ? null : new Rates(input, rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7),
                                rs.getBigDecimal(8))));
            }
        }
        return terms;
    }

    @Override
    public void putContractTerm(ContractTerm t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO contract_term (scope, name, discount_percent, input,"
                + " cached_read, cache_write_5m, cache_write_1h, output) KEY (scope, name) VALUES (?,?,?,?,?,?,?,?)")) {
            ps.setString(1, t.scope().name());
            ps.setString(2, t.name());
            decimal(ps, 3, t.discountPercent());
            Rates r = t.contracted();
            decimal(ps, 4, r == null ? null : r.input());
            decimal(ps, 5, r == null ? null : r.cachedRead());
            decimal(ps, 6, r == null ? null : r.cacheWrite5m());
            decimal(ps, 7, r == null ? null : r.cacheWrite1h());
            decimal(ps, 8, r == null ? null : r.output());
            ps.executeUpdate();
        }
    }

    private static void decimal(PreparedStatement ps, int i, BigDecimal v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.NUMERIC);
        } else {
            ps.setBigDecimal(i, v);
        }
    }

    private static java.time.LocalDate date(Date d) {
        return d == null ? null : d.toLocalDate();
    }
}

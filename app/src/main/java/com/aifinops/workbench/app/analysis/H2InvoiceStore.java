package com.aifinops.workbench.app.analysis;

import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.model.invoice.Invoice;
import com.aifinops.workbench.model.invoice.InvoiceLine;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Invoices and their lines in H2 ({@code invoice}, {@code invoice_line}, V3). An invoice number is unique per provider. */
public final class H2InvoiceStore {
    private final Connection c;

    public H2InvoiceStore(Database db) {
        this.c = db.connection();
    }

    /** Adds an invoice with its lines in one transaction; returns its id. Fails when the provider already has that number. */
    public long add(Invoice inv) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            long id = insert(inv);
            c.commit();
            return id;
        } catch (SQLException e) {
            c.rollback();
            if (e.getErrorCode() == org.h2.api.ErrorCode.DUPLICATE_KEY_1) {
                throw new SQLException("invoice " + inv.invoiceNo() + " of " + inv.provider() + " is already entered", e.getSQLState(), e.getErrorCode(), e);
            }
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    /**
     * Adds, in one transaction, every invoice whose provider and number are not entered yet (so reading the same
     * statement again adds nothing); returns the ones added.
     */
    public List<Invoice> addNew(List<Invoice> invoices) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            List<Invoice> added = new ArrayList<>();
            for (Invoice inv : invoices) {
                if (!exists(inv.provider(), inv.invoiceNo())) {
                    insert(inv);
                    added.add(inv);
                }
            }
            c.commit();
            return added;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    private boolean exists(String provider, String invoiceNo) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM invoice WHERE provider = ? AND invoice_no = ?")) {
            ps.setString(1, provider);
            ps.setString(2, invoiceNo);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private long insert(Invoice inv) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO invoice (provider, invoice_no, period_start, period_end, currency)"
                + " VALUES (?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS);
             PreparedStatement line = c.prepareStatement("INSERT INTO invoice_line (invoice_id, seq, kind, description, model_raw, amount)"
                     + " VALUES (?,?,?,?,?,?)")) {
            ps.setString(1, inv.provider());
            ps.setString(2, inv.invoiceNo());
            ps.setDate(3, Date.valueOf(inv.periodStart()));
            ps.setDate(4, Date.valueOf(inv.periodEnd()));
            ps.setString(5, inv.currency());
            ps.executeUpdate();
            long id;
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
            int seq = 0;
            for (InvoiceLine l : inv.lines()) {
                line.setLong(1, id);
                line.setInt(2, seq++);
                line.setString(3, l.kind().name());
                line.setString(4, l.description());
                line.setString(5, l.model());
                line.setBigDecimal(6, l.amount());
                line.addBatch();
            }
            line.executeBatch();
            return id;
        }
    }

    public boolean remove(String provider, String invoiceNo) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM invoice WHERE provider = ? AND invoice_no = ?")) {
            ps.setString(1, provider);
            ps.setString(2, invoiceNo);
            return ps.executeUpdate() > 0;
        }
    }

    /** Every invoice, by provider and period. */
    public List<Invoice> list() throws SQLException {
        return list(null, null, null);
    }

    /**
     * Invoices of {@code provider} (null: all) whose period starts between {@code from} and {@code to}
     * (either null: open), by provider and period.
     */
    public List<Invoice> list(String provider, LocalDate from, LocalDate to) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT i.id, i.provider, i.invoice_no, i.period_start, i.period_end, i.currency,"
                + " l.kind, l.description, l.model_raw, l.amount FROM invoice i LEFT JOIN invoice_line l ON l.invoice_id = i.id WHERE 1=1");
        List<Object> params = new ArrayList<>();
        if (provider != null) {
            sql.append(" AND i.provider = ?");
            params.add(provider);
        }
        if (from != null) {
            sql.append(" AND i.period_start >= ?");
            params.add(Date.valueOf(from));
        }
        if (to != null) {
            sql.append(" AND i.period_start <= ?");
            params.add(Date.valueOf(to));
        }
        sql.append(" ORDER BY i.provider, i.period_start, i.invoice_no, l.seq");
        Map<Long, Object[]> heads = new LinkedHashMap<>();
        Map<Long, List<InvoiceLine>> lines = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    heads.computeIfAbsent(id, k -> {
                        try {
                            return new Object[]{rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(), rs.getDate(5).toLocalDate(), rs.getString(6)};
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    List<InvoiceLine> ls = lines.computeIfAbsent(id, k -> new ArrayList<>());
                    if (rs.getString(7) != null) {
                        ls.add(new InvoiceLine(InvoiceLine.Kind.valueOf(rs.getString(7)), rs.getString(8), rs.getString(9), LedgerSql.amount(rs.getBigDecimal(10))));
                    }
                }
            }
        }
        List<Invoice> out = new ArrayList<>();
        heads.forEach((id, h) -> out.add(new Invoice((String) h[0], (String) h[1], (LocalDate) h[2], (LocalDate) h[3], (String) h[4],
                lines.get(id), null)));
        return out;
    }
}

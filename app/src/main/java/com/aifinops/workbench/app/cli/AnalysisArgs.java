package com.aifinops.workbench.app.cli;

import com.aifinops.workbench.model.Usd;
import com.aifinops.workbench.model.analysis.Node;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** Option parsing shared by the spend-analysis commands: dates, months, nodes, amounts. */
final class AnalysisArgs {
    private AnalysisArgs() {
    }

    static LocalDate date(Args a, String name) throws CliException {
        String v = a.get(name).orElse(null);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v.strip());
        } catch (DateTimeParseException e) {
            throw new CliException("--" + name + ": expected a date YYYY-MM-DD, got '" + v + "'");
        }
    }

    static YearMonth month(Args a, String name) throws CliException {
        String v = a.get(name).orElse(null);
        if (v == null) {
            return null;
        }
        try {
            return YearMonth.parse(v.strip());
        } catch (DateTimeParseException e) {
            throw new CliException("--" + name + ": expected a month YYYY-MM, got '" + v + "'");
        }
    }

    static Node node(Args a, String name) throws CliException {
        String v = a.require(name);
        try {
            return Node.parse(v);
        } catch (IllegalArgumentException e) {
            throw new CliException("--" + name + ": " + e.getMessage());
        }
    }

    /** An amount rounded half-up to cents, as every amount is printed; null stays null. */
    static String cents(BigDecimal v) {
        return v == null ? null : Usd.cents(v).toPlainString();
    }

    /** For text output: "$1,234.56", or "—" for unknown. */
    static String money(BigDecimal v) {
        return v == null ? "—" : Usd.format(v);
    }

    static void checkRange(LocalDate from, LocalDate to) throws CliException {
        if (from != null && to != null && to.isBefore(from)) {
            throw new CliException("--to " + to + " is before --from " + from);
        }
    }
}

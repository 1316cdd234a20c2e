package com.aifinops.workbench.importers.invoice;

import com.aifinops.workbench.model.invoice.Invoice;
import com.aifinops.workbench.model.usage.ImportProblem;

import java.util.List;

/**
 * What reading an invoice CSV gave: the invoices (each with the lines that could be read) and every problem
 * (file, line, column, value, what was expected). A rejected line is missing from its invoice, so a caller that
 * must match the provider's total should refuse the read when {@link #hasErrors()}.
 */
public record InvoiceRead(List<Invoice> invoices, List<ImportProblem> problems) {
    public InvoiceRead {
        invoices = List.copyOf(invoices);
        problems = List.copyOf(problems);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(p -> p.severity() == ImportProblem.Severity.ERROR);
    }

    public List<ImportProblem> errors() {
        return problems.stream().filter(p -> p.severity() == ImportProblem.Severity.ERROR).toList();
    }
}

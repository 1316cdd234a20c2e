package com.aifinops.workbench.importers.unit;

import com.aifinops.workbench.model.analysis.OutcomeCount;
import com.aifinops.workbench.model.usage.ImportProblem;

import java.util.List;

/**
 * What reading an outcome CSV gave: the counts and every problem. The import is all or nothing: a caller writes
 * the counts only when there is no error ({@link #hasErrors()}); warnings (an unknown column) do not stop it.
 */
public record OutcomeRead(String file, List<OutcomeCount> counts, List<ImportProblem> problems) {
    public OutcomeRead {
        counts = List.copyOf(counts);
        problems = List.copyOf(problems);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(p -> p.severity() == ImportProblem.Severity.ERROR);
    }

    public List<ImportProblem> errors() {
        return problems.stream().filter(p -> p.severity() == ImportProblem.Severity.ERROR).toList();
    }

    public List<ImportProblem> warnings() {
        return problems.stream().filter(p -> p.severity() == ImportProblem.Severity.WARNING).toList();
    }

    /** {@code outcomes.csv line 3, column count: expected a whole number ≥ 0, got "12.5"}. */
    public static String describe(ImportProblem p) {
        StringBuilder b = new StringBuilder(p.file());
        if (p.line() > 0) b.append(" line ").append(p.line());
        if (p.column() != null) b.append(", column ").append(p.column());
        b.append(": ").append(p.message());
        if (p.value() != null) b.append(", got \"").append(p.value()).append('"');
        return b.toString();
    }
}

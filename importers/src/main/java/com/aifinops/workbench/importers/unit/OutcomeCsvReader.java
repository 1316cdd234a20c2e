package com.aifinops.workbench.importers.unit;

import com.aifinops.workbench.importers.usage.FieldParsers;
import com.aifinops.workbench.importers.usage.csv.BadCell;
import com.aifinops.workbench.importers.usage.csv.CsvColumns;
import com.aifinops.workbench.importers.usage.csv.CsvRecord;
import com.aifinops.workbench.importers.usage.csv.CsvRecords;
import com.aifinops.workbench.model.analysis.Dimension;
import com.aifinops.workbench.model.analysis.Node;
import com.aifinops.workbench.model.analysis.OutcomeCount;
import com.aifinops.workbench.model.usage.ImportProblem;

import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads outcome counts from a CSV {@code node,month,outcome,count} ({@code team:support,2026-03,resolved tickets,412}),
 * streamed record by record. Headers match loosely (case, BOM, spaces); other columns are warned about and ignored.
 * A count is the month's total, set rather than added, so importing a file twice changes nothing; a key given twice
 * keeps the later line (with a warning).
 */
public final class OutcomeCsvReader {
    static final List<String> COLUMNS = List.of("node", "month", "outcome", "count");

    private OutcomeCsvReader() {
    }

    public static OutcomeRead read(Path file) throws IOException {
        String name = file.getFileName().toString();
        List<ImportProblem> problems = new ArrayList<>();
        Map<String, OutcomeCount> counts = new LinkedHashMap<>();
        Map<String, Long> lineOf = new LinkedHashMap<>();
        try (CsvRecords csv = CsvRecords.open(file)) {
            CsvColumns cols = csv.columns();
            int[] at = new int[COLUMNS.size()];
            for (int i = 0; i < at.length; i++) {
                at[i] = cols.find(COLUMNS.get(i));
                if (at[i] < 0) {
                    problems.add(ImportProblem.error(name, 1, COLUMNS.get(i), null,
                            "missing column " + COLUMNS.get(i) + " (expected the header node,month,outcome,count)"));
                }
            }
            if (!problems.isEmpty()) {
                return new OutcomeRead(name, List.of(), problems);
            }
            for (int i = 0; i < cols.size(); i++) {
                if (!cols.key(i).isEmpty() && !COLUMNS.contains(cols.key(i))) {
                    problems.add(ImportProblem.warning(name, 1, cols.name(i), "unknown column, ignored"));
                }
            }
            try {
                for (CsvRecord row = csv.next(); row != null; row = csv.next()) {
                    try {
                        OutcomeCount oc = new OutcomeCount(BadCell.parse(row, cols, at[0], OutcomeCsvReader::node),
                                BadCell.parse(row, cols, at[1], OutcomeCsvReader::month),
                                BadCell.parse(row, cols, at[2], OutcomeCsvReader::outcome),
                                BadCell.parse(row, cols, at[3], OutcomeCsvReader::count));
                        String key = oc.node() + "\u0000" + oc.month() + "\u0000" + oc.outcome();
                        Long earlier = lineOf.put(key, row.line());
                        if (earlier != null) {
                            problems.add(ImportProblem.warning(name, row.line(), null, oc.node() + " " + oc.month() + " " + oc.outcome()
                                    + " is also on line " + earlier + ": this line's count is kept"));
                        }
                        counts.put(key, oc);
                    } catch (BadCell bad) {
                        problems.add(bad.problem(name, row.line()));
                    }
                }
            } catch (CsvRecords.MalformedCsvException e) {
                problems.add(CsvRecords.brokenQuoting(name, e));
            }
        } catch (CsvRecords.MalformedCsvException e) {
            problems.add(CsvRecords.brokenQuoting(name, e));
        }
        return new OutcomeRead(name, new ArrayList<>(counts.values()), problems);
    }

    static Node node(String s) {
        if (FieldParsers.isBlank(s)) throw new IllegalArgumentException("expected a node such as team:support");
        Node n;
        try {
            n = Node.parse(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected a node DIMENSION:VALUE such as team:support or project:helpdesk");
        }
        if (n.dimension().kind() == Dimension.Kind.TAG) {
            throw new IllegalArgumentException("expected a node on the allocation path (org:, team:, project:, agent:), not a tag");
        }
        return n;
    }

    static YearMonth month(String s) {
        String t = s == null ? "" : s.strip();
        if (!t.matches("\\d{4}-\\d{2}")) throw new IllegalArgumentException("expected a month YYYY-MM such as 2026-03");
        int m = Integer.parseInt(t.substring(5));
        if (m < 1 || m > 12) throw new IllegalArgumentException("expected a month YYYY-MM such as 2026-03");
        return YearMonth.of(Integer.parseInt(t.substring(0, 4)), m);
    }

    static String outcome(String s) {
        if (FieldParsers.isBlank(s)) throw new IllegalArgumentException("expected an outcome name such as resolved tickets");
        return s.strip();
    }

    static long count(String s) {
        return OutcomeCount.parseCount(s);
    }
}

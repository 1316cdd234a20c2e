package com.aifinops.workbench.model.analysis;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/** What the Unit economics screen asks of the ledger: nodes, outcome names, a node's months, and edits. */
public interface UnitQuery {

    /** A monthly harness cost line (vector store, embeddings, orchestration, observability). */
    record HarnessItem(long id, Node node, YearMonth month, String description, BigDecimal amount) {
    }

    /**
     * One node and outcome: the months of {@link UnitEconomics#byMonth} (model spend as {@code report} counts it,
     * allocation rules applied), the counts as recorded (a month without an entry is absent) and the harness lines.
     */
    record Result(Node node, String outcome, List<UnitEconomics.Month> months, Map<YearMonth, Long> recorded,
                  List<HarnessItem> harness) {
        public Result {
            months = List.copyOf(months);
            recorded = Map.copyOf(recorded);
            harness = List.copyOf(harness);
        }
    }

    /**
     * An outcome CSV as read, not yet written: the counts, and each error and warning as one line naming the file,
     * line and column ({@code outcomes.csv line 3, column count: expected a whole number ≥ 0, got "12.5"}).
     */
    record OutcomeFile(String file, List<OutcomeCount> counts, List<String> errors, List<String> warnings) {
        public OutcomeFile {
            counts = List.copyOf(counts);
            errors = List.copyOf(errors);
            warnings = List.copyOf(warnings);
        }
    }

    /** Reads an outcome CSV ({@code node,month,outcome,count}) without writing anything. */
    OutcomeFile readOutcomes(Path file) throws Exception;

    /** The org, team, project and agent nodes seen in the ledger or holding outcomes or harness costs, sorted. */
    List<Node> nodes() throws Exception;

    /** The nodes that have outcome counts recorded, sorted: the screen opens on the first of them. */
    List<Node> nodesWithOutcomes() throws Exception;

    /** Outcome names recorded for any node, sorted. */
    List<String> outcomeNames() throws Exception;

    Result load(Node node, String outcome) throws Exception;

    /**
     * Writes every count in one transaction (a {@code null} count removes the entry) and returns what each entry
     * held before, in the same order ({@code null} count: there was none), so writing that back undoes it.
     */
    List<OutcomeCount> putOutcomes(List<OutcomeCount> counts) throws Exception;

    /** Adds a harness line; returns its id. */
    long addHarness(Node node, YearMonth month, String description, BigDecimal amount) throws Exception;

    /** Removes a harness line; false when there was none with that id. */
    boolean removeHarness(long id) throws Exception;
}

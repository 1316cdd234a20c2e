package com.aifinops.workbench.model.analysis;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.SortedMap;

/** What the Budgets screen asks of the ledger: every budget of a month with its status, and edits. */
public interface BudgetQuery {

    /**
     * One budget as of a day: its status, the proposal from the months before (null without history) and the
     * node's daily spend in the month up to the status's {@code asOf} (what the burn-up chart accumulates).
     */
    record BudgetLine(Budgets.Status status, Budgets.Proposal proposal, SortedMap<LocalDate, BigDecimal> daily) {
    }

    /**
     * The budgets of {@code month} as of the ledger's last day (clamped to the month), then every rolling budget
     * as of that day too (its {@code daily}: the node's spend over its three windows ending that day).
     */
    List<BudgetLine> budgets(YearMonth month) throws Exception;

    /** The months worth offering: those with usage or a budget, in order. */
    List<YearMonth> months() throws Exception;

    /** 110–120 % of {@code node}'s trailing baseline before {@code month}; null when it has no history. */
    Budgets.Proposal propose(Node node, YearMonth month) throws Exception;

    /** Sets (or replaces) a budget. */
    void put(Budget budget) throws Exception;

    /** Removes a node's budget for a month. */
    void remove(Node node, YearMonth month) throws Exception;

    /**
     * 110–120 % of the mean of {@code node}'s (up to) three {@code days}-day windows ending on the day rolling
     * budgets are shown as of beside {@code month}; null when it has no spend.
     */
    Budgets.Proposal proposeRolling(Node node, int days, YearMonth month) throws Exception;

    /** Removes the budget of {@code budget}'s node and period (monthly or rolling). */
    void remove(Budget budget) throws Exception;
}

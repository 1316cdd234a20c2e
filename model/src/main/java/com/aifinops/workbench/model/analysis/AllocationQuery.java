package com.aifinops.workbench.model.analysis;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/** What the Allocation screen asks of the ledger: a month's cells, the rules, and the month's shared costs. */
public interface AllocationQuery {

    /** A stored shared cost: the nodes carry a percentage for FIXED, null otherwise. */
    record SharedCost(long id, String name, YearMonth month, BigDecimal amount, SharedCostSplit.Method method, Map<Node, BigDecimal> nodes) {
    }

    /** The months the ledger has rows in, oldest first. */
    List<YearMonth> months() throws Exception;

    /** The month's spend grouped by raw allocation, model and provider (rules not applied). */
    List<AllocationBreakdown.Cell> cells(YearMonth month) throws Exception;

    /** The rules and the key inventory's teams. */
    AllocationRules rules() throws Exception;

    /** Adds or replaces the rule on its field and value. */
    void putRule(AllocationRules.Rule rule) throws Exception;

    /** Drops the rule on a field and value; false when there was none. */
    boolean removeRule(AllocationRules.Field field, String value) throws Exception;

    List<SharedCost> sharedCosts(YearMonth month) throws Exception;

    /** Stores a shared cost; returns its id. */
    long addSharedCost(String name, YearMonth month, BigDecimal amount, SharedCostSplit.Method method, Map<Node, BigDecimal> nodes) throws Exception;

    boolean removeSharedCost(long id) throws Exception;
}

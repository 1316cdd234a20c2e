package com.aifinops.workbench.model.analysis;

import java.time.LocalDate;

/** What the Governance screen asks of the ledger: the report, and edits to the key inventory and approved models. */
public interface GovernanceQuery {

    /** Keys, scopes, environments and findings as of {@code asOf} (null: the ledger's last day). */
    Governance.Report report(LocalDate asOf) throws Exception;

    /** Adds or replaces a key's inventory entry. */
    void putKey(Governance.KeyEntry entry) throws Exception;

    /** Drops a key from the inventory (the ledger's rows stay); false when it was not in it. */
    boolean removeKey(String apiKey) throws Exception;

    /** Puts a model on an environment's approved list. */
    void approve(String environment, String model) throws Exception;

    /** Takes a model off an environment's approved list; false when it was not on it. */
    boolean unapprove(String environment, String model) throws Exception;
}

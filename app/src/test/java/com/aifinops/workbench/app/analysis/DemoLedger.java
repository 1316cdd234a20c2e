package com.aifinops.workbench.app.analysis;

import com.aifinops.workbench.app.bench.RollupWriter;
import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.model.analysis.AllocationRules;

import java.nio.file.Path;

/**
 * Writes the planted 60-day ledger of {@link LedgerGenerator} and its allocation rules to a database file, to try
 * the CLI on (the README's examples come from it): {@code java -cp … DemoLedger /tmp/demo}. The app loads the same
 * ledger, with budgets, an invoice and outcomes, as {@link SampleLedger}.
 */
public final class DemoLedger {
    private DemoLedger() {
    }

    public static void main(String[] args) throws Exception {
        try (Database db = Database.open(Path.of(args[0]))) {
            RollupWriter.write(db, "generated.csv", LedgerGenerator.generate().stream().map(LedgerGenerator.Row::rollup).toList());
            H2AllocationRuleStore rules = new H2AllocationRuleStore(db);
            for (AllocationRules.Rule r : LedgerGenerator.rules().rules()) {
                rules.put(r);
            }
        }
        System.out.println("wrote " + args[0] + ".mv.db");
    }
}

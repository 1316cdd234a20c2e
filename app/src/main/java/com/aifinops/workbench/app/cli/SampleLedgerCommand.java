package com.aifinops.workbench.app.cli;

import com.aifinops.workbench.app.analysis.SampleLedger;
import com.aifinops.workbench.app.store.Database;

import java.io.PrintStream;
import java.util.Set;

/** {@code sample-ledger}: loads the planted sample ledger, to try the analysis commands and screens on. */
final class SampleLedgerCommand implements Command {
    @Override
    public String name() {
        return "sample-ledger";
    }

    @Override
    public String summary() {
        return "load a two-month sample ledger with planted events, budgets, an invoice and outcomes";
    }

    @Override
    public String help() {
        return """
                Usage: sample-ledger [--db PATH]

                Loads 59 days (2026-01-01 to 2026-02-28) of four teams and fourteen agents as one import batch
                (remove it with 'batches remove ID'), with planted events for 'anomalies' (a runaway loop on
                2026-01-20, a silent model switch on 2026-02-01, a tripled prompt on 2026-02-10, an unpriced
                fine-tune on 2026-02-20) and an agent no rule allocates; its allocation rules; February team
                budgets of 115 % of January; OpenAI's February invoice with a $250.00 credit and
                $12.34 tax; support's resolved tickets and a vector-store cost for 'unit show'.
                Loading it again adds nothing.
                """;
    }

    @Override
    public int run(String[] tokens, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(name(), tokens, Set.of("db"), Set.of());
        try (Database db = DbOption.open(a)) {
            out.println(SampleLedger.load(db));
        }
        return Cli.OK;
    }
}

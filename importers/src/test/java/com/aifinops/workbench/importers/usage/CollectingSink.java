package com.aifinops.workbench.importers.usage;

import com.aifinops.workbench.model.usage.ImportProblem;
import com.aifinops.workbench.model.usage.UsageLine;
import com.aifinops.workbench.model.usage.UsageSink;

import java.util.ArrayList;
import java.util.List;

/** Test sink: keeps every line and problem a reader sends. */
public final class CollectingSink implements UsageSink {
    public final List<UsageLine> lines = new ArrayList<>();
    public final List<ImportProblem> problems = new ArrayList<>();

    @Override
    public void accept(UsageLine line) {
        lines.add(line);
    }

    @Override
    public void problem(ImportProblem problem) {
        problems.add(problem);
    }
}

package com.aifinops.workbench.model.usage;

/**
 * Where a streaming reader sends what it reads, line by line, so no file is ever held in memory whole.
 * Implementations decide what to do with problems (collect, stop, quarantine).
 */
public interface UsageSink {
    void accept(UsageLine line);

    void problem(ImportProblem problem);
}

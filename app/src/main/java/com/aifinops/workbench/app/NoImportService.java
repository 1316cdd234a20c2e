package com.aifinops.workbench.app;

import com.aifinops.workbench.model.ledger.ImportBatch;
import com.aifinops.workbench.model.ledger.ImportResult;
import com.aifinops.workbench.model.ledger.ImportService;
import com.aifinops.workbench.model.usage.ImportProblem;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The Imports screen's service when the database could not be opened (e.g. another instance holds it): it knows
 * no formats, so the screen says so and offers nothing to import.
 */
final class NoImportService implements ImportService {
    static final NoImportService INSTANCE = new NoImportService();

    private NoImportService() {
    }

    @Override
    public List<Format> formats() {
        return List.of();
    }

    @Override
    public String detect(Path file) {
        return null;
    }

    @Override
    public ImportResult importFile(Path file, String format, RejectPolicy policy, ImportProgress progress) throws IOException {
        throw new IOException("no import formats are available in this build");
    }

    @Override
    public List<ImportBatch> batches() {
        return List.of();
    }

    @Override
    public List<ImportProblem> problems(long batchId) {
        return List.of();
    }

    @Override
    public boolean removeBatch(long batchId) {
        return false;
    }
}

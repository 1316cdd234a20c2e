package com.aifinops.workbench.app.analysis;

import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.importers.export.ShowbackExport;
import com.aifinops.workbench.model.analysis.Showback;
import com.aifinops.workbench.model.analysis.ShowbackStatements;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

/** The window's showback statements: {@link H2Showback} over the ledger, written by {@link ShowbackExport}. */
public final class ShowbackFiles implements ShowbackStatements {
    private final H2Showback showback;

    public ShowbackFiles(Database db) {
        this.showback = new H2Showback(db);
    }

    @Override
    public List<String> teams(YearMonth month) throws Exception {
        return showback.teams(month);
    }

    @Override
    public void export(String team, YearMonth month, Format format, Path file) throws Exception {
        List<Showback> statements = team == null ? showback.statements(month) : List.of(showback.statement(team, month));
        switch (format) {
            case CSV -> ShowbackExport.csv(statements, file);
            case XLSX -> ShowbackExport.xlsx(statements, file);
        }
    }
}

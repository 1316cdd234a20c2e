package com.aifinops.workbench.importers.export;

import com.aifinops.workbench.importers.io.AtomicFiles;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes {@link Table}s as RFC 4180 CSV (UTF-8), text neutralised by {@link CellText}, each file atomically. */
public final class CsvTables {
    private CsvTables() {
    }

    public static void write(Table t, Path file) throws IOException {
        AtomicFiles.replace(file, false, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180);
            p.printRecord(t.headers().stream().map(CellText::neutralise).toList());
            for (List<Object> row : t.rows()) {
                List<String> cells = new ArrayList<>(row.size());
                for (Object c : row) {
                    cells.add(cell(c));
                }
                p.printRecord(cells);
            }
            p.flush();
        });
    }

    /** Writes every table as {@code <dir>/<name>.csv}; returns the files written. */
    public static List<Path> writeAll(List<Table> tables, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        for (Table t : tables) {
            Path f = dir.resolve(t.name() + ".csv");
            write(t, f);
            files.add(f);
        }
        return files;
    }

    static String cell(Object c) {
        if (c == null) {
            return "";
        }
        if (c instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (c instanceof Number || c instanceof Boolean) {
            return c.toString();
        }
        return CellText.neutralise(c.toString());
    }
}

package com.aifinops.workbench.importers.usage.csv;

import com.aifinops.workbench.importers.usage.ReaderFixtures.CollectingSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static com.aifinops.workbench.importers.usage.ReaderFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvRecordsTest {
    @Test
    void recordsKeepThePhysicalLineTheyStartOn(@TempDir Path dir) throws Exception {
        // BOM + CRLF, a blank line, a quoted cell spanning two lines
        Path file = write(dir, "x.csv", "\uFEFFName,Value\r\na,1\r\n\r\n\"b\r\nb\",2\r\nc,3\r\n");
        CollectingSink sink = new CollectingSink();
        List<String> seen = new ArrayList<>();
        CsvRecords.forEachChecked(file, Set.of("name", "value"), sink,
                row -> seen.add(row.line() + ":" + row.text("name").replace("\r\n", "+") + "=" + row.count("value")));

        assertEquals(List.of(), sink.problems, "the BOM is not part of the first column's name");
        assertEquals(List.of("2:a=1", "4:b+b=2", "6:c=3"), seen);
    }

    @Test
    void anUnknownFirstColumnIsNamedWithoutTheBom(@TempDir Path dir) throws Exception {
        // DelimitedRows kept the BOM in this warning's column ("\uFEFFmystery"); CsvRecords drops it before parsing
        Path file = write(dir, "x.csv", "\uFEFFmystery,value\r\na,1\r\n");
        CollectingSink sink = new CollectingSink();
        CsvRecords.forEachChecked(file, Set.of("value"), sink, row -> { });

        assertEquals(List.of("mystery"), sink.warnings().stream().map(p -> p.column()).toList());
    }

    @Test
    void tabsWinWhenTheHeaderHasMoreTabsThanCommas() {
        assertEquals('\t', CsvRecords.Delimiter.COMMA_OR_TAB.of("a\tb\tc,d"));
        assertEquals(',', CsvRecords.Delimiter.COMMA_OR_TAB.of("a,b,c"));
    }

    @Test
    void brokenQuotingIsAnErrorWithTheLineNotAnException(@TempDir Path dir) throws Exception {
        Path file = write(dir, "x.csv", "name,value\na,1\n\"b\"x,2\nc,3\n");
        CollectingSink sink = new CollectingSink();
        List<Long> lines = new ArrayList<>();
        CsvRecords.forEachChecked(file, Set.of("name", "value"), sink, row -> lines.add(row.line()));

        assertEquals(List.of(2L), lines);
        assertEquals(1, sink.errors().size());
        assertEquals(3, sink.errors().get(0).line());
        assertTrue(sink.errors().get(0).message().contains("unreadable CSV"), sink.errors().get(0).message());
    }

    @Test
    void latin1TextIsAnErrorNotAnException(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("x.csv");
        java.nio.file.Files.write(file, "name,value\nSt\u00e9phane,1\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        CollectingSink sink = new CollectingSink();
        List<Long> lines = new ArrayList<>();
        CsvRecords.forEachChecked(file, Set.of("name", "value"), sink, row -> lines.add(row.line()));

        assertEquals(List.of(), lines);
        assertEquals(1, sink.errors().size());
        assertTrue(sink.errors().get(0).message().contains("UTF-8"), sink.errors().get(0).message());
    }
}

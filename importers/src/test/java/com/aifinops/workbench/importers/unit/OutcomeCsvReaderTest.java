package com.aifinops.workbench.importers.unit;

import com.aifinops.workbench.model.analysis.Node;
import com.aifinops.workbench.model.analysis.OutcomeCount;
import com.aifinops.workbench.model.usage.ImportProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutcomeCsvReaderTest {
    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void readsEveryLineOfAGoodFile() throws IOException {
        OutcomeRead r = OutcomeCsvReader.read(file("outcomes.csv", """
                node,month,outcome,count
                team:support,2026-01,resolved tickets,400
                team:support,2026-02,resolved tickets,"1,250"
                project:helpdesk, 2026-02 ,merged PRs,0
                """));
        assertTrue(r.problems().isEmpty(), r.problems().toString());
        assertEquals(List.of(
                new OutcomeCount(Node.parse("team:support"), YearMonth.of(2026, 1), "resolved tickets", 400L),
                new OutcomeCount(Node.parse("team:support"), YearMonth.of(2026, 2), "resolved tickets", 1250L), // thousands separator
                new OutcomeCount(Node.parse("project:helpdesk"), YearMonth.of(2026, 2), "merged PRs", 0L)), r.counts());
    }

    @Test
    void aBadCountNamesFileLineColumnAndValue() throws IOException {
        OutcomeRead r = OutcomeCsvReader.read(file("outcomes.csv", """
                node,month,outcome,count
                team:support,2026-01,resolved tickets,400
                team:support,2026-02,resolved tickets,12.5
                team:support,2026-03,resolved tickets,-3
                """));
        assertTrue(r.hasErrors());
        List<ImportProblem> e = r.errors();
        assertEquals(2, e.size(), e.toString());
        assertEquals("outcomes.csv line 3, column count: expected a whole number ≥ 0, got \"12.5\"", OutcomeRead.describe(e.get(0)));
        assertEquals("outcomes.csv line 4, column count: expected a whole number ≥ 0, got \"-3\"", OutcomeRead.describe(e.get(1)));
    }

    @Test
    void aBadMonthOrNodeIsAnErrorAtItsColumn() throws IOException {
        OutcomeRead r = OutcomeCsvReader.read(file("m.csv", """
                node,month,outcome,count
                team:support,March 2026,resolved tickets,4
                team:support,2026-13,resolved tickets,4
                support,2026-03,resolved tickets,4
                """));
        List<ImportProblem> e = r.errors();
        assertEquals(3, e.size(), e.toString());
        assertEquals("m.csv line 2, column month: expected a month YYYY-MM such as 2026-03, got \"March 2026\"", OutcomeRead.describe(e.get(0)));
        assertEquals(3, e.get(1).line());
        assertEquals("month", e.get(1).column());
        assertEquals("2026-13", e.get(1).value());
        assertEquals(4, e.get(2).line());
        assertEquals("node", e.get(2).column());
    }

    @Test
    void aMissingColumnRejectsTheFile() throws IOException {
        OutcomeRead r = OutcomeCsvReader.read(file("short.csv", """
                node,month,outcome
                team:support,2026-01,resolved tickets
                """));
        assertTrue(r.counts().isEmpty());
        assertEquals(1, r.errors().size());
        assertEquals("short.csv line 1, column count: missing column count (expected the header node,month,outcome,count)",
                OutcomeRead.describe(r.errors().get(0)));
    }

    @Test
    void anUnknownColumnIsAWarningAndTheLinesStillRead() throws IOException {
        OutcomeRead r = OutcomeCsvReader.read(file("notes.csv", """
                node,month,outcome,count,note
                team:support,2026-01,resolved tickets,400,after the migration
                """));
        assertFalse(r.hasErrors());
        assertEquals(1, r.counts().size());
        assertEquals(1, r.warnings().size());
        assertEquals("note", r.warnings().get(0).column());
        assertEquals(ImportProblem.Severity.WARNING, r.warnings().get(0).severity());
    }

    @Test
    void aBomAndCrlfLineEndsAreRead() throws IOException {
        OutcomeRead r = OutcomeCsvReader.read(file("excel.csv",
                "\uFEFFNode,Month,Outcome,Count\r\nteam:support,2026-01,resolved tickets,400\r\nteam:support,2026-02,resolved tickets,x\r\n"));
        assertEquals(1, r.counts().size());
        assertEquals(400L, r.counts().get(0).count());
        assertEquals("resolved tickets", r.counts().get(0).outcome(), "no stray \\r in the last column");
        assertEquals(3, r.errors().get(0).line(), "line numbers count CRLF lines once");
        assertEquals("Count", r.errors().get(0).column());
    }

    @Test
    void aKeyGivenTwiceKeepsTheLaterLine() throws IOException {
        OutcomeRead r = OutcomeCsvReader.read(file("twice.csv", """
                node,month,outcome,count
                team:support,2026-01,resolved tickets,400
                team:support,2026-01,resolved tickets,410
                """));
        assertFalse(r.hasErrors());
        assertEquals(List.of(410L), r.counts().stream().map(OutcomeCount::count).toList());
        assertEquals(3, r.warnings().get(0).line());
    }
}

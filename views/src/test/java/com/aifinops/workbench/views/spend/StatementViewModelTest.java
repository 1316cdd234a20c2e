package com.aifinops.workbench.views.spend;

import com.aifinops.workbench.model.analysis.ShowbackStatements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Statement dialog's state without a window: defaults from the Spend screen, validation, the file written. */
class StatementViewModelTest {
    @TempDir
    Path dir;

    /** Records what it is asked for and writes it to the file, like the app's does with the real statement. */
    static final class Recording implements ShowbackStatements {
        final List<String> calls = new ArrayList<>();

        @Override
        public List<String> teams(YearMonth month) {
            calls.add("teams " + month);
            return List.of("eng", "support");
        }

        @Override
        public void export(String team, YearMonth month, Format format, Path file) throws Exception {
            calls.add("export " + team + " " + month + " " + format);
            if (team != null && team.equals("broken")) {
                throw new java.io.IOException("disk full");
            }
            Files.writeString(file, team + "," + month);
        }
    }

    private final Recording service = new Recording();

    private StatementViewModel vm() {
        return new StatementViewModel(service, Runnable::run, Runnable::run);
    }

    @Test
    void defaultsComeFromTheScreensFilterAndPeriod() {
        StatementViewModel vm = vm();
        vm.defaults("provider=openai, team=eng", LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 31));
        assertEquals("eng", vm.teamProperty().get());
        assertEquals("2026-03", vm.monthProperty().get(), "the month the period ends in");
        vm.defaults("model=gpt-5", LocalDate.of(2026, 2, 1), null);
        assertEquals(StatementViewModel.ALL_TEAMS, vm.teamProperty().get(), "no team in the filter: every team");
        assertEquals("2026-02", vm.monthProperty().get());
        assertNull(vm.chosenTeam());
        vm.defaults("not a filter", null, null);
        assertEquals(StatementViewModel.ALL_TEAMS, vm.teamProperty().get());
        assertEquals(YearMonth.now().toString(), vm.monthProperty().get());
    }

    @Test
    void teamsLoadAndTheChosenTeamStays() {
        StatementViewModel vm = vm();
        vm.defaults("team=eng", null, LocalDate.of(2026, 3, 5));
        vm.loadTeams();
        assertEquals(List.of(StatementViewModel.ALL_TEAMS, "eng", "support"), vm.teams());
        assertEquals("eng", vm.teamProperty().get());
        assertEquals(List.of("teams 2026-03"), service.calls);
    }

    @Test
    void savesWithTheFormatsExtensionAndReportsProblems() throws Exception {
        StatementViewModel vm = vm();
        vm.defaults("team=eng", null, LocalDate.of(2026, 3, 5));
        vm.formatProperty().set(ShowbackStatements.Format.CSV);
        assertEquals("Showback eng 2026-03.csv", vm.suggestedFileName());
        List<Path> done = new ArrayList<>();
        vm.save(dir.resolve("march"), done::add);
        Path written = dir.resolve("march.csv");
        assertEquals(List.of(written), done);
        assertEquals("eng,2026-03", Files.readString(written));
        assertEquals("Saved " + written, vm.statusProperty().get());

        vm.monthProperty().set("2026-3");
        vm.save(dir.resolve("x.csv"), done::add);
        assertEquals("Month: expected YYYY-MM, got '2026-3'", vm.statusProperty().get());
        assertEquals(1, done.size(), "nothing written");

        vm.monthProperty().set("2026-03");
        vm.teamProperty().set(StatementViewModel.ALL_TEAMS);
        vm.formatProperty().set(ShowbackStatements.Format.XLSX);
        assertEquals("Showback all teams 2026-03.xlsx", vm.suggestedFileName());
        vm.save(dir.resolve("all.XLSX"), done::add);
        assertEquals(dir.resolve("all.XLSX"), done.get(1), "an extension in another case is kept");
        assertTrue(service.calls.contains("export null 2026-03 XLSX"), service.calls.toString());

        vm.teamProperty().set("broken");
        vm.save(dir.resolve("b.xlsx"), done::add);
        assertEquals("Could not save the statement: disk full", vm.statusProperty().get());
        assertEquals(false, vm.busyProperty().get());
        vm.teamProperty().set("a/b: c");
        assertEquals("Showback a_b_ c 2026-03.xlsx", vm.suggestedFileName());
    }
}

package com.aifinops.workbench.app.ui;

import com.aifinops.workbench.app.cli.CliRun;
import com.aifinops.workbench.app.ledger.H2ImportService;
import com.aifinops.workbench.app.mapping.StoredColumnMappings;
import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.app.store.H2MappingStore;
import com.aifinops.workbench.importers.usage.mapped.ColumnMapping;
import com.aifinops.workbench.views.imports.ImportsView;
import com.aifinops.workbench.views.imports.ImportsViewModel;
import com.aifinops.workbench.views.theme.Theme;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The mapping dialog on the Imports screen over the real mappings (suggester, validation, the reader on the preview
 * rows) and a real H2 file database; the ledger's import service reads "mapping:NAME" through the saved mapping.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class MappingDialogTest {
    static final String HEADER = "ts,vendor,model_name,prompt_tokens,cached_tokens,completion_tokens,cost_usd,team";

    private Path dir;
    private Database db;
    private H2MappingStore store;
    private H2ImportService service;
    private ImportsViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("mapping-dialog");
        db = Database.open(dir.resolve("workbench"));
        store = new H2MappingStore(db);
        // the ledger's own import service, keeping each source row so the test can read what landed line by line
        service = new H2ImportService(db, H2ImportService.Options.DEFAULT.withKeepRows(true));
        vm = new ImportsViewModel(service, new StoredColumnMappings(store));
        Scene scene = new Scene(new ImportsView(vm), 1200, 780);
        Theme.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        db.close();
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void suggestionsArePrefilledAFixClearsTheProblemAndSavingListsAndImportsWithTheMapping(FxRobot robot) throws Exception {
        Path csv = Files.writeString(dir.resolve("usage-export.csv"), HEADER + "\n"
                + "02/06/2026 10:00,openai,gpt-5.5,1500,500,750,0.03,search\n"
                + "02/06/2026 11:00,anthropic,claude-sonnet-4.6,2000,0,400,0.012,support\n"
                + "03/06/2026 09:30,openai,gpt-5-mini,1000,1000,100,0.0005,search\n");
        robot.interact(() -> vm.addFiles(List.of(csv)));
        await(() -> vm.queue().size() == 1);
        assertEquals(null, vm.queue().get(0).detected(), "no reader detects this file");

        robot.clickOn("#mapColumnsButton");
        await(() -> robot.lookup("#map-startTime").tryQuery().isPresent());

        // the header and the first rows are shown
        TableView<?> preview = robot.lookup("#previewTable").queryAs(TableView.class);
        assertEquals(8, preview.getColumns().size());
        assertEquals(3, preview.getItems().size());
        assertEquals("cost_usd", preview.getColumns().get(6).getText());

        // suggestions from the header, one per field
        assertEquals("ts", value(robot, "startTime"));
        assertEquals("vendor", value(robot, "provider"));
        assertEquals("model_name", value(robot, "model"));
        assertEquals("prompt_tokens", value(robot, "input"));
        assertEquals("cached_tokens", value(robot, "cacheRead"));
        assertEquals("completion_tokens", value(robot, "output"));
        assertEquals("cost_usd", value(robot, "billedCost"));
        assertEquals("team", value(robot, "team"));
        assertEquals("", value(robot, "endTime"), "nothing looks like an end time");
        assertEquals("", value(robot, "requests"));
        assertTrue(robot.lookup("#inputIncludesCached").queryAs(CheckBox.class).isSelected(), "prompt tokens include cached");
        assertEquals("usage-export", robot.lookup("#mappingName").queryAs(TextField.class).getText());

        // the mapping is complete, but reading the first rows shows the times are day-first, not ISO
        List<String> problems = problems(robot);
        assertEquals(3, problems.size(), "one per preview row: " + problems);
        assertEquals("line 2, column ts, value '02/06/2026 10:00': expected a date or time such as 2025-01-31, "
                + "2025-01-31T10:00:00Z or Unix seconds", problems.get(0));
        assertTrue(problems.get(2).startsWith("line 4, column ts, value '03/06/2026 09:30': "), problems.get(2));
        Button save = robot.lookup("#saveMappingButton").queryAs(Button.class);
        assertTrue(save.isDisabled(), "nothing can be saved while there are problems");

        // un-mapping the provider adds a problem; a constant provider would fix it, the column fixes it back
        ComboBox<String> provider = combo(robot, "provider");
        robot.interact(() -> provider.setValue(""));
        assertTrue(problems(robot).contains("map a column to the provider or give a constant provider"), problems(robot).toString());
        robot.interact(() -> provider.setValue("vendor"));

        // fix the time format by typing it: the problem disappears
        ComboBox<?> timeFormat = robot.lookup("#timeFormat").queryAs(ComboBox.class);
        robot.interact(() -> timeFormat.getEditor().clear());
        robot.clickOn(timeFormat.getEditor()).write("dd/MM/yyyy HH:mm");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), problems(robot), "the first rows now read");
        assertFalse(save.isDisabled());

        TextField name = robot.lookup("#mappingName").queryAs(TextField.class);
        robot.interact(name::clear);
        robot.clickOn(name).write("Gateway log");
        robot.clickOn("#saveMappingButton");
        await(() -> service.batches().size() == 1 && !vm.runningProperty().get());

        // saved in the H2 file, listed as a format, and the file imported through it
        assertEquals(List.of("Gateway log"), store.names());
        ColumnMapping saved = store.get("Gateway log");
        assertEquals("dd/MM/yyyy HH:mm", saved.timeFormat());
        assertEquals("vendor", saved.provider());
        assertTrue(vm.formats().contains(ImportsViewModel.mappingFormat("Gateway log")), vm.formats().toString());
        assertEquals("mapping: Gateway log", ImportsViewModel.mappingFormat("Gateway log").description());
        assertEquals("mapping:Gateway log", service.batches().get(0).format(), "the batch records the mapping it was read through");
        assertTrue(vm.queue().isEmpty(), "the mapped file left the queue");

        List<Row> lines = rows();
        assertEquals(3, lines.size());
        assertEquals(Instant.parse("2026-06-02T10:00:00Z"), lines.get(0).start(), "day first: 2 June");
        assertEquals(Instant.parse("2026-06-03T09:30:00Z"), lines.get(2).start());
        // input includes cached: uncached = 1500−500 + 2000−0 + 1000−1000 = 3000; cache read 500+0+1000 = 1500
        assertEquals(3000, lines.stream().mapToLong(Row::uncached).sum());
        assertEquals(1500, lines.stream().mapToLong(Row::cacheRead).sum());
        assertEquals(750 + 400 + 100, lines.stream().mapToLong(Row::output).sum());
        // 0.03 + 0.012 + 0.0005 = 0.0425, exact
        assertEquals(0, new BigDecimal("0.0425").compareTo(lines.stream().map(Row::billed).reduce(BigDecimal.ZERO, BigDecimal::add)));
        assertEquals("support", lines.get(1).team());
        assertEquals("anthropic", lines.get(1).provider());
        await(() -> vm.outcomes().stream().anyMatch(o -> o.text().equals("usage-export.csv: 3 rows imported as mapping:Gateway log · billed $0.04")));

        // and the command line lists it from the same database
        CliRun list = CliRun.of("mapping", "list", "--db", dir.resolve("workbench").toString());
        assertEquals(0, list.status(), list.err());
        assertTrue(list.out().contains("Gateway log  ") && list.out().endsWith("1 mapping\n"), list.out());
    }

    @Test
    void aSavedMappingChosenUnderFormatReopensWithItsSettingsAndSavingItAgainReplacesIt(FxRobot robot) throws Exception {
        Path csv = Files.writeString(dir.resolve("k.csv"), "day;vendor;in_k;out_k\n2026-06-01;openai;1.5;0.75\n");
        store.save(new ColumnMapping("Thousands", ";", "day", null, "vendor", null, null, "in_k", false, null, null, null,
                "out_k", true, null, null, null, null, null, null, null, "auto", 1000));
        robot.interact(vm::refreshMappings);
        await(() -> vm.formats().contains(ImportsViewModel.mappingFormat("Thousands")));
        robot.interact(() -> {
            vm.formatProperty().set(ImportsViewModel.mappingFormat("Thousands"));
            vm.addFiles(List.of(csv));
        });
        await(() -> vm.queue().size() == 1);
        robot.clickOn("#mapColumnsButton");
        await(() -> robot.lookup("#tokenMultiplier").tryQuery().isPresent());
        assertEquals("1000", robot.lookup("#tokenMultiplier").queryAs(TextField.class).getText());
        assertFalse(robot.lookup("#inputIncludesCached").queryAs(CheckBox.class).isSelected());
        assertEquals("in_k", value(robot, "input"));
        assertEquals("Thousands", robot.lookup("#mappingName").queryAs(TextField.class).getText());
        assertEquals("replaces the saved mapping 'Thousands'",
                robot.lookup("#replaceNote").queryAs(javafx.scene.control.Label.class).getText());
        assertEquals(List.of(), problems(robot));

        // a multiplier that is not a whole number is a problem
        TextField mult = robot.lookup("#tokenMultiplier").queryAs(TextField.class);
        robot.interact(() -> mult.setText("1k"));
        assertEquals(List.of("the token multiplier must be a whole number, not '1k'"), problems(robot));
        robot.interact(() -> mult.setText("1000"));

        robot.clickOn("#saveMappingButton");
        await(() -> service.batches().size() == 1 && !vm.runningProperty().get());
        assertEquals(List.of("Thousands"), store.names(), "replaced, not added");
        // 1.5 thousand input, 0.75 thousand output
        assertEquals(1500, rows().get(0).uncached());
        assertEquals(750, rows().get(0).output());
    }

    private static String value(FxRobot robot, String field) {
        return combo(robot, field).getValue();
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<String> combo(FxRobot robot, String field) {
        return robot.lookup("#map-" + field).queryAs(ComboBox.class);
    }

    @SuppressWarnings("unchecked")
    private static List<String> problems(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        return List.copyOf(robot.lookup("#mappingProblems").queryAs(ListView.class).getItems());
    }

    private static void await(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** One source row as the ledger keeps it. */
    record Row(Instant start, String provider, String team, long uncached, long cacheRead, long output, BigDecimal billed) {
    }

    private List<Row> rows() throws SQLException {
        List<Row> out = new ArrayList<>();
        try (Statement st = db.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT bucket_start, provider, team, uncached_input, cache_read, output_tokens,"
                     + " billed_cost FROM usage_row ORDER BY bucket_start")) {
            while (rs.next()) {
                out.add(new Row(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2), rs.getString(3),
                        rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getBigDecimal(7)));
            }
        }
        return out;
    }
}

package com.aifinops.workbench.views.imports;

import com.aifinops.workbench.model.ledger.ImportBatch;
import com.aifinops.workbench.model.usage.ImportProblem;
import com.aifinops.workbench.views.theme.Theme;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class ImportsViewTest {
    @TempDir
    Path dir;
    private InMemoryImportService service;
    private ImportsViewModel vm;

    @Start
    void start(Stage stage) {
        service = new InMemoryImportService();
        vm = new ImportsViewModel(service);
        Scene scene = new Scene(new ImportsView(vm), 1200, 780);
        Theme.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void importsARealFileIntoTheBatchListWithItsBilledCostAndUnpricedModels(FxRobot robot) throws Exception {
        Path f = write("june.csv", InMemoryImportService.HEADER,
                "2026-06-01,gpt-5.5,10,1.25",
                "2026-06-01,gpt-5-mini,4,2.50",
                "2026-06-02,mystery-model,1,0.005");
        robot.interact(() -> vm.addFiles(List.of(f)));
        await(() -> vm.queue().size() == 1);
        assertTrue(cellTexts(robot, "#queueList").contains("detected: tiny-usage"), "the detected format is shown per file");

        robot.clickOn("#importButton");
        await(() -> vm.batches().size() == 1 && !vm.runningProperty().get());

        TableView<ImportBatch> table = table(robot, "#batchTable");
        assertEquals(1, table.getItems().size());
        String row = rowText(robot, "#batchTable");
        assertTrue(row.contains("june.csv") && row.contains("tiny-usage"), row);
        // 1.25 + 2.50 + 0.005 = 3.755, shown half-up to the cent
        assertTrue(row.contains("$3.76"), row);
        assertEquals(3, service.rows().size(), "every row reached the ledger");
        String outcomes = outcomeText(robot);
        assertTrue(outcomes.contains("june.csv: 3 rows imported as tiny-usage · billed $3.76"), outcomes);
        assertTrue(outcomes.contains("⚠ june.csv: unpriced models") && outcomes.contains("mystery-model"), outcomes);
        assertTrue(vm.queue().isEmpty(), "the queue is emptied once imported");
    }

    @Test
    void theSameFileTwiceIsAlreadyImportedAndAddsNothing(FxRobot robot) throws Exception {
        Path f = write("once.csv", InMemoryImportService.HEADER, "2026-06-01,gpt-5.5,10,1.00");
        importAndWait(robot, f, 1);
        Path again = Files.copy(f, dir.resolve("once-again.csv"));
        robot.interact(() -> vm.addFilesAndImport(List.of(again)));
        await(() -> outcomeText(robot).contains("once-again.csv: already imported, nothing added"));
        await(() -> !vm.runningProperty().get());
        assertEquals(1, service.batches().size());
        assertEquals(1, service.rows().size());
    }

    @Test
    void progressShowsRowsPerSecondAndCancelLeavesTheBatchListUnchanged(FxRobot robot) throws Exception {
        importAndWait(robot, write("first.csv", InMemoryImportService.HEADER, "2026-06-01,gpt-5.5,10,1.00"), 1);
        List<ImportBatch> before = List.copyOf(vm.batches());

        String[] lines = new String[1001];
        lines[0] = InMemoryImportService.HEADER;
        for (int i = 1; i <= 1000; i++) {
            lines[i] = "2026-06-01,gpt-5.5,10,0.01"; // every line the same length: bytes read ∝ rows read
        }
        Path big = write("big.csv", lines);
        service.holdAtRow = 500;
        robot.interact(() -> vm.addFilesAndImport(List.of(big)));
        assertTrue(service.reachedHold.await(10, TimeUnit.SECONDS), "the import reached row 500");
        await(() -> robot.lookup("#progressText").queryAs(Label.class).getText().contains("500 rows"));

        assertTrue(robot.lookup("#progressRow").query().isVisible(), "progress shows while importing");
        String text = robot.lookup("#progressText").queryAs(Label.class).getText();
        assertTrue(text.matches("big\\.csv · 500 rows · [\\d,]+ rows/s"), text);
        // 500 of 1000 27-byte lines after a 28-byte header: (28 + 500·27) / (28 + 1000·27) = 0.5005
        double p = robot.lookup("#importProgress").queryAs(ProgressBar.class).getProgress();
        assertEquals(0.5, p, 0.01);
        assertTrue(robot.lookup("#importButton").queryAs(Button.class).isDisabled(), "one import at a time");

        robot.clickOn("#cancelImportButton");
        assertEquals("Cancelling…", robot.lookup("#progressText").queryAs(Label.class).getText());
        service.release.countDown();
        await(() -> !vm.runningProperty().get());
        await(() -> outcomeText(robot).contains("big.csv: cancelled, nothing added"));

        assertEquals(before, List.copyOf(vm.batches()), "the batch list is as it was");
        assertEquals(1, table(robot, "#batchTable").getItems().size());
        assertEquals(1, service.rows().size(), "none of the 500 rows read before the cancel landed");
        assertFalse(robot.lookup("#progressRow").query().isVisible());
    }

    @Test
    void removeAsksFirstThenTakesTheBatchOut(FxRobot robot) throws Exception {
        importAndWait(robot, write("a.csv", InMemoryImportService.HEADER, "2026-06-01,gpt-5.5,1,0.10"), 1);
        importAndWait(robot, write("b.csv", InMemoryImportService.HEADER, "2026-06-02,gpt-5.5,2,0.20"), 2);
        // newest first: b.csv is the first row
        robot.clickOn(batchRow(robot, "a.csv"));
        assertEquals("a.csv", vm.selectedBatchProperty().get().file());

        robot.clickOn("#removeBatchButton");
        assertTrue(robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class).getContentText()
                .contains("a.csv"), "the confirmation names the file");
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, service.batches().size(), "Cancel removes nothing");

        robot.clickOn("#removeBatchButton");
        robot.clickOn("Remove");
        await(() -> vm.batches().size() == 1);
        assertEquals("b.csv", ImportsViewTest.<ImportBatch>table(robot, "#batchTable").getItems().get(0).file());
        assertEquals(List.of("b.csv"), service.batches().stream().map(ImportBatch::file).toList());
        assertEquals(1, service.rows().size(), "a.csv's row went with its batch");
    }

    @Test
    void aRejectedFileShowsItsErrorsAndCanImportTheValidRest(FxRobot robot) throws Exception {
        Path bad = write("bad.csv", InMemoryImportService.HEADER,
                "2026-06-01,gpt-5.5,10,1.00",
                "2026-06-01,gpt-5.5,many,1.00",
                "2026-13-01,gpt-5.5,1,1.00",
                "2026-06-02,gpt-5.5,3,2.00");
        robot.interact(() -> vm.addFilesAndImport(List.of(bad)));
        await(() -> !vm.rejections().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(robot.lookup("#rejectionPane").query().isVisible());
        assertEquals("bad.csv was rejected: 2 lines have errors, so nothing was imported.",
                robot.lookup("#rejectionHeader").queryAs(Label.class).getText());
        TableView<ImportProblem> errors = table(robot, "#rejectionErrors");
        assertEquals(2, errors.getItems().size());
        String first = rowText(robot, "#rejectionErrors");
        // line 3 of the file (header = line 1): the requests column holds "many"
        assertTrue(first.contains("bad.csv:3") && first.contains("requests") && first.contains("many")
                && first.contains("expected a whole number of requests"), first);
        assertTrue(service.batches().isEmpty(), "ALL_OR_NOTHING: nothing landed");

        robot.clickOn("#importValidRestButton");
        await(() -> vm.batches().size() == 1 && !vm.runningProperty().get());
        ImportBatch b = vm.batches().get(0);
        assertEquals(2, b.rows());
        assertEquals(2, b.rejected());
        assertFalse(robot.lookup("#rejectionPane").query().isVisible(), "the decision is made");
        assertEquals(2, service.rows().size());

        // the batch's details list the rejected lines, with line, column and value
        robot.clickOn(batchRow(robot, "bad.csv"));
        await(() -> vm.selectedProblems().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        TableView<ImportProblem> problems = table(robot, "#problemTable");
        List<String> where = problems.getItems().stream().map(p -> p.file() + ":" + p.line() + " " + p.column()).toList();
        assertTrue(rowText(robot, "#problemTable").startsWith("bad.csv:3 | requests | many | error | expected a whole number"),
                rowText(robot, "#problemTable"));
        assertEquals(List.of("bad.csv:3 requests", "bad.csv:4 day"), where);
    }

    @Test
    void importNothingDropsTheRejectedFile(FxRobot robot) throws Exception {
        Path bad = write("bad2.csv", InMemoryImportService.HEADER, "2026-06-01,gpt-5.5,10,lots");
        robot.interact(() -> vm.addFilesAndImport(List.of(bad)));
        await(() -> !vm.rejections().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#importNothingButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#rejectionPane").query().isVisible());
        assertTrue(outcomeText(robot).contains("bad2.csv: nothing imported"));
        assertTrue(service.batches().isEmpty());
    }

    @Test
    void theFormatChooserDefaultsToDetectAndAnOverrideIsUsed(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        ComboBox<com.aifinops.workbench.model.ledger.ImportService.Format> box = robot.lookup("#formatBox").queryAs(ComboBox.class);
        assertEquals(ImportsViewModel.DETECT, box.getValue());
        assertEquals(List.of("", "tiny-usage", "other"), box.getItems().stream().map(f -> f.id()).toList());

        Path f = write("x.csv", InMemoryImportService.HEADER, "2026-06-01,gpt-5.5,10,1.00");
        robot.interact(() -> {
            box.setValue(box.getItems().get(2));
            vm.addFilesAndImport(List.of(f));
        });
        await(() -> outcomeText(robot).contains("x.csv: import failed, nothing added: x.csv: not a other file"));
        assertTrue(service.batches().isEmpty());
    }

    // ---- helpers ----

    private void importAndWait(FxRobot robot, Path f, int batchesAfter) throws Exception {
        robot.interact(() -> vm.addFilesAndImport(List.of(f)));
        await(() -> vm.batches().size() == batchesAfter && !vm.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The batch table's row showing {@code file}, to click like a user would. */
    private static Node batchRow(FxRobot robot, String file) {
        return robot.lookup("#batchTable .table-row-cell").queryAllAs(javafx.scene.control.TableRow.class).stream()
                .filter(r -> r.getItem() instanceof ImportBatch b && b.file().equals(file)).findFirst().orElseThrow();
    }

    private Path write(String name, String... lines) throws IOException {
        return Files.write(dir.resolve(name), List.of(lines));
    }

    private static void await(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static <T> TableView<T> table(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TableView.class);
    }

    /** The texts of the first filled row's cells, joined. */
    private static String rowText(FxRobot robot, String tableId) {
        return robot.lookup(tableId + " .table-row-cell").queryAllAs(javafx.scene.control.TableRow.class).stream()
                .filter(r -> r.getItem() != null).findFirst()
                .map(r -> robot.from(r).lookup(".table-cell").queryAllAs(javafx.scene.control.TableCell.class).stream()
                        .map(c -> c.getText() == null ? "" : c.getText()).collect(Collectors.joining(" | ")))
                .orElse("");
    }

    private static String cellTexts(FxRobot robot, String listId) {
        return robot.lookup(listId + " .label").queryAllAs(Label.class).stream().map(Label::getText)
                .collect(Collectors.joining(" | "));
    }

    private static String outcomeText(FxRobot robot) {
        ListView<?> list = robot.lookup("#outcomeList").queryAs(ListView.class);
        return list.getItems().stream().map(o -> {
            ImportsViewModel.Outcome out = (ImportsViewModel.Outcome) o;
            return (out.warning() ? "⚠ " : "✓ ") + out.text();
        }).collect(Collectors.joining("\n"));
    }
}

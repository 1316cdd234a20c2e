package com.aifinops.workbench.app.ui;

import com.aifinops.workbench.model.ledger.ImportBatch;
import com.aifinops.workbench.views.imports.ImportsViewModel;
import com.aifinops.workbench.views.shell.Screen;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window's Imports screen on the app's real H2 ledger: a LiteLLM spend log lands, shows as a batch, and goes again. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class ImportsScreenTest extends AppWindowTest {
    private static final Path HOME = Path.of("target", "imports-screen-home").toAbsolutePath();
    @Start
    void start(Stage stage) throws Exception {
        deleteRecursively(HOME);
        open(stage, HOME); // a database of its own, empty
    }

    @Test
    void aSpendLogImportedFromTheScreenIsABatchOfTheLedgerAndCanBeRemoved(FxRobot robot) throws Exception {
        ListView<?> nav = robot.lookup("#screenNav").queryAs(ListView.class);
        assertTrue(nav.getItems().stream().anyMatch(s -> ((Screen) s).title().equals("Imports")));
        robot.clickOn("Imports");
        WaitForAsyncUtils.waitForFxEvents();
        ImportsViewModel vm = app.importsView().viewModel();
        assertTrue(vm.hasFormats(), "the real import service offers the readers");

        // two requests on gpt-5.5 ($5 / $0.50 / $30 per MTok): (1000·5 + 500·0.5 + 750·30)/1e6 = 0.02775 and
        // (2000·5 + 1000·30)/1e6 = 0.04; billed in the file 0.03 + 0.04 = 0.07
        Path log = Files.writeString(Files.createTempDirectory("imports-screen").resolve("spend-logs.csv"), """
                request_id,call_type,api_key,spend,total_tokens,prompt_tokens,completion_tokens,startTime,endTime,model,user,team_id
                r1,acompletion,hashed-key,0.03,2250,1500,750,2026-06-01 10:00:00,2026-06-01 10:00:02,gpt-5.5,u1,support
                r2,acompletion,hashed-key,0.04,3000,2000,1000,2026-06-01 11:00:00,2026-06-01 11:00:03,gpt-5.5,u2,support
                """);
        robot.interact(() -> vm.addFilesAndImport(List.of(log)));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.batches().size() == 1 && !vm.runningProperty().get());
        ImportBatch b = vm.batches().get(0);
        assertEquals("litellm-spendlogs", b.format());
        assertEquals(0, new BigDecimal("0.07").compareTo(b.billedCost()), "billed " + b.billedCost());
        assertTrue(vm.outcomes().stream().anyMatch(o -> o.text().contains("imported")), vm.outcomes().toString());

        robot.interact(() -> vm.removeBatch(b));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.batches().isEmpty());
    }

    private static void deleteRecursively(Path p) throws Exception {
        if (!Files.exists(p)) return;
        try (var s = Files.walk(p)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}

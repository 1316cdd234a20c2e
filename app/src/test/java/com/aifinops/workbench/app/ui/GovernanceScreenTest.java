package com.aifinops.workbench.app.ui;

import com.aifinops.workbench.app.analysis.H2Governance;
import com.aifinops.workbench.app.analysis.H2SpendSettings;
import com.aifinops.workbench.app.bench.RollupWriter;
import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.model.analysis.Governance;
import com.aifinops.workbench.model.ledger.DailyRollup;
import com.aifinops.workbench.model.usage.Allocation;
import com.aifinops.workbench.views.governance.GovernanceView;
import com.aifinops.workbench.views.governance.GovernanceViewModel;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Governance screen on an H2 file ledger:
 * <ul>
 *   <li>{@code sk-support} (team support, prod, gpt-5-mini): $2.00 a day from 2026-02-01 to 2026-02-10 = $20.00, not in the
 *       inventory → no owner;</li>
 *   <li>{@code sk-eng} (owner bob, prod): $3.00 on gpt-5 on 2026-02-05, outside prod's approved list (gpt-5-mini);</li>
 *   <li>{@code sk-old} (owner carol): in the inventory, never seen → unused.</li>
 * </ul>
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class GovernanceScreenTest extends LedgerScreenTest {

    @Start
    void start(Stage stage) throws Exception {
        db = Database.open(dir.resolve("ledger"));
        List<DailyRollup> rows = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2026, 2, 1); !d.isAfter(LocalDate.of(2026, 2, 10)); d = d.plusDays(1)) {
            rows.add(row(d, "gpt-5-mini", "sk-support", "support", "2.00"));
        }
        rows.add(row(LocalDate.of(2026, 2, 5), "gpt-5", "sk-eng", "eng", "3.00"));
        RollupWriter.write(db, "keys.csv", rows);
        H2SpendSettings settings = new H2SpendSettings(db);
        settings.putApiKey(new H2SpendSettings.ApiKeyEntry("sk-eng", "bob", "eng", "CC-7", "code review bot", "prod"));
        settings.putApiKey(new H2SpendSettings.ApiKeyEntry("sk-old", "carol", null, null, null, null));
        settings.approveModel("prod", "gpt-5-mini");
        GovernanceView view = new GovernanceView(new GovernanceViewModel(new H2Governance(db), Executors.newSingleThreadExecutor(), Platform::runLater));
        show(stage, view, 1240, 800);
    }

    private static DailyRollup row(LocalDate day, String model, String key, String team, String priced) {
        Allocation a = new Allocation(null, team, null, null, null, key, null, "prod", null, null, Map.of());
        return new DailyRollup(day, "openai", model, model, a, 10, 1000, 0, 0, 0, 100, 0, new BigDecimal(priced), null);
    }


    @Test
    void listsAnOwnerlessKeyAsAFindingAndEditingTheOwnerPersistsAndClearsIt(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        TableView<GovernanceViewModel.KeyLine> keys = robot.lookup("#governanceKeys").queryAs(TableView.class);
        @SuppressWarnings("unchecked")
        TableView<Governance.Finding> findings = robot.lookup("#governanceFindings").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> keys.getItems().size() == 3 && findings.getItems().size() == 3);
        assertEquals("3 findings: 1 key with spend and no owner, 1 unused key, 1 model outside an approved list",
                robot.lookup("#governanceSummary").queryAs(Label.class).getText());
        Governance.Finding noOwner = findings.getItems().get(0);
        assertEquals(Governance.Kind.NO_OWNER, noOwner.kind());
        assertEquals("sk-support", noOwner.subject());
        assertEquals(0, new BigDecimal("20.00").compareTo(noOwner.cost()), "10 days × $2.00");
        assertEquals("sk-old", findings.getItems().get(1).subject());
        assertEquals("gpt-5", findings.getItems().get(2).subject());
        int support = index(keys, "sk-support");
        assertEquals(Set.of(Governance.Kind.NO_OWNER), keys.getItems().get(support).findings());
        assertEquals("$20.00", cellText(robot, keys, support, "spend"));
        assertEquals("2026-02-10", cellText(robot, keys, support, "last used"));
        assertTrue(cell(robot, keys, support, "api key").getTableRow().getStyle().contains("#fbe3e4"), "an ownerless key is tinted");

        // edit the owner in place: double-click, type, Enter
        robot.doubleClickOn(cell(robot, keys, support, "owner"));
        robot.write("alice").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> findings.getItems().size() == 2);
        assertTrue(findings.getItems().stream().noneMatch(f -> f.kind() == Governance.Kind.NO_OWNER));
        Governance.KeyRow saved = key(new H2Governance(db).report(null), "sk-support");
        assertEquals("alice", saved.owner(), "written to the inventory");
        assertTrue(saved.inInventory());
        assertNull(saved.team(), "the other fields stay empty");
        assertEquals("owner of sk-support set to alice", robot.lookup("#governanceStatus").queryAs(Label.class).getText());
        assertFalse(cell(robot, keys, index(keys, "sk-support"), "api key").getTableRow().getStyle().contains("#fbe3e4"));

        // undo drops the key from the inventory again: the finding is back
        robot.clickOn("#governanceUndo");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> findings.getItems().size() == 3);
        assertFalse(key(new H2Governance(db).report(null), "sk-support").inInventory());

        // approving gpt-5 for prod clears the spend outside the list ($3.00 → $0.00)
        robot.clickOn("#governanceEnvironment").write("prod");
        robot.interact(() -> robot.lookup("#governanceModel").queryAs(ComboBox.class).getEditor().setText("gpt-5"));
        robot.clickOn("#governanceApprove");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> findings.getItems().size() == 2);
        Governance.EnvironmentRow prod = new H2Governance(db).report(null).environments().stream()
                .filter(e -> e.environment().equals("prod")).findFirst().orElseThrow();
        assertEquals(Set.of("gpt-5", "gpt-5-mini"), prod.approved());
        assertEquals(0, prod.outsideCost().signum());
    }

    private static Governance.KeyRow key(Governance.Report r, String key) {
        return r.keys().stream().filter(k -> k.apiKey().equals(key)).findFirst().orElseThrow();
    }

    private static int index(TableView<GovernanceViewModel.KeyLine> t, String key) {
        for (int i = 0; i < t.getItems().size(); i++) {
            if (t.getItems().get(i).apiKey().equals(key)) {
                return i;
            }
        }
        throw new AssertionError("no key " + key);
    }

    private static TableCell<?, ?> cell(FxRobot robot, TableView<?> table, int row, String column) {
        return robot.from(table).lookup(".table-cell").match((TableCell<?, ?> c) -> c.getIndex() == row && c.getTableColumn() != null
                && c.getTableColumn().getText().equals(column)).query();
    }

    private static String cellText(FxRobot robot, TableView<?> table, int row, String column) {
        return cell(robot, table, row, column).getText();
    }
}

package com.aifinops.workbench.app.ui;

import com.aifinops.workbench.app.analysis.H2Allocation;
import com.aifinops.workbench.app.analysis.H2AllocationRuleStore;
import com.aifinops.workbench.app.analysis.H2SpendSettings;
import com.aifinops.workbench.app.bench.RollupWriter;
import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.model.analysis.AllocationBreakdown;
import com.aifinops.workbench.model.analysis.AllocationRules;
import com.aifinops.workbench.model.analysis.SharedCostSplit;
import com.aifinops.workbench.model.ledger.DailyRollup;
import com.aifinops.workbench.model.usage.Allocation;
import com.aifinops.workbench.views.allocation.AllocationView;
import com.aifinops.workbench.views.allocation.AllocationViewModel;
import com.aifinops.workbench.views.common.TreemapPane;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
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
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Allocation screen on an H2 file ledger. February has $5.00 of support (not shown: March is the latest month).
 * March:
 * <ul>
 *   <li>{@code sk-support}, team support, project helpdesk: $2.00 a day, March 1–10 = $20.00;</li>
 *   <li>{@code sk-orphan}, no team, workspace ws-lab: $1.25 a day, March 1–8 = $10.00;</li>
 *   <li>{@code sk-stray}, no team, no workspace: $0.75 + $0.50 = $1.25;</li>
 *   <li>{@code sk-eng}, team eng: $3.333 once.</li>
 * </ul>
 * Month total 20 + 10 + 1.25 + 3.333 = $34.583, printed $34.58; unallocated 10 + 1.25 = $11.25.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class AllocationScreenTest extends LedgerScreenTest {
    private static final YearMonth MARCH = YearMonth.of(2026, 3);
    AllocationView view;

    @Start
    void start(Stage stage) throws Exception {
        db = Database.open(dir.resolve("ledger"));
        List<DailyRollup> rows = new ArrayList<>();
        rows.add(row(LocalDate.of(2026, 2, 20), "sk-support", "support", "helpdesk", null, "5.00"));
        for (int d = 1; d <= 10; d++) {
            rows.add(row(MARCH.atDay(d), "sk-support", "support", "helpdesk", null, "2.00"));
        }
        for (int d = 1; d <= 8; d++) {
            rows.add(row(MARCH.atDay(d), "sk-orphan", null, null, "ws-lab", "1.25"));
        }
        rows.add(row(MARCH.atDay(5), "sk-stray", null, null, null, "0.75"));
        rows.add(row(MARCH.atDay(6), "sk-stray", null, null, null, "0.50"));
        rows.add(row(MARCH.atDay(3), "sk-eng", "eng", null, null, "3.333"));
        RollupWriter.write(db, "alloc.csv", rows);
        view = new AllocationView(new AllocationViewModel(new H2Allocation(db), Executors.newSingleThreadExecutor(), Platform::runLater));
        show(stage, view, 1240, 780);
    }

    private static DailyRollup row(LocalDate day, String key, String team, String project, String workspace, String cost) {
        Allocation a = new Allocation(null, team, project, null, null, key, workspace, "prod", null, null, Map.of());
        return new DailyRollup(day, "openai", "gpt-5-mini", "gpt-5-mini", a, 10, 1000, 0, 0, 0, 100, 0, new BigDecimal(cost), null);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private void waitFor(FxRobot robot, String id, String expected) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, id).equals(expected));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(id + ": expected '" + expected + "', shows '" + text(robot, id) + "'", e);
        }
    }

    /** The tiles inside the single (unnamed) org: the teams. */
    private List<TreemapPane.Tile> teamTiles() {
        return view.treemap().tiles().get(0).children();
    }

    private static TreemapPane.Tile tile(List<TreemapPane.Tile> tiles, String name) {
        return tiles.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no tile " + name));
    }

    @Test
    void showsTheMonthAndARuleMadeFromAnUnallocatedKeyMovesItsSpendUntilUndone(FxRobot robot) throws Exception {
        waitFor(robot, "#allocTotal", "$34.58");
        assertEquals("2026-03", robot.lookup("#allocMonth").queryAs(ComboBox.class).getValue().toString(), "the latest month");
        assertEquals("$11.25  (32.5 %)", text(robot, "#allocUnallocated"), "10.00 + 1.25; 11.25 / 34.583 = 32.53 %");
        // the only org is unnamed; inside it support $20.00, unallocated $11.25 (hatched), eng $3.33
        assertEquals(1, view.treemap().tiles().size());
        assertEquals("$34.58", view.treemap().tiles().get(0).amount());
        assertEquals(List.of("support", "unallocated", "eng"), teamTiles().stream().map(TreemapPane.Tile::name).toList());
        assertEquals("$11.25", tile(teamTiles(), "unallocated").amount());
        assertTrue(tile(teamTiles(), "unallocated").hatched());
        assertEquals("$3.33", tile(teamTiles(), "eng").amount());
        @SuppressWarnings("unchecked")
        TableView<AllocationBreakdown.Source> sources = robot.lookup("#allocSources").queryAs(TableView.class);
        // sk-orphan $10.00 and its workspace ws-lab $10.00 (the key first on a tie), then sk-stray $1.25
        assertEquals(List.of("sk-orphan", "ws-lab", "sk-stray"), sources.getItems().stream().map(AllocationBreakdown.Source::value).toList());

        // a rule from the first unallocated key: click it, name a team, read the preview, save
        robot.clickOn(firstRow(robot, sources));
        assertEquals("sk-orphan", robot.lookup("#ruleValue").queryAs(ComboBox.class).getEditor().getText());
        robot.write("platform");
        assertEquals("Moves $10.00 of the $11.25 unallocated (88.9 %): $10.00 → platform / unallocated. Unallocated after: $1.25.",
                text(robot, "#rulePreview"), "10 / 11.25 = 88.9 %; 11.25 − 10.00 = 1.25");
        robot.clickOn("#ruleSave");
        waitFor(robot, "#allocUnallocated", "$1.25  (3.6 %)"); // 1.25 / 34.583 = 3.61 %
        assertEquals("$34.58", text(robot, "#allocTotal"), "the total does not move");
        assertEquals(List.of(new AllocationRules.Rule(AllocationRules.Field.API_KEY, "sk-orphan", "platform", null)),
                new H2AllocationRuleStore(db).rules().rules(), "persisted (a fresh store reads it back)");
        assertEquals("$10.00", tile(teamTiles(), "platform").amount());
        assertEquals("$1.25", tile(teamTiles(), "unallocated").amount());
        assertEquals("$10.00", text(robot, "#allocViaRules"));

        // Ctrl+Z takes it back (focus outside the text fields), Ctrl+Shift+Z does it again
        robot.interact(() -> view.treemap().requestFocus());
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        waitFor(robot, "#allocUnallocated", "$11.25  (32.5 %)");
        assertEquals(List.of(), new H2AllocationRuleStore(db).rules().rules());
        assertTrue(teamTiles().stream().noneMatch(t -> t.name().equals("platform")));
        robot.interact(() -> view.treemap().requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.Z).release(KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor(robot, "#allocUnallocated", "$1.25  (3.6 %)");
        assertEquals(1, new H2AllocationRuleStore(db).rules().rules().size());

        // Delete removes the selected rule
        @SuppressWarnings("unchecked")
        TableView<AllocationViewModel.RuleLine> rules = robot.lookup("#allocRules").queryAs(TableView.class);
        robot.clickOn(firstRow(robot, rules));
        robot.type(KeyCode.DELETE);
        waitFor(robot, "#allocUnallocated", "$11.25  (32.5 %)");
        assertEquals(List.of(), new H2AllocationRuleStore(db).rules().rules());
    }

    @Test
    void clickAndEnterDrillInAndTheBreadcrumbGoesBack(FxRobot robot) throws Exception {
        waitFor(robot, "#allocTotal", "$34.58");
        // Enter on the selected tile (the org) drills into it: its teams become the tiles
        robot.interact(() -> view.treemap().requestFocus());
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("support", "unallocated", "eng"), view.treemap().tiles().stream().map(TreemapPane.Tile::name).toList());
        // support's tile holds its one project, helpdesk: a click on that nested tile drills into support, then helpdesk,
        // whose one agent is unnamed
        Node helpdesk = robot.from(view.treemap()).lookup(".treemap-tile").match((Node n) -> n.getUserData() instanceof AllocationBreakdown.TreeNode t
                && t.name().equals("helpdesk")).query();
        robot.clickOn(helpdesk);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("unallocated"), view.treemap().tiles().stream().map(TreemapPane.Tile::name).toList());
        assertTrue(view.treemap().tiles().get(0).hatched());
        javafx.scene.layout.FlowPane crumbs = robot.lookup("#allocBreadcrumb").queryAs(javafx.scene.layout.FlowPane.class);
        List<String> texts = crumbs.getChildren().stream().map(n -> n instanceof Label l ? l.getText()
                : ((javafx.scene.control.Hyperlink) n).getText()).toList();
        assertEquals(List.of("All $34.58", "›", "org unallocated $34.58", "›", "team support $20.00", "›", "project helpdesk $20.00"), texts);
        javafx.scene.control.Hyperlink all = (javafx.scene.control.Hyperlink) crumbs.getChildren().get(0);
        robot.clickOn(all);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, view.treemap().tiles().size(), "back at the month: the one org");
    }

    @Test
    void aSharedCostAddedInTheDialogSplitsInProportionToSpendAndAddsUp(FxRobot robot) throws Exception {
        waitFor(robot, "#allocTotal", "$34.58");
        robot.clickOn(robot.lookup(".tab").match((Node n) -> n.lookup(".tab-label") instanceof Label l && l.getText().equals("Shared costs"))
                .queryAs(Node.class));
        robot.clickOn("#allocAddShared");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#sharedName").tryQuery().isPresent());
        set(robot, "#sharedName", "Gateway");
        set(robot, "#sharedAmount", "10.00");
        robot.interact(() -> robot.lookup("#sharedNode0").queryAs(ComboBox.class).getEditor().setText("team:support"));
        robot.interact(() -> robot.lookup("#sharedNode1").queryAs(ComboBox.class).getEditor().setText("team:eng"));
        // fixed percentages over 100 are named inline and OK keeps the dialog open
        robot.interact(() -> robot.lookup("#sharedMethod").queryAs(ComboBox.class).setValue(SharedCostSplit.Method.FIXED));
        set(robot, "#sharedPercent0", "70");
        set(robot, "#sharedPercent1", "40");
        assertEquals("percentages: fixed percentages sum to 110 %, more than 100 %", text(robot, "#sharedProblem"));
        robot.clickOn("#sharedOk");
        assertTrue(robot.lookup("#sharedName").tryQuery().isPresent(), "still open");
        robot.interact(() -> robot.lookup("#sharedMethod").queryAs(ComboBox.class).setValue(SharedCostSplit.Method.PROPORTIONAL));
        // weights: support 20.00, eng 3.333 (sum 23.333): eng 10 × 3.333 / 23.333 = 1.428449…, support 8.571551…;
        // floors 8.57 + 1.42 = 9.99, the missing cent to eng (remainder .0084 > .0016): 8.57 + 1.43 = 10.00
        assertEquals("Parts this month: team:support $8.57, team:eng $1.43", text(robot, "#sharedPreview"));
        robot.clickOn("#sharedOk");
        @SuppressWarnings("unchecked")
        TableView<AllocationViewModel.SharedLine> table = robot.lookup("#allocSharedTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
        // stored nodes come back in name order
        assertEquals(List.of("team:eng 1.43", "team:support 8.57"), table.getItems().stream().map(l -> l.node() + " " + l.part()).toList());
        assertEquals(0, new BigDecimal("10.00").compareTo(table.getItems().get(0).part().add(table.getItems().get(1).part())));
        waitFor(robot, "#allocShared", "$10.00");
        var stored = new H2SpendSettings(db).sharedCosts(MARCH);
        assertEquals(1, stored.size());
        assertEquals("Gateway", stored.get(0).name());
        assertEquals(SharedCostSplit.Method.PROPORTIONAL, stored.get(0).method());
        assertEquals(0, new BigDecimal("10.00").compareTo(stored.get(0).amount()));
        // undo drops it again
        robot.clickOn("#allocUndo");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().isEmpty());
        assertEquals(0, new H2SpendSettings(db).sharedCosts(MARCH).size());
    }

    private static Node firstRow(FxRobot robot, TableView<?> t) {
        return robot.from(t).lookup(".table-row-cell").match((javafx.scene.control.TableRow<?> r) -> r.getIndex() == 0 && r.getItem() != null).query();
    }

    private static void set(FxRobot robot, String id, String value) {
        robot.interact(() -> robot.lookup(id).queryAs(TextField.class).setText(value));
    }
}

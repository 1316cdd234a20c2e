package com.aifinops.workbench.views.allocation;

import com.aifinops.workbench.model.Usd;
import com.aifinops.workbench.model.analysis.AllocationBreakdown;
import com.aifinops.workbench.model.analysis.AllocationRules;
import com.aifinops.workbench.model.analysis.CentRounding;
import com.aifinops.workbench.model.analysis.CoveragePreview;
import com.aifinops.workbench.views.common.TreemapPane;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The Allocation screen: a month's spend on org → team → project → agent as a squarified treemap (or a tree table),
 * coloured by team, unallocated spend hatched; a click drills in, the breadcrumb goes back. Beside it the mapping
 * rules with an editor that previews, before saving, how much unallocated spend a rule would move and where; the
 * keys and workspaces still unallocated, largest first (a click starts a rule); and the month's shared costs with
 * their parts. Ctrl+N new rule, Delete removes the selected rule, Enter drills, Ctrl+Z / Ctrl+Shift+Z undo and redo.
 */
public final class AllocationView extends BorderPane {
    private static final KeyCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination REDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    private static final KeyCombination NEW_RULE = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);
    /** Okabe–Ito without its black (the chart palette's order), one per team, largest team first. */
    private static final String[] TEAM_COLOURS = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442"};

    private static final String HINT = "Pick an unallocated key or workspace below (or type one) and a team: before you save, "
            + "this line shows how much of the month's unallocated spend the rule would move, and where.";

    private final AllocationViewModel vm;
    private final TreemapPane treemap = new TreemapPane();
    private final TreeTableView<AllocationBreakdown.TreeNode> tree = new TreeTableView<>();
    private final FlowPane breadcrumb = new FlowPane(2, 2);
    private final Label total = figure("allocTotal"), unallocated = figure("allocUnallocated"), viaRules = figure("allocViaRules"),
            sharedFigure = figure("allocShared");
    private final TableView<AllocationViewModel.RuleLine> rules = new TableView<>();
    private final TableView<AllocationBreakdown.Source> sources = new TableView<>();
    private final TableView<AllocationViewModel.SharedLine> shared = new TableView<>();
    private final ComboBox<AllocationRules.Field> field = new ComboBox<>(FXCollections.observableArrayList(AllocationRules.Field.values()));
    private final ComboBox<String> value = new ComboBox<>(), team = new ComboBox<>();
    private final TextField project = new TextField();
    private final Label ruleProblem = new Label(), rulePreview = new Label(), withShared = new Label();
    private final Label editing = new Label();
    /** The unallocated figure as the headline prints it (to the cent, half-up), which the preview starts from. */
    private BigDecimal shownUnallocated = BigDecimal.ZERO;
    /** The rule the editor is editing (replaced on save), or null for a new one. */
    private AllocationRules.Rule edited;

    public AllocationView(AllocationViewModel vm) {
        this.vm = vm;
        setTop(new VBox(createBar(), createHeadline()));
        SplitPane split = new SplitPane(createMap(), createSide());
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.52);
        split.setPadding(new Insets(4, 12, 12, 12));
        setCenter(split);
        vm.breakdownProperty().addListener((o, a, b) -> showFigures());
        vm.sharedTotalProperty().addListener((o, a, b) -> showFigures());
        vm.path().addListener((ListChangeListener<AllocationBreakdown.TreeNode>) c -> showNode());
        addEventHandler(KeyEvent.KEY_PRESSED, this::keys);
        vm.refresh();
    }

    private void keys(KeyEvent e) {
        boolean typing = e.getTarget() instanceof TextInputControl;
        if (NEW_RULE.match(e)) {
            newRule();
            e.consume();
        } else if (REDO.match(e) && !typing) {
            vm.redo();
            e.consume();
        } else if (UNDO.match(e) && !typing) {
            vm.undo();
            e.consume();
        } else if (e.getCode() == KeyCode.DELETE && !typing && rules.getSelectionModel().getSelectedItem() != null) {
            vm.removeRule(rules.getSelectionModel().getSelectedItem().rule());
            e.consume();
        }
    }

    // ---- top ----

    private FlowPane createBar() {
        ComboBox<YearMonth> month = new ComboBox<>(vm.months());
        month.setId("allocMonth");
        month.valueProperty().bindBidirectional(vm.monthProperty());
        month.setOnAction(e -> vm.refresh());
        Button reload = new Button("Refresh");
        reload.setOnAction(e -> vm.refresh());
        Button undo = new Button("Undo");
        undo.setId("allocUndo");
        undo.disableProperty().bind(vm.canUndoProperty().not());
        undo.setOnAction(e -> vm.undo());
        Button redo = new Button("Redo");
        redo.setId("allocRedo");
        redo.disableProperty().bind(vm.canRedoProperty().not());
        redo.setOnAction(e -> vm.redo());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.busyProperty());
        Label status = new Label();
        status.setId("allocStatus");
        status.textProperty().bind(vm.statusProperty());
        Label error = new Label();
        error.setId("allocError");
        error.getStyleClass().add("problem");
        error.textProperty().bind(vm.errorProperty());
        FlowPane bar = new FlowPane(10, 6, label("Month"), month, reload, undo, redo, busy, status, error);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(12, 12, 4, 12));
        return bar;
    }

    private HBox createHeadline() {
        HBox h = new HBox(28, kpi("Month total (ledger)", total), kpi("Unallocated (no team)", unallocated),
                kpi("Attributed by rules", viaRules), kpi("Shared costs", sharedFigure));
        h.setPadding(new Insets(2, 12, 6, 12));
        return h;
    }

    private static VBox kpi(String caption, Label figure) {
        Label c = new Label(caption);
        c.getStyleClass().add("kpi-caption");
        return new VBox(0, c, figure);
    }

    private static Label figure(String id) {
        Label l = new Label("—");
        l.setId(id);
        l.getStyleClass().add("kpi-figure");
        return l;
    }

    private void showFigures() {
        AllocationBreakdown b = vm.breakdownProperty().get();
        if (b == null) {
            return;
        }
        total.setText(Usd.format(Usd.cents(b.total())));
        // rounded on its own, as 'report' and the unallocated sources list print it (the tiles round so siblings add up)
        BigDecimal un = Usd.cents(b.unallocated());
        shownUnallocated = un;
        unallocated.setText(Usd.format(un) + "  (" + percent(b.unallocated(), b.total()) + ")");
        viaRules.setText(Usd.format(Usd.cents(b.root().viaRules())));
        BigDecimal s = vm.sharedTotalProperty().get();
        sharedFigure.setText(Usd.format(Usd.cents(s)));
        withShared.setText("Ledger " + Usd.format(Usd.cents(b.total())) + " + shared " + Usd.format(Usd.cents(s)) + " = "
                + Usd.format(Usd.cents(b.total().add(s))) + " (shared costs are entered, not in the ledger: the treemap shows the ledger)");
    }

    static String percent(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return "0.0 %";
        }
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP).toPlainString() + " %";
    }

    // ---- the map ----

    private VBox createMap() {
        breadcrumb.setId("allocBreadcrumb");
        breadcrumb.setAlignment(Pos.CENTER_LEFT);
        breadcrumb.setMinHeight(Region.USE_PREF_SIZE);
        ToggleGroup g = new ToggleGroup();
        ToggleButton asMap = new ToggleButton("Treemap"), asTable = new ToggleButton("Table");
        asMap.setId("allocAsMap");
        asTable.setId("allocAsTable");
        asMap.setToggleGroup(g);
        asTable.setToggleGroup(g);
        asMap.setSelected(true);
        g.selectedToggleProperty().addListener((o, a, t) -> {
            if (t == null) {
                a.setSelected(true); // one is always on
            }
        });
        treemap.setId("allocTreemap");
        treemap.visibleProperty().bind(asMap.selectedProperty());
        tree.visibleProperty().bind(asTable.selectedProperty());
        treemap.setOnDrill(k -> vm.drill((AllocationBreakdown.TreeNode) k));
        createTree();
        StackPane stack = new StackPane(treemap, tree);
        VBox.setVgrow(stack, Priority.ALWAYS);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label hint = new Label("colour: team · hatched: unallocated · click or Enter drills in");
        hint.getStyleClass().add("caption");
        asMap.setMinWidth(Region.USE_PREF_SIZE);
        asTable.setMinWidth(Region.USE_PREF_SIZE);
        hint.setMinWidth(0);
        HBox head = new HBox(8, hint, spacer, asMap, asTable);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox v = new VBox(4, head, breadcrumb, stack);
        v.setPadding(new Insets(0, 8, 0, 0));
        return v;
    }

    private void createTree() {
        tree.setId("allocTree");
        tree.setShowRoot(true);
        tree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY);
        tree.getColumns().add(treeColumn("name", n -> n.tier() == null ? "All (" + vm.monthProperty().get() + ")" : n.name(), 200, false));
        tree.getColumns().add(treeColumn("tier", n -> n.tier() == null ? "" : n.tier().label(), 60, false));
        tree.getColumns().add(treeColumn("spend", n -> Usd.format(vm.printed(n)), 110, true));
        tree.getColumns().add(treeColumn("share of month", n -> percent(n.cost(), vm.breakdownProperty().get().total()), 100, true));
        tree.getColumns().add(treeColumn("via rules", n -> Usd.format(Usd.cents(n.viaRules())), 100, true));
        tree.setOnKeyPressed(e -> {
            TreeItem<AllocationBreakdown.TreeNode> s = tree.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && s != null) {
                drillTo(s);
                e.consume();
            }
        });
        tree.setRowFactory(t -> {
            javafx.scene.control.TreeTableRow<AllocationBreakdown.TreeNode> row = new javafx.scene.control.TreeTableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getTreeItem() != null) {
                    drillTo(row.getTreeItem());
                }
            });
            return row;
        });
    }

    /** Drills along the tree item's ancestors from the node shown. */
    private void drillTo(TreeItem<AllocationBreakdown.TreeNode> item) {
        List<AllocationBreakdown.TreeNode> chain = new ArrayList<>();
        for (TreeItem<AllocationBreakdown.TreeNode> i = item; i != null && i != tree.getRoot(); i = i.getParent()) {
            chain.add(0, i.getValue());
        }
        chain.forEach(vm::drill);
    }

    private static TreeTableColumn<AllocationBreakdown.TreeNode, String> treeColumn(String title, Function<AllocationBreakdown.TreeNode, String> f,
                                                                                  double width, boolean right) {
        TreeTableColumn<AllocationBreakdown.TreeNode, String> c = new TreeTableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue().getValue() == null ? "" : f.apply(cd.getValue().getValue())));
        c.setPrefWidth(width);
        if (right) {
            c.setStyle("-fx-alignment: CENTER-RIGHT;");
        }
        return c;
    }

    private void showNode() {
        if (vm.path().isEmpty()) {
            return;
        }
        breadcrumb.getChildren().clear();
        for (int i = 0; i < vm.path().size(); i++) {
            AllocationBreakdown.TreeNode n = vm.path().get(i);
            String text = (i == 0 ? "All" : n.tier().label() + " " + n.name()) + " " + Usd.format(vm.printed(n));
            if (i > 0) {
                breadcrumb.getChildren().add(new Label("›"));
            }
            if (i == vm.path().size() - 1) {
                Label l = new Label(text);
                l.setStyle("-fx-font-weight: bold;");
                breadcrumb.getChildren().add(l);
            } else {
                int depth = i;
                Hyperlink h = new Hyperlink(text);
                h.setOnAction(e -> vm.up(depth));
                breadcrumb.getChildren().add(h);
            }
        }
        AllocationBreakdown.TreeNode at = vm.path().get(vm.path().size() - 1);
        treemap.setTiles(tiles(at, 0));
        TreeItem<AllocationBreakdown.TreeNode> root = item(at);
        root.setExpanded(true);
        root.getChildren().forEach(c -> c.setExpanded(true));
        tree.setRoot(root);
    }

    private List<TreemapPane.Tile> tiles(AllocationBreakdown.TreeNode n, int depth) {
        List<TreemapPane.Tile> out = new ArrayList<>();
        BigDecimal month = vm.breakdownProperty().get().total();
        for (int i = 0; i < n.children().size(); i++) {
            AllocationBreakdown.TreeNode c = n.children().get(i);
            String tip = c.tier().label() + " " + c.name() + "\n" + Usd.format(vm.printed(c)) + " · " + percent(c.cost(), month)
                    + " of the month" + (c.viaRules().signum() == 0 ? "" : "\nvia rules " + Usd.format(Usd.cents(c.viaRules())));
            out.add(new TreemapPane.Tile(c, c.tier().label(), c.name(), Usd.format(vm.printed(c)), Math.max(0, c.cost().doubleValue()), colour(c, depth == 0 ? 0 : i + 1),
                    c.unallocated(), tip, depth == 0 ? tiles(c, 1) : List.of()));
        }
        return out;
    }

    /** The team's colour (org frames neutral), lighter for the nested tiles so neighbours stay apart. */
    private String colour(AllocationBreakdown.TreeNode n, int shade) {
        if (n.team() == null) {
            return "#dfe3e8";
        }
        int i = vm.colourOf(n.team());
        Color base = i < 0 ? Color.web("#8c96a3") : Color.web(TEAM_COLOURS[i % TEAM_COLOURS.length]);
        if (i >= TEAM_COLOURS.length) {
            base = base.deriveColor(0, 0.6, 1.2, 1); // past the palette: the same hues, paler
        }
        Color c = shade == 0 ? base : base.deriveColor(0, 1 - 0.12 * (shade % 3), 1 + 0.12 * (shade % 3), 1);
        return String.format("#%02x%02x%02x", (int) Math.round(c.getRed() * 255), (int) Math.round(c.getGreen() * 255), (int) Math.round(c.getBlue() * 255));
    }

    private static TreeItem<AllocationBreakdown.TreeNode> item(AllocationBreakdown.TreeNode n) {
        TreeItem<AllocationBreakdown.TreeNode> t = new TreeItem<>(n);
        n.children().forEach(c -> t.getChildren().add(item(c)));
        return t;
    }

    // ---- rules, sources, shared ----

    private TabPane createSide() {
        Tab r = new Tab("Rules", createRules());
        Tab s = new Tab("Shared costs", createShared());
        r.setClosable(false);
        s.setClosable(false);
        TabPane tabs = new TabPane(r, s);
        tabs.setId("allocTabs");
        return tabs;
    }

    private VBox createRules() {
        rules.setId("allocRules");
        rules.setItems(vm.rules());
        rules.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        rules.setPlaceholder(new Label("No rules: pick an unallocated key or workspace below, or Ctrl+N"));
        rules.getColumns().add(text("match", l -> l.rule().field().label()));
        rules.getColumns().add(text("value", l -> l.rule().value()));
        rules.getColumns().add(text("team", l -> dash(l.rule().team())));
        rules.getColumns().add(text("project", l -> dash(l.rule().project())));
        rules.getColumns().add(money("matched this month", AllocationViewModel.RuleLine::matched));
        rules.setPrefHeight(150);
        rules.setMinHeight(28 + 3 * 24 + 4); // three rules before it scrolls
        rules.getSelectionModel().selectedItemProperty().addListener((o, a, l) -> {
            if (l != null) {
                edit(l.rule());
            }
        });
        Button add = new Button("New rule");
        add.setId("ruleNew");
        add.setOnAction(e -> newRule());
        Button remove = new Button("Remove");
        remove.setId("ruleRemove");
        remove.disableProperty().bind(rules.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> vm.removeRule(rules.getSelectionModel().getSelectedItem().rule()));
        Label keys = new Label("Ctrl+N new · Delete removes · Ctrl+Z / Ctrl+Shift+Z undo / redo");
        keys.getStyleClass().add("caption");
        add.setMinWidth(Region.USE_PREF_SIZE);
        remove.setMinWidth(Region.USE_PREF_SIZE);
        keys.setMinWidth(0);
        HBox buttons = new HBox(8, add, remove, keys);
        buttons.setAlignment(Pos.CENTER_LEFT);

        sources.setId("allocSources");
        sources.setItems(vm.unallocatedSources());
        sources.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        sources.setPlaceholder(new Label("Nothing unallocated this month"));
        sources.getColumns().add(text("kind", s -> s.field().label()));
        sources.getColumns().add(text("api key or workspace", AllocationBreakdown.Source::value));
        sources.getColumns().add(money("unallocated spend", AllocationBreakdown.Source::cost));
        sources.getColumns().add(text("share", s -> percent(s.cost(), vm.breakdownProperty().get().unallocated())));
        sources.setOnMouseClicked(e -> {
            AllocationBreakdown.Source s = sources.getSelectionModel().getSelectedItem();
            if (s != null) {
                fromSource(s);
            }
        });
        sources.setOnKeyPressed(e -> {
            AllocationBreakdown.Source s = sources.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && s != null) {
                fromSource(s);
                e.consume();
            }
        });
        VBox.setVgrow(sources, Priority.ALWAYS);
        sources.setMinHeight(120);
        VBox v = new VBox(6, title("Mapping rules", "an api key or workspace → team / project; applied to past and future rows the file leaves without one"),
                rules, buttons, createEditor(),
                title("Unallocated keys and workspaces", "spend with no team, largest first; click one to start a rule for it"), sources);
        v.setPadding(new Insets(8));
        return v;
    }

    private GridPane createEditor() {
        field.setId("ruleField");
        field.setValue(AllocationRules.Field.API_KEY);
        field.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(AllocationRules.Field f) {
                return f == null ? "" : f.label();
            }

            @Override
            public AllocationRules.Field fromString(String s) {
                return AllocationRules.Field.parse(s);
            }
        });
        value.setId("ruleValue");
        value.setEditable(true);
        value.setPromptText("sk-… or workspace");
        value.setPrefWidth(200);
        team.setId("ruleTeam");
        team.setEditable(true);
        team.setPromptText("team");
        team.setPrefWidth(150);
        project.setId("ruleProject");
        project.setPromptText("project (optional)");
        project.setPrefColumnCount(12);
        Button save = new Button("Save rule");
        save.setId("ruleSave");
        save.setMinWidth(Region.USE_PREF_SIZE);
        save.setOnAction(e -> save());
        project.setOnAction(e -> save());
        ruleProblem.setId("ruleProblem");
        ruleProblem.getStyleClass().add("problem");
        ruleProblem.setWrapText(true);
        rulePreview.setId("rulePreview");
        rulePreview.setWrapText(true);
        rulePreview.setText(HINT);
        rulePreview.setMinHeight(Region.USE_PREF_SIZE);
        editing.getStyleClass().add("caption");
        field.valueProperty().addListener((o, a, b) -> {
            fillValues();
            preview();
        });
        value.getEditor().textProperty().addListener((o, a, b) -> preview());
        team.getEditor().textProperty().addListener((o, a, b) -> preview());
        project.textProperty().addListener((o, a, b) -> preview());
        vm.unallocatedSources().addListener((ListChangeListener<AllocationBreakdown.Source>) c -> fillValues());
        vm.breakdownProperty().addListener((o, a, b) -> {
            String typed = team.getEditor().getText();
            team.getItems().setAll(vm.teams());
            team.getEditor().setText(typed);
            preview();
        });
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.addRow(0, label("Match"), field, value, editing);
        g.addRow(1, label("Team"), team, project, save);
        g.add(ruleProblem, 0, 2, 4, 1);
        g.add(rulePreview, 0, 3, 4, 1);
        g.setPadding(new Insets(4, 0, 4, 0));
        return g;
    }

    private void fillValues() {
        String typed = value.getEditor().getText();
        value.getItems().setAll(vm.unallocatedSources().stream().filter(s -> s.field() == field.getValue())
                .map(AllocationBreakdown.Source::value).toList());
        value.getEditor().setText(typed);
    }

    /** Ctrl+N: an empty editor for a new rule, the cursor in the value. */
    private void newRule() {
        rules.getSelectionModel().clearSelection();
        edited = null;
        editing.setText("new rule");
        set(value, "");
        set(team, "");
        project.setText("");
        ruleProblem.setText("");
        value.requestFocus();
        value.getEditor().requestFocus();
    }

    private void edit(AllocationRules.Rule r) {
        edited = r;
        editing.setText("editing " + r.field().label() + "=" + r.value());
        field.setValue(r.field());
        set(value, r.value());
        set(team, r.team() == null ? "" : r.team());
        project.setText(r.project() == null ? "" : r.project());
    }

    private void fromSource(AllocationBreakdown.Source s) {
        rules.getSelectionModel().clearSelection();
        edited = null;
        editing.setText("new rule");
        field.setValue(s.field());
        set(value, s.value());
        set(team, "");
        project.setText("");
        team.requestFocus();
        team.getEditor().requestFocus();
    }

    /** Sets an editable combo's value and its editor's text together (the skin resets the text to the value). */
    private static void set(ComboBox<String> c, String text) {
        c.setValue(text.isEmpty() ? null : text);
        c.getEditor().setText(text);
    }

    private AllocationRules.Rule candidate() {
        return AllocationViewModel.rule(field.getValue(), value.getEditor().getText(), team.getEditor().getText(), project.getText());
    }

    private void preview() {
        AllocationRules.Rule r;
        try {
            r = candidate();
            ruleProblem.setText("");
        } catch (IllegalArgumentException e) {
            boolean empty = value.getEditor().getText().isBlank() && team.getEditor().getText().isBlank() && project.getText().isBlank();
            ruleProblem.setText(empty ? "" : e.getMessage());
            rulePreview.setText(HINT);
            return;
        }
        CoveragePreview p = vm.preview(r, edited);
        rulePreview.setText(p == null ? "" : previewText(p, shownUnallocated));
    }

    /**
     * "Moves $X of the $U unallocated (p %): $a → team / project, …"; $U is the headline's figure and the parts are
     * printed so that they add up: the destinations to $X, and $U − $X to what is left.
     */
    static String previewText(CoveragePreview p, BigDecimal shownUnallocated) {
        StringBuilder s = new StringBuilder();
        if (p.moved().signum() == 0) {
            s.append("Moves nothing of the ").append(Usd.format(shownUnallocated)).append(" unallocated this month");
        } else {
            s.append("Moves ").append(Usd.format(Usd.cents(p.moved()))).append(" of the ").append(Usd.format(shownUnallocated))
                    .append(" unallocated (").append(percent(p.moved(), p.unallocatedBefore())).append("): ");
            List<BigDecimal> parts = CentRounding.round(new ArrayList<>(p.destinations().values()), p.moved());
            int i = 0;
            for (Map.Entry<String, BigDecimal> e : p.destinations().entrySet()) {
                s.append(i == 0 ? "" : ", ").append(Usd.format(parts.get(i++))).append(" → ").append(e.getKey());
            }
            if (p.returned().signum() == 0) {
                s.append(". Unallocated after: ").append(Usd.format(shownUnallocated.subtract(Usd.cents(p.moved()))));
            }
        }
        if (p.reattributed().signum() != 0) {
            s.append(". Also moves ").append(Usd.format(Usd.cents(p.reattributed()))).append(" already attributed to another team or project");
        }
        if (p.returned().signum() != 0) {
            s.append(". Returns ").append(Usd.format(Usd.cents(p.returned()))).append(" to unallocated (unallocated after: ")
                    .append(Usd.format(Usd.cents(p.unallocatedAfter()))).append(")");
        }
        if (p.projectsFilled().signum() != 0) {
            s.append(". Gives a project to ").append(Usd.format(Usd.cents(p.projectsFilled()))).append(" without changing its team");
        }
        return s.append('.').toString();
    }

    private void save() {
        try {
            AllocationRules.Rule r = candidate();
            vm.saveRule(r, edited);
            edited = r;
            editing.setText("editing " + r.field().label() + "=" + r.value());
            ruleProblem.setText("");
        } catch (IllegalArgumentException e) {
            ruleProblem.setText(e.getMessage());
        }
    }

    private VBox createShared() {
        shared.setId("allocSharedTable");
        shared.setItems(vm.shared());
        shared.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        shared.setPlaceholder(new Label("No shared costs this month"));
        shared.getColumns().add(width(text("shared cost", l -> l.first() ? l.cost() : ""), 150));
        shared.getColumns().add(width(text("method", l -> l.first() ? l.method() : ""), 90));
        shared.getColumns().add(width(text("node", AllocationViewModel.SharedLine::node), 130));
        shared.getColumns().add(width(text("weight", AllocationViewModel.SharedLine::weight), 100));
        shared.getColumns().add(width(money("part", AllocationViewModel.SharedLine::part), 80));
        VBox.setVgrow(shared, Priority.ALWAYS);
        Button add = new Button("Add shared cost…");
        add.setId("allocAddShared");
        add.setOnAction(e -> new SharedCostDialog(getScene() == null ? null : getScene().getWindow(), vm).showAndWait().ifPresent(vm::addShared));
        withShared.setId("allocWithShared");
        withShared.setWrapText(true);
        withShared.getStyleClass().add("caption");
        VBox v = new VBox(6, title("Shared costs of the month", "a gateway, a platform team, reserved capacity: split over nodes "
                + "proportionally to their spend, evenly or by fixed percentages; parts printed so they add up to the cost"),
                shared, add, withShared);
        v.setPadding(new Insets(8));
        return v;
    }

    // ---- helpers ----

    private static VBox title(String text, String subtitle) {
        Label t = new Label(text);
        t.getStyleClass().add("block-title");
        Label s = new Label(subtitle);
        s.getStyleClass().add("caption");
        s.setWrapText(true);
        s.setMinHeight(Region.USE_PREF_SIZE);
        return new VBox(0, t, s);
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static String dash(String s) {
        return s == null ? "—" : s;
    }

    private static <T> TableColumn<T, String> text(String title, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        return c;
    }

    private static <T> TableColumn<T, String> width(TableColumn<T, String> c, double w) {
        c.setPrefWidth(w);
        c.setMinWidth(w * 0.7);
        return c;
    }

    private static <T> TableColumn<T, String> money(String title, Function<T, BigDecimal> value) {
        TableColumn<T, String> c = text(title, r -> Usd.format(Usd.cents(value.apply(r))));
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        c.setComparator(java.util.Comparator.comparing(s -> new BigDecimal(s.replace("$", "").replace(",", ""))));
        return c;
    }

    public TreemapPane treemap() {
        return treemap;
    }
}

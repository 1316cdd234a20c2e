package com.aifinops.workbench.views.governance;

import com.aifinops.workbench.model.Usd;
import com.aifinops.workbench.model.analysis.Governance;
import com.aifinops.workbench.views.common.Loading;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.converter.DefaultStringConverter;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Governance screen: the findings (keys with spend and no owner, unused keys, spend outside a key's declared
 * environment or load, models outside an environment's approved list), the key inventory as the ledger sees it with
 * owner, team, cost centre, declared use and environment edited in place, and each environment's approved models
 * with the spend outside them. Keys with a finding are tinted; Ctrl+Z (or Undo) takes back the latest edit.
 */
public final class GovernanceView extends BorderPane {
    private static final KeyCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);
    /** Row tint per finding, the most serious first (a key with several takes the first). */
    private static final Map<Governance.Kind, String> TINT = new EnumMap<>(Map.of(
            Governance.Kind.NO_OWNER, "#fbe3e4",
            Governance.Kind.ENVIRONMENT_DRIFT, "#fdf0d5",
            Governance.Kind.SPEND_SURGE, "#fdf0d5",
            Governance.Kind.UNUSED, "#ececec"));

    private final GovernanceViewModel vm;
    private final TableView<GovernanceViewModel.KeyLine> keys = new TableView<>();
    private final TableView<Governance.Finding> findings = new TableView<>();
    private final TableView<Governance.EnvironmentRow> environments = new TableView<>();
    private final Label summary = new Label();
    private final TextField environment = new TextField();
    private final ComboBox<String> model = new ComboBox<>();

    public GovernanceView(GovernanceViewModel vm) {
        this.vm = vm;
        setTop(createBar());
        createFindings();
        createKeys();
        createEnvironments();
        summary.setId("governanceSummary");
        Label error = new Label();
        error.setId("governanceError");
        error.getStyleClass().add("error-text");
        error.textProperty().bind(vm.errorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        VBox body = new VBox(6, summary, findings, error, title("Key inventory",
                "keys seen in the ledger or listed in the inventory; double-click owner, team, cost centre, declared use or environment to edit"),
                keys, title("Approved models", "per environment; spend on other models is outside the list (environments without a list are not governed)"),
                environments, createApprovalEditor());
        VBox.setVgrow(keys, Priority.ALWAYS);
        findings.setFixedCellSize(24);
        environments.setFixedCellSize(24);
        // the short tables keep their fitted height; the key inventory takes what is left
        findings.setMinHeight(Region.USE_PREF_SIZE);
        environments.setMinHeight(Region.USE_PREF_SIZE);
        keys.setPrefHeight(160);
        keys.setMinHeight(120);
        body.setPadding(new Insets(4, 12, 12, 12));
        setCenter(body);
        vm.findings().addListener((javafx.collections.ListChangeListener<Governance.Finding>) c -> showSummary());
        vm.environments().addListener((javafx.collections.ListChangeListener<Governance.EnvironmentRow>) c -> {
            fillModels();
            fitRows(environments, 5);
        });
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (UNDO.match(e) && vm.canUndoProperty().get() && !(e.getTarget() instanceof TextInputControl)) {
                vm.undo();
                e.consume();
            }
        });
        vm.refresh();
    }

    private FlowPane createBar() {
        Label asOf = new Label();
        asOf.setId("governanceAsOf");
        vm.reportProperty().addListener((o, a, r) -> asOf.setText(r == null ? "" : "As of " + r.asOf() + " (the ledger's last day)"));
        Button reload = new Button("Refresh");
        reload.setOnAction(e -> vm.refresh());
        Button undo = new Button("Undo");
        undo.setId("governanceUndo");
        undo.disableProperty().bind(vm.canUndoProperty().not());
        undo.setOnAction(e -> vm.undo());
        Label status = new Label();
        status.setId("governanceStatus");
        status.textProperty().bind(vm.statusProperty());
        FlowPane bar = new FlowPane(10, 6, asOf, reload, undo, Loading.indicator(vm.loadingProperty()), status);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(12, 12, 4, 12));
        return bar;
    }

    private static VBox title(String text, String subtitle) {
        Label t = new Label(text);
        t.getStyleClass().add("block-title");
        Label s = new Label(subtitle);
        s.getStyleClass().add("caption");
        s.setWrapText(true);
        VBox v = new VBox(0, t, s);
        v.setPadding(new Insets(6, 0, 0, 0));
        return v;
    }

    private void showSummary() {
        if (vm.findings().isEmpty()) {
            summary.setText("No findings");
            return;
        }
        Map<Governance.Kind, Long> n = vm.findings().stream().collect(Collectors.groupingBy(Governance.Finding::kind,
                () -> new EnumMap<>(Governance.Kind.class), Collectors.counting()));
        summary.setText(vm.findings().size() + (vm.findings().size() == 1 ? " finding: " : " findings: ")
                + n.entrySet().stream().map(e -> e.getValue() + " " + kindText(e.getKey(), e.getValue() != 1)).collect(Collectors.joining(", ")));
        fitRows(findings, 6);
    }

    static String kindText(Governance.Kind k, boolean plural) {
        return switch (k) {
            case NO_OWNER -> plural ? "keys with spend and no owner" : "key with spend and no owner";
            case UNUSED -> plural ? "unused keys" : "unused key";
            case ENVIRONMENT_DRIFT -> plural ? "keys spending outside their declared environment" : "key spending outside its declared environment";
            case SPEND_SURGE -> plural ? "keys spending beyond their declared load" : "key spending beyond its declared load";
            case UNAPPROVED_MODEL -> plural ? "models outside an approved list" : "model outside an approved list";
        };
    }

    /** The short name a key's findings column shows. */
    static String shortText(Governance.Kind k) {
        return switch (k) {
            case NO_OWNER -> "no owner";
            case UNUSED -> "unused";
            case ENVIRONMENT_DRIFT -> "env drift";
            case SPEND_SURGE -> "surge";
            case UNAPPROVED_MODEL -> "unapproved model";
        };
    }

    /** Sizes a short table to its rows (at most {@code max} before it scrolls), so the key inventory gets the rest. */
    private static void fitRows(TableView<?> t, int max) {
        int n = Math.max(1, Math.min(max, t.getItems().size()));
        t.setPrefHeight(28 + n * 24 + 4);
    }

    private void createFindings() {
        findings.setId("governanceFindings");
        findings.setItems(vm.findings());
        findings.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        Loading.placeholder(findings, vm.loadingProperty(), new Label("No findings"));
        TableColumn<Governance.Finding, String> kind = text("finding", f -> f.kind().label().replace('_', ' '));
        kind.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setStyle(empty || item == null ? "" : "-fx-font-weight: bold; -fx-text-fill: "
                        + (item.equals("no owner") || item.equals("unapproved model") ? "#b00020" : item.equals("unused") ? "#555555" : "#8a4b00") + ";");
            }
        });
        kind.setMaxWidth(150);
        kind.setMinWidth(130);
        TableColumn<Governance.Finding, String> subject = text("key or model", Governance.Finding::subject);
        subject.setMinWidth(150);
        TableColumn<Governance.Finding, String> env = text("environment", f -> f.environment() == null ? "" : f.environment());
        env.setMaxWidth(120);
        TableColumn<Governance.Finding, String> cost = money("spend", Governance.Finding::cost);
        cost.setMaxWidth(120);
        TableColumn<Governance.Finding, String> detail = text("detail", Governance.Finding::detail);
        detail.setMinWidth(300);
        findings.getColumns().addAll(List.of(kind, subject, env, cost, detail));
    }

    private void createKeys() {
        keys.setId("governanceKeys");
        keys.setItems(vm.keys());
        keys.setEditable(true);
        keys.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        Loading.placeholder(keys, vm.loadingProperty(), new Label("No API keys in the ledger or the inventory"));
        keys.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(GovernanceViewModel.KeyLine line, boolean empty) {
                super.updateItem(line, empty);
                String tint = empty || line == null ? null : TINT.entrySet().stream().filter(e -> line.findings().contains(e.getKey()))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
                // the inner background, not the row's: selection keeps its own colour
                setStyle(tint == null ? "" : "-fx-control-inner-background: " + tint + "; -fx-control-inner-background-alt: " + tint + ";");
            }
        });
        TableColumn<GovernanceViewModel.KeyLine, String> key = text("api key", GovernanceViewModel.KeyLine::apiKey);
        key.setMinWidth(130);
        keys.getColumns().add(key);
        keys.getColumns().add(text("workspace", l -> String.join(", ", l.workspaces())));
        keys.getColumns().add(text("project", l -> String.join(", ", l.projects())));
        keys.getColumns().add(money("spend", l -> l.row().cost()));
        TableColumn<GovernanceViewModel.KeyLine, String> last = text("last used", l -> l.row().lastSeen() == null ? "never" : l.row().lastSeen().toString());
        last.setStyle("-fx-alignment: CENTER-RIGHT;");
        keys.getColumns().add(last);
        for (GovernanceViewModel.Field f : GovernanceViewModel.Field.values()) {
            TableColumn<GovernanceViewModel.KeyLine, String> c = text(f.label(), l -> l.value(f) == null ? "" : l.value(f));
            c.setId("gov-" + f.name().toLowerCase().replace('_', '-'));
            c.setEditable(true);
            c.setCellFactory(x -> new TextFieldTableCell<>(new DefaultStringConverter()));
            c.setOnEditCommit(e -> vm.edit(e.getRowValue(), f, e.getNewValue()));
            c.setMinWidth(f == GovernanceViewModel.Field.DECLARED_USE ? 130 : 90);
            keys.getColumns().add(c);
        }
        TableColumn<GovernanceViewModel.KeyLine, String> found = text("findings", l -> l.findings().stream().sorted()
                .map(GovernanceView::shortText).collect(Collectors.joining(", ")));
        found.setStyle("-fx-text-fill: #b00020;");
        keys.getColumns().add(found);
    }

    private void createEnvironments() {
        environments.setId("governanceEnvironments");
        environments.setItems(vm.environments());
        environments.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        environments.setPlaceholder(new Label("No environments in the ledger"));
        TableColumn<Governance.EnvironmentRow, String> env = text("environment", Governance.EnvironmentRow::environment);
        env.setMaxWidth(140);
        TableColumn<Governance.EnvironmentRow, String> approved = text("approved models", e -> e.approved().isEmpty() ? "no list (not governed)"
                : String.join(", ", new TreeSet<>(e.approved())));
        approved.setMinWidth(200);
        TableColumn<Governance.EnvironmentRow, String> spend = money("spend", Governance.EnvironmentRow::cost);
        spend.setMaxWidth(130);
        TableColumn<Governance.EnvironmentRow, String> outside = text("outside the list", e -> e.governed() ? Usd.format(e.outsideCost()) : "—");
        outside.setStyle("-fx-alignment: CENTER-RIGHT; -fx-font-weight: bold;");
        outside.setMaxWidth(130);
        TableColumn<Governance.EnvironmentRow, String> byModel = text("outside, by model", e -> e.outsideByModel().entrySet().stream()
                .sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed())
                .map(m -> m.getKey() + " " + Usd.format(m.getValue())).collect(Collectors.joining(", ")));
        byModel.setMinWidth(200);
        environments.getColumns().addAll(List.of(env, approved, spend, outside, byModel));
        environments.getSelectionModel().selectedItemProperty().addListener((o, a, e) -> {
            if (e != null) {
                environment.setText(e.environment());
            }
        });
    }

    private FlowPane createApprovalEditor() {
        environment.setId("governanceEnvironment");
        environment.setPromptText("prod");
        environment.setPrefWidth(120);
        model.setId("governanceModel");
        model.setEditable(true);
        model.setPromptText("model id");
        model.setPrefWidth(220);
        Button approve = new Button("Approve");
        approve.setId("governanceApprove");
        approve.setOnAction(e -> vm.approve(environment.getText(), modelText()));
        Button remove = new Button("Remove");
        remove.setId("governanceUnapprove");
        remove.setOnAction(e -> vm.unapprove(environment.getText(), modelText()));
        FlowPane p = new FlowPane(8, 6, label("Environment"), environment, label("model"), model, approve, remove);
        p.setAlignment(Pos.CENTER_LEFT);
        return p;
    }

    private String modelText() {
        return model.getEditor().getText();
    }

    /** The models worth offering: those approved anywhere and those spent on outside a list. */
    private void fillModels() {
        TreeSet<String> all = new TreeSet<>();
        vm.environments().forEach(e -> {
            all.addAll(e.approved());
            all.addAll(e.outsideByModel().keySet());
        });
        ObservableList<String> items = FXCollections.observableArrayList(all);
        if (!model.getItems().equals(items)) {
            String typed = model.getEditor().getText();
            model.setItems(items);
            model.getEditor().setText(typed);
        }
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    public TableView<GovernanceViewModel.KeyLine> keysTable() {
        return keys;
    }

    private static <T> TableColumn<T, String> text(String title, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setId("gov-" + title.replace(' ', '-'));
        c.setEditable(false);
        return c;
    }

    private static <T> TableColumn<T, String> money(String title, Function<T, BigDecimal> value) {
        TableColumn<T, String> c = text(title, r -> Usd.format(value.apply(r)));
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        c.setComparator(java.util.Comparator.comparing(s -> new BigDecimal(s.replace("$", "").replace(",", ""))));
        return c;
    }
}

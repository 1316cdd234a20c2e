package com.aifinops.workbench.views.studio;

import com.aifinops.workbench.model.Usd;
import com.aifinops.workbench.model.price.ModelPrice;
import com.aifinops.workbench.model.workload.Conversation;
import com.aifinops.workbench.model.workload.VolumeBasis;
import com.aifinops.workbench.pricing.engine.WorkloadCostCalculator;
import com.aifinops.workbench.pricing.sanity.SanityWarning;
import com.aifinops.workbench.views.levers.LeversPanel;
import com.aifinops.workbench.views.levers.LeversViewModel;
import com.aifinops.workbench.views.routing.RoutingPanel;
import com.aifinops.workbench.views.routing.RoutingViewModel;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import com.aifinops.workbench.views.common.DecimalField;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Slider;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * The workload editor: inputs and levers on the left; the headline cost, the model comparison and the cost
 * curve on the right. Binds to {@link WorkloadStudioViewModel}; holds no arithmetic of its own beyond
 * formatting.
 */
public final class WorkloadStudioView extends BorderPane {
    private final WorkloadStudioViewModel vm;
    private final CostCurveChart chart = new CostCurveChart();
    private final Label monthly = new Label();
    private final Label headline = new Label();
    private final Label detail = new Label();
    private final TableView<StudioResult.ModelCost> table = new TableView<>();

    private final StudioSession session;
    private final WorkbookSummaryViewModel summary;
    private final Label perOutcome = new Label();
    private final Label workbookTotal = new Label();
    private final VBox warnings = new VBox(2);
    private RoutingViewModel routing;
    private List<SanityWarning> shownWarnings;
    private LeversViewModel levers;

    /** A lone workload editor (no workload list, levers, routing or scenarios). */
    public WorkloadStudioView(WorkloadStudioViewModel vm) {
        this(vm, null, null);
    }

    /** The whole studio over a workbook: the workload list, the editor, and the levers, routing and scenario tabs. */
    public WorkloadStudioView(StudioSession session, Consumer<Runnable> scheduler) {
        this(session.editor(), session, new WorkbookSummaryViewModel(session, scheduler));
    }

    private WorkloadStudioView(WorkloadStudioViewModel vm, StudioSession session, WorkbookSummaryViewModel summary) {
        this.vm = vm;
        this.session = session;
        this.summary = summary;
        getStyleClass().add("studio");
        setLeft(createInputs());
        setCenter(createResults());
        vm.resultProperty().addListener((o, old, r) -> show(r));
        if (vm.resultProperty().get() != null) {
            show(vm.resultProperty().get());
        }
        if (summary != null) {
            summary.summaryProperty().addListener((o, old, x) -> showSummary(x));
            showSummary(summary.summaryProperty().get());
        }
    }

    public RoutingViewModel routing() {
        return routing;
    }

    public LeversViewModel levers() {
        return levers;
    }

    public WorkbookSummaryViewModel summary() {
        return summary;
    }

    public CostCurveChart chart() {
        return chart;
    }

    private Region createInputs() {
        VBox form = new VBox(8);
        form.getStyleClass().add("form");
        TextField nameField = new TextField();
        nameField.textProperty().bindBidirectional(vm.nameProperty());
        nameField.setId("workloadNameField");
        form.getChildren().add(row(label("Workload"), nameField));
        form.getChildren().add(row(label("Model"), modelBox()));
        ComboBox<VolumeBasis> basis = new ComboBox<>(FXCollections.observableArrayList(VolumeBasis.values()));
        basis.setId("volumeBox");
        basis.valueProperty().bindBidirectional(vm.volumeProperty());
        basis.setConverter(new javafx.util.StringConverter<>() {
            @Override public String toString(VolumeBasis v) {
                return v == null ? "" : switch (v) {
                    case USERS_PER_DAY -> "Users × requests / day";
                    case REQUESTS_PER_MONTH -> "Requests / month";
                    case CONVERSATIONS -> "Conversations × turns";
                };
            }
            @Override public VolumeBasis fromString(String s) { return null; }
        });
        basis.setMaxWidth(Double.MAX_VALUE);
        form.getChildren().add(row(label("Volume as"), basis));
        BooleanBinding perDay = vm.volumeProperty().isEqualTo(VolumeBasis.USERS_PER_DAY);
        BooleanBinding perMonth = vm.volumeProperty().isEqualTo(VolumeBasis.REQUESTS_PER_MONTH);
        BooleanBinding conv = vm.volumeProperty().isEqualTo(VolumeBasis.CONVERSATIONS);
        showIf(form, perDay, label("Monthly active users"), field("usersField", vm.usersProperty()));
        showIf(form, perDay, label("Requests / user / day"), field("requestsField", vm.requestsPerUserPerDayProperty()));
        showIf(form, perDay, label("Days / month"), daysField());
        showIf(form, perMonth, label("Requests / month"), field("monthlyRequestsField", vm.monthlyRequestsProperty()));
        showIf(form, conv.not(), label("Input tokens / request"), field("inputField", vm.inputTokensProperty()));
        showIf(form, conv.not(), label("Output tokens / request"), field("outputField", vm.outputTokensProperty()));
        showIf(form, conv, label("Conversations / month"), field("conversationsField", vm.conversationsPerMonthProperty()));
        showIf(form, conv, label("Turns / conversation"), field("turnsField", vm.turnsProperty()));
        showIf(form, conv, label("System prompt tokens"), field("systemPromptField", vm.systemPromptTokensProperty()));
        showIf(form, conv, label("User tokens / turn"), field("userTokensField", vm.userTokensPerTurnProperty()));
        showIf(form, conv, label("Answer tokens / turn"), field("answerTokensField", vm.answerTokensPerTurnProperty()));
        ComboBox<Conversation.HistoryCap> cap = new ComboBox<>(FXCollections.observableArrayList(Conversation.HistoryCap.values()));
        cap.setId("historyCapBox");
        cap.valueProperty().bindBidirectional(vm.historyCapProperty());
        cap.setConverter(new javafx.util.StringConverter<>() {
            @Override public String toString(Conversation.HistoryCap c) {
                return c == null ? "" : switch (c) {
                    case NONE -> "Whole history";
                    case SLIDING_WINDOW -> "Last k turns";
                    case SUMMARY -> "Summarise past T tokens";
                };
            }
            @Override public Conversation.HistoryCap fromString(String s) { return null; }
        });
        cap.setMaxWidth(Double.MAX_VALUE);
        showIf(form, conv, label("History"), cap);
        showIf(form, conv.and(vm.historyCapProperty().isEqualTo(Conversation.HistoryCap.SLIDING_WINDOW)),
                label("Window k (turns)"), field("windowField", vm.windowTurnsProperty()));
        showIf(form, conv.and(vm.historyCapProperty().isEqualTo(Conversation.HistoryCap.SUMMARY)),
                label("Summarise above T tokens"), field("summaryTriggerField", vm.summaryTriggerProperty()));
        showIf(form, conv.and(vm.historyCapProperty().isEqualTo(Conversation.HistoryCap.SUMMARY)),
                label("Summary S tokens"), field("summaryTokensField", vm.summaryTokensProperty()));
        form.getChildren().add(row(label("Reasoning tokens / call"), field("reasoningField", vm.reasoningTokensProperty())));
        DecimalField batch = new DecimalField(vm.batchShareProperty(),
                v -> v.signum() < 0 || v.compareTo(BigDecimal.ONE) > 0 ? "a share between 0 and 1" : null);
        batch.setId("batchShareField");
        form.getChildren().add(row(label("Batch share (0–1)"), batch));
        TextField unit = new TextField();
        unit.setId("outcomeUnitField");
        unit.setPromptText("e.g. resolved ticket");
        unit.textProperty().bindBidirectional(vm.outcomeUnitProperty());
        form.getChildren().add(row(label("Unit of outcome"), unit));
        form.getChildren().add(row(label("Outcomes / month"), field("outcomesField", vm.outcomesPerMonthProperty())));

        Slider cache = slider("cacheHitSlider", 0, 100, vm.cacheHitPercentProperty().get(), 1);
        cache.valueProperty().bindBidirectional(vm.cacheHitPercentProperty());
        Label cacheValue = new Label();
        cacheValue.setId("cacheHitValue");
        cacheValue.textProperty().bind(vm.cacheHitPercentProperty().asString(Locale.ROOT, "%.0f %%"));
        Slider ovr = slider("overheadSlider", 1, 3, vm.overheadProperty().get(), 0.05);
        ovr.valueProperty().bindBidirectional(vm.overheadProperty());
        Label ovrValue = new Label();
        ovrValue.setId("overheadValue");
        ovrValue.textProperty().bind(vm.overheadProperty().asString(Locale.ROOT, "%.2f×"));

        ovr.disableProperty().bind(vm.overheadAsPartsProperty());
        CheckBox asParts = new CheckBox("State the overhead as its parts");
        asParts.setId("overheadPartsCheck");
        asParts.selectedProperty().bindBidirectional(vm.overheadAsPartsProperty());
        GridPane parts = new GridPane();
        parts.setHgap(10);
        parts.setVgap(6);
        parts.getColumnConstraints().addAll(new ColumnConstraints(), new ColumnConstraints(175));
        parts.addRow(0, label("Retries (+share)"), field("retriesField", vm.retriesProperty()));
        parts.addRow(1, label("Eval traffic"), field("evalField", vm.evalTrafficProperty()));
        parts.addRow(2, label("Agent loops"), field("agentLoopsField", vm.agentLoopsProperty()));
        parts.addRow(3, label("Observability"), field("observabilityField", vm.observabilityProperty()));
        CheckBox multiply = new CheckBox("Parts compound (Π(1+p), else 1+Σp)");
        multiply.setId("partsMultiplyCheck");
        multiply.selectedProperty().bindBidirectional(vm.partsMultiplyProperty());
        parts.add(multiply, 0, 4, 2, 1);
        parts.visibleProperty().bind(vm.overheadAsPartsProperty());
        parts.managedProperty().bind(vm.overheadAsPartsProperty());
        VBox levers = new VBox(6,
                section("Levers"),
                leverRow("Cache hit rate", cacheValue), cache,
                hint("Share of input tokens read from the prompt cache."),
                leverRow("Overhead", ovrValue), ovr,
                hint("Retries, evals, observability and agent loops."), asParts, parts);
        VBox left = new VBox(14);
        if (session != null) {
            left.getChildren().addAll(section("Workloads"), new WorkloadListPanel(session));
        }
        left.getChildren().addAll(section("Workload"), form, levers);
        left.setPadding(new Insets(16));
        ScrollPane scroll = new ScrollPane(left);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("side-panel");
        scroll.setPrefWidth(396);
        scroll.setMinWidth(396);
        return scroll;
    }

    private Region createResults() {
        monthly.setId("monthlyCost");
        monthly.getStyleClass().add("headline-figure");
        headline.getStyleClass().add("headline-caption");
        detail.setId("costDetail");
        detail.getStyleClass().add("caption");
        perOutcome.setId("costPerOutcome");
        perOutcome.getStyleClass().add("caption");
        workbookTotal.setId("workbookTotal");
        workbookTotal.getStyleClass().add("caption");
        VBox card = new VBox(2, headline, monthly, detail, perOutcome, workbookTotal);
        card.getStyleClass().add("card");
        warnings.setId("warnings");
        warnings.getStyleClass().add("warnings");
        warnings.managedProperty().bind(warnings.visibleProperty());
        Label problem = new Label();
        problem.getStyleClass().add("warning-text");
        problem.textProperty().bind(vm.problemProperty());
        problem.visibleProperty().bind(vm.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        table.setId("modelTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setFixedCellSize(28);
        table.setPrefHeight(28 * 4 + 34);
        table.setMinHeight(28 * 3 + 32);
        table.getColumns().add(column("Model", r -> r.model().displayName(), 170, false));
        table.getColumns().add(column("Provider", r -> r.model().provider(), 110, false));
        table.getColumns().add(column("List $/MTok in·hit·out", r -> plain(r.model().prices().inputPerMTok())
                + " · " + plain(r.model().prices().cacheHitPerMTok()) + " · " + plain(r.model().prices().outputPerMTok()), 170, false));
        table.getColumns().add(column("Per request", r -> "$" + r.cost().costPerRequest().setScale(6, RoundingMode.HALF_UP), 110, true));
        table.getColumns().add(column("Monthly", r -> Usd.format(r.cost().monthlyCost()), 130, true));
        table.getColumns().add(column("vs selected", this::versusSelected, 100, true));

        chart.node().setMinHeight(220);
        Region lower = chart.node();
        if (session != null) {
            levers = new LeversViewModel(session);
            routing = new RoutingViewModel(session);
            Tab curve = new Tab("Cost curve", chart.node());
            LeversPanel leversPanel = new LeversPanel(levers);
            Tab leversTab = new Tab("Levers", leversPanel);
            leversPanel.showingProperty().bind(leversTab.selectedProperty());
            Tab routingTab = new Tab("Routing", new RoutingPanel(routing));
            routingTab.setId("routingTab");
            Tab scenariosTab = new Tab("Scenarios", new ScenariosPanel(session, summary));
            TabPane tabs = new TabPane(curve, leversTab, routingTab, scenariosTab);
            tabs.setId("studioTabs");
            tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
            summary.scenariosShownProperty().bind(scenariosTab.selectedProperty());
            // the model comparison belongs with the cost curve; the other tabs get its height
            table.visibleProperty().bind(curve.selectedProperty());
            table.managedProperty().bind(curve.selectedProperty());
            table.setMinHeight(table.getPrefHeight()); // four models without a scroll bar; the chart gives way
            tabs.setMinHeight(260);
            lower = tabs;
        }
        VBox.setVgrow(lower, Priority.ALWAYS);
        VBox right = new VBox(10, card, problem, warnings, table, lower);
        right.setPadding(new Insets(16));
        return right;
    }

    private String versusSelected(StudioResult.ModelCost r) {
        StudioResult current = vm.resultProperty().get();
        BigDecimal base = current.selected().cost().monthlyCost();
        if (r == current.selected() || base.signum() == 0) {
            return "—";
        }
        BigDecimal change = r.cost().monthlyCost().subtract(base).movePointRight(2).divide(base, 1, RoundingMode.HALF_UP);
        return (change.signum() > 0 ? "+" : "") + change.toPlainString() + " %";
    }

    private void show(StudioResult r) {
        StudioResult.ModelCost sel = r.selected();
        headline.setText("Monthly cost on " + sel.model().displayName());
        monthly.setText(Usd.format(sel.cost().monthlyCost()));
        detail.setText(String.format(Locale.ROOT, "$%s per request · %,d requests / month · input %s · output %s",
                sel.cost().costPerRequest().setScale(6, RoundingMode.HALF_UP).toPlainString(),
                sel.cost().requestsPerMonth().setScale(0, RoundingMode.HALF_UP).toBigInteger(),
                Usd.format(sel.cost().inputCost()), Usd.format(sel.cost().outputCost())));
        perOutcome.setText(WorkloadCostCalculator.costPerOutcome(r.workload(), sel.cost())
                .map(c -> "$" + c.setScale(4, RoundingMode.HALF_UP).toPlainString() + " per " + r.workload().outcome().unit()
                        + " (" + String.format(Locale.ROOT, "%,d", r.workload().outcome().outcomesPerMonth().toBigInteger()) + " / month)")
                .orElse(""));
        perOutcome.setVisible(!perOutcome.getText().isEmpty());
        perOutcome.setManaged(perOutcome.isVisible());
        table.getItems().setAll(r.rows()); // reuses the rows' cells: no rebuild per slider step
        chart.show(r);
    }

    private void showSummary(WorkbookSummaryViewModel.Summary x) {
        if (x == null) {
            return;
        }
        int n = x.perWorkload().size();
        workbookTotal.setText("Workbook: " + n + " workload" + (n == 1 ? "" : "s") + " · " + Usd.format(x.total()) + " / month in total");
        if (x.warnings().equals(shownWarnings)) {
            return; // a slider step rarely changes the warnings: keep the nodes, skip CSS and layout
        }
        shownWarnings = x.warnings();
        List<Label> ls = new ArrayList<>();
        for (SanityWarning w : x.warnings()) {
            Label l = new Label("⚠ " + w);
            l.getStyleClass().add("warning-text");
            l.setWrapText(true);
            ls.add(l);
        }
        warnings.getChildren().setAll(ls);
        warnings.setVisible(!ls.isEmpty());
    }

    /** One form row; rows are separate so a hidden one leaves no gap. */
    private static GridPane row(javafx.scene.Node l, javafx.scene.Node field) {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.getColumnConstraints().addAll(new ColumnConstraints(168), new ColumnConstraints(175));
        g.addRow(0, l, field);
        return g;
    }

    private static void showIf(VBox form, javafx.beans.value.ObservableBooleanValue shown, Label l, Region field) {
        GridPane g = row(l, field);
        g.visibleProperty().bind(shown);
        g.managedProperty().bind(shown);
        form.getChildren().add(g);
    }

    private static TableColumn<StudioResult.ModelCost, String> column(String title,
            java.util.function.Function<StudioResult.ModelCost, String> value, double width, boolean numeric) {
        TableColumn<StudioResult.ModelCost, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        if (numeric) {
            c.getStyleClass().add("numeric");
        }
        return c;
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    private Region daysField() {
        SimpleObjectProperty<BigDecimal> days = new SimpleObjectProperty<>(
                vm.daysPerMonthProperty().get() == null ? null : BigDecimal.valueOf(vm.daysPerMonthProperty().get()));
        vm.daysPerMonthProperty().addListener((o, old, v) -> days.set(v == null ? null : BigDecimal.valueOf(v)));
        days.addListener((o, old, v) -> vm.daysPerMonthProperty().set(v.intValueExact()));
        DecimalField f = new DecimalField(days, v -> {
            try {
                int d = v.intValueExact();
                return d >= 1 && d <= 31 ? null : "days per month must be 1 to 31";
            } catch (ArithmeticException e) {
                return "a whole number of days";
            }
        });
        f.setId("daysField");
        return f;
    }

    private Region modelBox() {
        ComboBox<ModelPrice> box = new ComboBox<>(FXCollections.observableArrayList(vm.availableModels()));
        box.setId("modelBox");
        box.valueProperty().bindBidirectional(vm.modelProperty());
        box.setCellFactory(l -> new ModelCell());
        box.setButtonCell(new ModelCell());
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    private static final class ModelCell extends ListCell<ModelPrice> {
        @Override
        protected void updateItem(ModelPrice m, boolean empty) {
            super.updateItem(m, empty);
            setText(empty || m == null ? null : m.displayName());
        }
    }

    private static DecimalField field(String id, javafx.beans.property.ObjectProperty<BigDecimal> p) {
        DecimalField f = new DecimalField(p);
        f.setId(id);
        return f;
    }

    private static Slider slider(String id, double min, double max, double value, double block) {
        Slider s = new Slider(min, max, value);
        s.setId(id);
        s.setBlockIncrement(block);
        s.setShowTickMarks(true);
        s.setMajorTickUnit((max - min) / 4);
        return s;
    }

    private static HBox leverRow(String text, Label value) {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        value.getStyleClass().add("lever-value");
        HBox row = new HBox(label(text), spacer, value);
        row.setAlignment(Pos.BASELINE_LEFT);
        return row;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("field-label");
        return l;
    }

    private static Label section(String text) {
        Label l = new Label(text.toUpperCase(Locale.ROOT));
        l.getStyleClass().add("section-title");
        return l;
    }

    private static Label hint(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("hint");
        l.setWrapText(true);
        return l;
    }
}

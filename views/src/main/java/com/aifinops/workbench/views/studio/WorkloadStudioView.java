package com.aifinops.workbench.views.studio;

import com.aifinops.workbench.model.Usd;
import com.aifinops.workbench.model.price.ModelPrice;
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

    public WorkloadStudioView(WorkloadStudioViewModel vm) {
        this.vm = vm;
        getStyleClass().add("studio");
        setLeft(createInputs());
        setCenter(createResults());
        vm.resultProperty().addListener((o, old, r) -> show(r));
        if (vm.resultProperty().get() != null) {
            show(vm.resultProperty().get());
        }
    }

    public CostCurveChart chart() {
        return chart;
    }

    private Region createInputs() {
        GridPane form = new GridPane();
        form.getStyleClass().add("form");
        form.setHgap(10);
        form.setVgap(8);
        form.getColumnConstraints().addAll(new ColumnConstraints(), new ColumnConstraints(175));
        int row = 0;
        TextField nameField = new TextField();
        nameField.textProperty().bindBidirectional(vm.nameProperty());
        form.addRow(row++, label("Workload"), nameField);
        form.addRow(row++, label("Monthly active users"), field("usersField", vm.usersProperty()));
        form.addRow(row++, label("Requests / user / day"), field("requestsField", vm.requestsPerUserPerDayProperty()));
        form.addRow(row++, label("Input tokens / request"), field("inputField", vm.inputTokensProperty()));
        form.addRow(row++, label("Output tokens / request"), field("outputField", vm.outputTokensProperty()));
        form.addRow(row++, label("Days / month"), daysField());
        form.addRow(row++, label("Model"), modelBox());

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

        VBox levers = new VBox(6,
                section("Levers"),
                leverRow("Cache hit rate", cacheValue), cache,
                hint("Share of input tokens read from the prompt cache."),
                leverRow("Overhead", ovrValue), ovr,
                hint("Retries, evals, observability and agent loops."));
        VBox left = new VBox(14, section("Workload"), form, levers);
        left.getStyleClass().add("side-panel");
        left.setPadding(new Insets(16));
        left.setPrefWidth(380);
        left.setMinWidth(380);
        return left;
    }

    private Region createResults() {
        monthly.setId("monthlyCost");
        monthly.getStyleClass().add("headline-figure");
        headline.getStyleClass().add("headline-caption");
        detail.setId("costDetail");
        detail.getStyleClass().add("caption");
        VBox card = new VBox(2, headline, monthly, detail);
        card.getStyleClass().add("card");

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

        VBox.setVgrow(chart.node(), Priority.ALWAYS);
        chart.node().setMinHeight(220);
        VBox right = new VBox(14, card, table, chart.node());
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
        table.getItems().setAll(r.rows()); // reuses the rows' cells: no rebuild per slider step
        chart.show(r);
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

package com.aifinops.workbench.views.decision;

import com.aifinops.workbench.model.Usd;
import com.aifinops.workbench.pricing.decision.CommitmentPlan;
import com.aifinops.workbench.pricing.decision.NegotiationBrief;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.data.category.DefaultCategoryDataset;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * One screen to take into a meeting with a provider: volume and spend by model now and over 12 months, list against
 * contracted, what the same volume costs elsewhere and the discount off list that matches each, the commitment
 * the forecast supports at P90, and the talking points that follow. Binds to {@link NegotiationViewModel}.
 */
public final class NegotiationView extends BorderPane {
    private final NegotiationViewModel vm;
    private final ComboBox<String> provider = new ComboBox<>();
    private final HBox cards = new HBox(10);
    private final TableView<NegotiationBrief.ModelLine> models = DecisionUi.table("modelVolumeTable", 3);
    private final TableView<NegotiationBrief.Alternative> alternatives = DecisionUi.table("matchTable", 3);
    private final VBox points = new VBox(6);
    private final Label problem = new Label();
    private final DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    private final JFreeChart chart;
    private final ChartViewer viewer;
    private final Button exportExcel = new Button("Export to Excel…");
    private final Button exportPdf = new Button("Export to PDF…");
    private BiConsumer<ExportFormat, String> onExport;

    /** What the screen's export buttons ask the application to write. */
    public enum ExportFormat { XLSX, PDF }

    public NegotiationView(NegotiationViewModel vm) {
        this.vm = vm;
        getStyleClass().add("decision-screen");
        chart = NegotiationChart.create(dataset);
        viewer = Charts.viewer(chart, "alternativesChart");
        setCenter(createContent());
        vm.resultProperty().addListener((o, old, s) -> show(s));
        vm.problemProperty().addListener((o, old, p) -> showProblem(p));
        parentProperty().addListener((o, old, p) -> {
            if (p != null) {
                vm.refresh();
            }
        });
        showProblem(vm.problemProperty().get());
        show(vm.resultProperty().get());
    }

    private Region createContent() {
        provider.setId("negotiationProvider");
        provider.getItems().setAll(vm.providers());
        provider.valueProperty().bindBidirectional(vm.providerProperty());
        Label title = new Label("Negotiation brief");
        title.getStyleClass().add("screen-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        exportExcel.setId("negotiationExportExcel");
        exportPdf.setId("negotiationExportPdf");
        exportExcel.setOnAction(e -> export(ExportFormat.XLSX));
        exportPdf.setOnAction(e -> export(ExportFormat.PDF));
        showExportButtons();
        HBox head = new HBox(10, title, spacer, new Label("Provider"), provider, exportExcel, exportPdf);
        head.setAlignment(Pos.CENTER_LEFT);
        problem.getStyleClass().add("problem");

        models.getColumns().add(DecisionUi.column("Model", NegotiationBrief.ModelLine::displayName, 180, false));
        models.getColumns().add(DecisionUi.column("Tokens / month", l -> Figures.tokens(l.monthlyTokens().doubleValue()), 110, true));
        models.getColumns().add(DecisionUi.column("List / month", l -> Usd.format(l.monthlyList()), 130, true));
        models.getColumns().add(DecisionUi.column("Contracted / month", l -> Usd.format(l.monthlyContracted()), 140, true));
        models.getColumns().add(DecisionUi.column("12-month forecast (list)", l -> Usd.format(l.forecastAnnualList()), 170, true));

        alternatives.getColumns().add(DecisionUi.column("Alternative", NegotiationBrief.Alternative::kind, 170, false));
        alternatives.getColumns().add(DecisionUi.column("What", NegotiationBrief.Alternative::label, 280, false));
        alternatives.getColumns().add(DecisionUi.column("12 months", a -> Usd.format(a.annualCost()), 130, true));
        alternatives.getColumns().add(DecisionUi.column("Discount to match", a -> Figures.pct(a.discountToMatch()), 130, true));

        viewer.setMinHeight(240);
        viewer.setPrefHeight(260);
        viewer.setMinWidth(0);
        StackPane chartCard = new StackPane(viewer);
        chartCard.getStyleClass().add("chart-card");
        VBox pointsCard = new VBox(8, DecisionUi.section("Talking points"), points);
        pointsCard.getStyleClass().addAll("card", "highlight-card");
        pointsCard.setPrefWidth(380);
        pointsCard.setMinWidth(300);
        HBox.setHgrow(chartCard, Priority.ALWAYS);
        HBox row = new HBox(12, chartCard, pointsCard);

        VBox content = new VBox(14, head, problem, cards,
                DecisionUi.section("Volume and spend by model"), models,
                DecisionUi.section("Alternatives at the same volume"), alternatives, row);
        content.setPadding(new Insets(16));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("decision-scroll");
        return scroll;
    }

    /**
     * Shows the Export buttons; {@code handler} gets the format and the provider on screen (the application owns
     * the file chooser and the files). Without a handler the buttons are hidden.
     */
    public void setOnExport(BiConsumer<ExportFormat, String> handler) {
        this.onExport = handler;
        showExportButtons();
    }

    private void showExportButtons() {
        for (Button b : List.of(exportExcel, exportPdf)) {
            b.setVisible(onExport != null);
            b.setManaged(onExport != null);
            b.setDisable(vm.resultProperty().get() == null);
        }
    }

    private void export(ExportFormat format) {
        NegotiationViewModel.Screen s = vm.resultProperty().get();
        if (onExport != null && s != null) {
            onExport.accept(format, s.brief().provider());
        }
    }

    private void showProblem(String p) {
        problem.setText(p == null ? "" : p);
        problem.setVisible(p != null);
        problem.setManaged(p != null);
    }

    private static void card(HBox into, String id, String caption, String figure, String detail) {
        DecisionUi.Card c = DecisionUi.card(id, caption);
        c.figure().setText(figure);
        c.detail().setText(detail);
        into.getChildren().add(c.box());
    }

    private void show(NegotiationViewModel.Screen s) {
        showExportButtons();
        if (s == null) {
            return;
        }
        if (!provider.getItems().equals(vm.providers())) {
            provider.getItems().setAll(vm.providers());
        }
        NegotiationBrief.Brief b = s.brief();
        cards.getChildren().clear();
        card(cards, "monthlyTokens", "Volume now", Figures.tokens(b.monthlyTokens().doubleValue()) + " tok",
                "a month, on " + b.lines().size() + (b.lines().size() == 1 ? " model" : " models"));
        card(cards, "monthlyList", "Spend now (list)", Figures.usdShort(b.monthlyList().doubleValue()), "a month");
        card(cards, "contracted", "Contracted", Figures.usdShort(b.monthlyContracted().doubleValue()),
                Figures.pct(b.contractedDiscount()) + " off list");
        card(cards, "forecastList", "Next 12 months", Figures.usdShort(b.forecastAnnualList().doubleValue()),
                "list; " + Figures.usdShort(b.forecastAnnualContracted().doubleValue()) + " contracted");
        card(cards, "forecastRange", "Contracted, P90", Figures.usdShort(b.p90AnnualContracted()),
                "P50 " + Figures.usdShort(b.p50AnnualContracted()) + " (Monte Carlo, 12 months)");
        card(cards, "safeCommitP90", "Safe commitment (P90)", Figures.usdShort(b.safeCommitP90()),
                "reached in 90 % of futures");
        models.getItems().setAll(b.lines());
        models.setPrefHeight(26 * b.lines().size() + 34);
        alternatives.getItems().setAll(b.alternatives());
        alternatives.setPrefHeight(26 * Math.max(1, b.alternatives().size()) + 34);

        chart.setNotify(false);
        try {
            NegotiationChart.fill(dataset, b);
        } finally {
            chart.setNotify(true);
        }
        showPoints(b, s.commitment());
    }

    private void showPoints(NegotiationBrief.Brief b, CommitmentPlan.Result c) {
        List<String> out = NegotiationViewModel.talkingPoints(b, c);
        points.getChildren().clear();
        int i = 0;
        for (String p : out) {
            Label l = new Label("• " + p);
            l.setWrapText(true);
            l.setId("point" + i++);
            points.getChildren().add(l);
        }
    }
}

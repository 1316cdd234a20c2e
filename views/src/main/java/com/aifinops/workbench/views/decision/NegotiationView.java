package com.aifinops.workbench.views.decision;

import com.aifinops.workbench.model.Usd;
import com.aifinops.workbench.pricing.decision.CommitmentPlan;
import com.aifinops.workbench.pricing.decision.NegotiationBrief;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
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
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.Color;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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

    public NegotiationView(NegotiationViewModel vm) {
        this.vm = vm;
        getStyleClass().add("decision-screen");
        NumberAxis y = new NumberAxis("12-month cost at the same volume");
        y.setNumberFormatOverride(new Figures.DollarAxisFormat());
        BarRenderer r = new BarRenderer() {
            private static final Paint[] COLOURS = {new Color(0x5b6675), new Color(0x0072B2), new Color(0xD55E00),
                    new Color(0x009E73), new Color(0xCC79A7), new Color(0xE69F00)};

            @Override
            public Paint getItemPaint(int row, int column) {
                return COLOURS[Math.min(column, COLOURS.length - 1)];
            }
        };
        CategoryPlot plot = new CategoryPlot(dataset, new CategoryAxis(null), y, r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        Charts.styleCategory(chart);
        r.setMaximumBarWidth(0.14);
        y.setUpperMargin(0.16); // room for the value label of the longest bar
        r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new Figures.DollarAxisFormat()));
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultPositiveItemLabelPosition(new org.jfree.chart.labels.ItemLabelPosition(
                org.jfree.chart.labels.ItemLabelAnchor.OUTSIDE3, org.jfree.chart.ui.TextAnchor.CENTER_LEFT));
        r.setItemLabelAnchorOffset(6);
        r.setDefaultItemLabelFont(com.aifinops.workbench.views.common.ChartStyle.TICK);
        Charts.title(chart, "The same 12 months, priced five ways");
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
        HBox head = new HBox(10, title, spacer, new Label("Provider"), provider);
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
            dataset.clear();
            dataset.addValue(b.forecastAnnualList().doubleValue(), "cost", b.provider() + " at list");
            dataset.addValue(b.forecastAnnualContracted().doubleValue(), "cost", b.provider() + " contracted");
            for (NegotiationBrief.Alternative a : b.alternatives()) {
                dataset.addValue(a.annualCost().doubleValue(), "cost", a.kind());
            }
        } finally {
            chart.setNotify(true);
        }
        showPoints(b, s.commitment());
    }

    private void showPoints(NegotiationBrief.Brief b, CommitmentPlan.Result c) {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "Our next 12 months on %s: %s at list, %s at today's %s discount.", b.provider(),
                Figures.usdShort(b.forecastAnnualList().doubleValue()), Figures.usdShort(b.forecastAnnualContracted().doubleValue()),
                Figures.pct(b.contractedDiscount())));
        b.alternatives().stream().max(java.util.Comparator.comparing(NegotiationBrief.Alternative::discountToMatch)).ifPresent(a ->
                out.add(String.format(Locale.ROOT, "Strongest alternative: %s (%s) at %s; matching it takes %s off list.",
                        a.kind().toLowerCase(Locale.ROOT), a.label(), Figures.usdShort(a.annualCost().doubleValue()),
                        Figures.pct(a.discountToMatch()))));
        b.alternatives().stream().min(java.util.Comparator.comparing(NegotiationBrief.Alternative::discountToMatch)).ifPresent(a ->
                out.add(String.format(Locale.ROOT, "Floor: even the weakest alternative (%s) needs %s off list to match.",
                        a.kind().toLowerCase(Locale.ROOT), Figures.pct(a.discountToMatch()))));
        out.add(String.format(Locale.ROOT, "We can commit up to %s with 90 %% confidence (contracted P50 %s, P90 %s).",
                Figures.usdShort(b.safeCommitP90()), Figures.usdShort(b.p50AnnualContracted()), Figures.usdShort(b.p90AnnualContracted())));
        if (c != null) {
            boolean above = c.commitment().commitUsd().doubleValue() > b.safeCommitP90();
            out.add(String.format(Locale.ROOT, "The %s commitment on the table is %s the safe level: %s chance it is not used up.",
                    Figures.usdShort(c.commitment().commitUsd().doubleValue()), above ? "above" : "within",
                    Figures.pct(c.shortfallProbability())));
        }
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

package com.aifinops.workbench.views.decision;

import com.aifinops.workbench.model.decision.TcoInputs;
import com.aifinops.workbench.pricing.decision.Breakdown;
import com.aifinops.workbench.pricing.decision.Crossover;
import com.aifinops.workbench.pricing.decision.MultiYear;
import com.aifinops.workbench.pricing.decision.TcoModel;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Self-host vs API: the volume and the pair compared on the left; on the right the cost of each option at that
 * volume, the cost curves with the solved crossovers, where the money goes, what moves the crossover, every
 * crossover, and the multi-year cash view. Binds to {@link TcoViewModel}; formats, never computes.
 */
public final class TcoView extends BorderPane {
    private final TcoViewModel vm;
    private final TcoCurveChart curves = new TcoCurveChart();
    private final BreakdownChart breakdown = new BreakdownChart();
    private final TornadoChart tornado = new TornadoChart();
    private final HBox optionCards = new HBox(10);
    private final Label volumeFigure = new Label();
    private final Label volumeDetail = new Label();
    private final Label crossoverFigure = new Label();
    private final Label crossoverCaption = new Label();
    private final Label crossoverDetail = new Label();
    private final TableView<Crossover> crossoverTable = DecisionUi.table("crossoverTable", 6);
    private final TableView<BreakdownRow> breakdownTable = DecisionUi.table("breakdownTable", 12);
    private final TableView<MultiYear.Line> yearsTable = DecisionUi.table("multiYearTable", 5);
    private final Label yearsCaption = DecisionUi.caption("");
    private final Label problem = new Label();
    private final Label assumptions = DecisionUi.caption("");
    private Slider slider;
    private Runnable syncSlider = () -> { };

    /** One line of the breakdown table: a category of an option, or its total. */
    record BreakdownRow(String option, String category, String detail, String amount, boolean total) {
    }

    public TcoView(TcoViewModel vm) {
        this.vm = vm;
        getStyleClass().add("decision-screen");
        setLeft(createInputs());
        setCenter(createResults());
        vm.resultProperty().addListener((o, old, r) -> show(r));
        vm.problemProperty().addListener((o, old, p) -> showProblem(p));
        // the screen shows the workbook as it is now each time it is opened (the studio may have changed it)
        parentProperty().addListener((o, old, p) -> {
            if (p != null) {
                vm.refresh();
                syncSlider.run();
            }
        });
        showProblem(vm.problemProperty().get());
        if (vm.resultProperty().get() != null) {
            show(vm.resultProperty().get());
        }
    }

    public TcoCurveChart curveChart() {
        return curves;
    }

    TornadoChart tornadoChart() {
        return tornado;
    }

    private Region createInputs() {
        volumeFigure.setId("tcoVolume");
        volumeFigure.getStyleClass().add("kpi-figure");
        volumeDetail.getStyleClass().add("caption");
        volumeDetail.setWrapText(true);
        slider = new Slider();
        slider.setId("volumeSlider");
        syncSlider = DecisionUi.link(slider, vm.volumeLog10Property(), vm::sliderMin, vm::sliderMax);
        slider.setBlockIncrement(0.05);
        Button reset = new Button("Workbook volume");
        reset.setId("resetVolume");
        reset.setOnAction(e -> vm.resetVolume());

        ComboBox<String> api = new ComboBox<>(FXCollections.observableArrayList(vm.apiNames()));
        api.setId("apiChoice");
        api.valueProperty().bindBidirectional(vm.apiOptionProperty());
        api.setMaxWidth(Double.MAX_VALUE);
        ComboBox<String> hosted = new ComboBox<>(FXCollections.observableArrayList(vm.hostedNames()));
        hosted.setId("hostedChoice");
        hosted.valueProperty().bindBidirectional(vm.hostedOptionProperty());
        hosted.setMaxWidth(Double.MAX_VALUE);
        vm.resultProperty().addListener((o, old, r) -> {
            if (!api.getItems().equals(vm.apiNames())) {
                api.getItems().setAll(vm.apiNames());
            }
            if (!hosted.getItems().equals(vm.hostedNames())) {
                hosted.getItems().setAll(vm.hostedNames());
            }
        });

        crossoverCaption.getStyleClass().add("kpi-caption");
        crossoverCaption.setWrapText(true);
        crossoverFigure.setId("crossoverVolume");
        crossoverFigure.getStyleClass().add("kpi-figure");
        crossoverDetail.getStyleClass().add("caption");
        crossoverDetail.setWrapText(true);
        VBox crossoverCard = new VBox(3, crossoverCaption, crossoverFigure, crossoverDetail);
        crossoverCard.getStyleClass().addAll("card", "highlight-card");

        VBox left = new VBox(10,
                DecisionUi.section("Annual volume"), volumeFigure, volumeDetail, slider, reset,
                DecisionUi.section("Compare"), new Label("Pay-as-you-go API"), api, new Label("Self-hosted option"), hosted,
                DecisionUi.section("Crossover"), crossoverCard,
                DecisionUi.section("Assumptions"), assumptions, yearsCaption);
        left.getStyleClass().add("side-panel");
        left.setPadding(new Insets(16));
        left.setPrefWidth(300);
        left.setMinWidth(280);
        return left;
    }

    private Region createResults() {
        optionCards.setId("optionCards");
        curves.node().setMinHeight(340);
        curves.node().setPrefHeight(380);
        breakdown.node().setMinHeight(280);
        breakdown.node().setPrefHeight(300);
        tornado.node().setMinHeight(280);
        tornado.node().setPrefHeight(300);
        HBox charts = new HBox(12, wrap(breakdown.node()), wrap(tornado.node()));
        charts.getChildren().forEach(n -> HBox.setHgrow(n, Priority.ALWAYS));

        crossoverTable.getColumns().add(DecisionUi.column("Becomes no dearer", c -> c.challenger(), 230, false));
        crossoverTable.getColumns().add(DecisionUi.column("than", c -> c.incumbent(), 180, false));
        crossoverTable.getColumns().add(DecisionUi.column("from (tokens / year)", c -> c.found() ? Figures.exact(c.volume()) : "never", 140, true));
        crossoverTable.getColumns().add(DecisionUi.column("≈", c -> c.found() ? Figures.tokens(c.volume()) : "", 80, true));
        crossoverTable.getColumns().add(DecisionUi.column("for good from", c -> !c.found() ? "" : c.sustainedFrom() > c.volume()
                ? Figures.exact(c.sustainedFrom()) : "same", 140, true));

        breakdownTable.getColumns().add(DecisionUi.column("Option", BreakdownRow::option, 200, false));
        breakdownTable.getColumns().add(DecisionUi.column("Category", BreakdownRow::category, 160, false));
        breakdownTable.getColumns().add(DecisionUi.column("Annual", BreakdownRow::amount, 120, true));
        breakdownTable.getColumns().add(DecisionUi.column("How", BreakdownRow::detail, 260, false));
        breakdownTable.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(BreakdownRow r, boolean empty) {
                super.updateItem(r, empty);
                getStyleClass().remove("total-row");
                if (!empty && r != null && r.total()) {
                    getStyleClass().add("total-row");
                }
            }
        });

        VBox.setVgrow(curves.node(), Priority.ALWAYS);
        problem.getStyleClass().add("problem");
        problem.setWrapText(true);
        VBox right = new VBox(14, problem, optionCards, wrap(curves.node()), charts,
                DecisionUi.section("Crossovers, solved exactly"), crossoverTable,
                DecisionUi.section("Multi-year, cash, cumulative"), yearsTable,
                DecisionUi.section("Breakdown at the chosen volume"), breakdownTable);
        right.setPadding(new Insets(16));
        ScrollPane scroll = new ScrollPane(right);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("decision-scroll");
        return scroll;
    }

    private static StackPane wrap(Region chart) {
        chart.setMinWidth(0);
        StackPane p = new StackPane(chart);
        p.setMinWidth(0);
        p.getStyleClass().add("chart-card");
        HBox.setHgrow(p, Priority.ALWAYS);
        return p;
    }

    private void showProblem(String p) {
        problem.setText(p == null ? "" : p);
        problem.setVisible(p != null);
        problem.setManaged(p != null);
    }

    private void show(TcoScreen s) {
        if (s == null) {
            return;
        }
        syncSlider.run();
        TcoModel m = s.model();
        volumeFigure.setText(Figures.tokens(s.volume()) + " tokens");
        TcoInputs in = m.inputs();
        volumeDetail.setText(String.format(Locale.ROOT, "%s tokens a year%s. Drag to see other volumes (÷100 … ×100).",
                Figures.exact(s.volume()), s.volume() == m.annualTokens() ? ", the workbook's own volume"
                        : "; the workbook's is " + Figures.tokens(m.annualTokens())));
        showCards(s);
        Crossover x = s.selected();
        if (x == null) {
            crossoverCaption.setText("Pick an API and a self-hosted option.");
            crossoverFigure.setText("—");
            crossoverDetail.setText("");
        } else {
            crossoverCaption.setText(x.challenger() + " costs no more than " + x.incumbent() + " from");
            if (x.found()) {
                crossoverFigure.setText(Figures.exact(x.volume()));
                String vsToday = String.format(Locale.ROOT, "%.0f %% of the workbook's volume", 100.0 * x.volume() / m.annualTokens());
                crossoverDetail.setText("tokens a year (" + Figures.tokens(x.volume()) + ", " + vsToday + ")"
                        + (x.sustainedFrom() > x.volume() ? "; it falls behind again when the next GPUs are bought and"
                        + " stays ahead from " + Figures.exact(x.sustainedFrom()) : ""));
            } else {
                crossoverFigure.setText("never");
                crossoverDetail.setText("up to " + Figures.tokens(x.searchedTo()) + " tokens a year: each GPU step costs "
                        + "more than the API tokens it serves");
            }
        }
        curves.show(s, vm.apiOptionProperty().get());
        breakdown.show(s);
        tornado.show(s.tornado());
        crossoverTable.getItems().setAll(s.crossovers());
        crossoverTable.setPrefHeight(26 * s.crossovers().size() + 34);
        assumptions.setText(assumptionsText(m));
        List<BreakdownRow> rows = new ArrayList<>();
        for (TcoModel.Costed c : s.costs()) {
            for (Breakdown.Line l : c.breakdown().lines()) {
                rows.add(new BreakdownRow(c.option().name(), l.category(), l.detail(), Figures.usd(l.cents()), false));
            }
            rows.add(new BreakdownRow(c.option().name(), "Total", Figures.perMTok(c.perMTok()), Figures.usd(c.breakdown().totalCents()), true));
        }
        breakdownTable.getItems().setAll(rows);
        breakdownTable.setPrefHeight(26 * rows.size() + 34);
        showYears(s.projection(), in);
    }

    private static String assumptionsText(TcoModel m) {
        StringBuilder b = new StringBuilder();
        for (var o : m.options()) {
            if (o instanceof com.aifinops.workbench.pricing.decision.TcoOption.Neocloud n) {
                var c = n.input().capacity();
                b.append(String.format(Locale.ROOT, "%s: %s at $%s per GPU-hour (%s), %s tokens/GPU-s, %s utilisation, %s headroom, "
                                + "%d GPUs a step, %s FTE.%n", TcoCurveChart.shortName(o.name()), c.openModel(), n.input().gpuHourUsd().toPlainString(),
                        n.input().term(), c.tokensPerGpuSecond().toPlainString(), Figures.pct(c.utilisation()), Figures.pct(c.headroom()),
                        c.gpusPerStep(), n.input().staffFte().stripTrailingZeros().toPlainString()));
            } else if (o instanceof com.aifinops.workbench.pricing.decision.TcoOption.Factory f) {
                var c = f.input().capacity();
                b.append(String.format(Locale.ROOT, "%s: %s, $%,.0f a node over %d years, %s kW × PUE %s at $%s/kWh, %s tokens/GPU-s, "
                                + "%s utilisation, %d GPUs a node, %s FTE.%n", TcoCurveChart.shortName(o.name()), c.openModel(),
                        f.input().capexPerNodeUsd(), f.input().amortisationYears(), f.input().powerKwPerNode().toPlainString(),
                        f.input().pue().toPlainString(), f.input().electricityUsdPerKwh().toPlainString(),
                        c.tokensPerGpuSecond().toPlainString(), Figures.pct(c.utilisation()), c.gpusPerStep(),
                        f.input().staffFte().stripTrailingZeros().toPlainString()));
            }
        }
        return b.toString().trim();
    }

    private void showCards(TcoScreen s) {
        optionCards.getChildren().clear();
        TcoModel.Costed cheapest = s.costs().stream().min(java.util.Comparator.comparing(TcoModel.Costed::total)).orElse(null);
        int i = 0;
        for (TcoModel.Costed c : s.costs()) {
            DecisionUi.Card card = DecisionUi.card("optionCost" + i++, c.option().name());
            card.figure().setText(Figures.usdShort(c.total().doubleValue()));
            card.detail().setText(Figures.perMTok(c.perMTok()) + (c.gpus() > 0 ? " · " + c.gpus() + " GPUs" : " · pay-as-you-go"));
            if (c == cheapest) {
                card.box().getStyleClass().add("best-card");
            }
            optionCards.getChildren().add(card.box());
        }
    }

    private void showYears(MultiYear.Projection p, TcoInputs in) {
        yearsTable.getColumns().clear();
        yearsTable.getColumns().add(DecisionUi.column("Option", MultiYear.Line::option, 220, false));
        for (int y = 0; y < p.volumes().size(); y++) {
            int year = y;
            TableColumn<MultiYear.Line, String> c = DecisionUi.column("Year " + (y + 1) + "\n" + Figures.tokens(p.volumes().get(y)),
                    l -> Figures.usdShort(l.cumulative().get(year).doubleValue()), 90, true);
            yearsTable.getColumns().add(c);
        }
        yearsTable.getColumns().add(DecisionUi.column("Saves vs\n" + TcoCurveChart.shortName(p.baseline()),
                l -> Figures.usdShort(l.savings().get(l.savings().size() - 1).doubleValue()), 100, true));
        yearsTable.getColumns().add(DecisionUi.column("Payback", l -> l.paybackYear() > 0 ? "year " + l.paybackYear() : "—", 80, true));
        yearsTable.getItems().setAll(p.lines());
        yearsTable.setPrefHeight(26 * p.lines().size() + 52); // two-line headers
        yearsCaption.setText(String.format(Locale.ROOT, "Multi-year view: volume %s a year, API prices %s and GPU prices %s a year; "
                        + "owned nodes paid when bought and replaced after their amortisation.",
                (in.volumeGrowth().signum() >= 0 ? "+" : "") + Figures.pct(in.volumeGrowth()),
                "−" + Figures.pct(in.apiPriceDecline()), "−" + Figures.pct(in.gpuPriceDecline())));
    }
}

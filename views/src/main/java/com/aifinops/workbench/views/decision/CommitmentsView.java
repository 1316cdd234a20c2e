package com.aifinops.workbench.views.decision;

import com.aifinops.workbench.model.Usd;
import com.aifinops.workbench.pricing.decision.CommitmentPlan;
import com.aifinops.workbench.pricing.decision.FineTunePayback;
import com.aifinops.workbench.pricing.decision.ProvisionedThroughput;
import com.aifinops.workbench.pricing.decision.SeatVsUsage;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Commitments and provisioned throughput for one provider: when reserved units beat pay-as-you-go and what a demand
 * profile makes of them; how a prepaid commitment burns down, with sliders for its level and discount; and seats and
 * fine-tuning against the API. Binds to {@link CommitmentsViewModel}.
 */
public final class CommitmentsView extends BorderPane {
    private final CommitmentsViewModel vm;
    private final ComboBox<String> provider = new ComboBox<>();
    private final CommitmentCharts.Profile profile = new CommitmentCharts.Profile();
    private final CommitmentCharts.Utilisation utilisation = new CommitmentCharts.Utilisation();
    private final CommitmentCharts.BurnDown burnDown = new CommitmentCharts.BurnDown();
    private final HBox ptuCards = new HBox(10);
    private final HBox commitCards = new HBox(10);
    private final Label ptuTitle = new Label();
    private final Label ptuNote = DecisionUi.caption("");
    private final Label commitTitle = new Label();
    private final Label commitNote = DecisionUi.caption("");
    private final Label commitLevel = new Label();
    private final Label discountLevel = new Label();
    private final Slider commitSlider = new Slider();
    private final Slider discountSlider = new Slider(0, 40, 0);
    private Runnable syncCommit = () -> { };
    private final VBox ptuBox = new VBox(10);
    private final VBox commitBox = new VBox(10);
    private final TableView<SeatVsUsage.Result> seats = DecisionUi.table("seatTable", 2);
    private final TableView<FineTunePayback.Result> tunes = DecisionUi.table("fineTuneTable", 2);

    public CommitmentsView(CommitmentsViewModel vm) {
        this.vm = vm;
        getStyleClass().add("decision-screen");
        setCenter(createContent());
        vm.resultProperty().addListener((o, old, r) -> show(r));
        parentProperty().addListener((o, old, p) -> {
            if (p != null) {
                vm.refresh();
            }
        });
        show(vm.resultProperty().get());
    }

    private Region createContent() {
        provider.setId("providerChoice");
        provider.getItems().setAll(vm.providers());
        provider.valueProperty().bindBidirectional(vm.providerProperty());
        Label title = new Label("Commitments & provisioned throughput");
        title.getStyleClass().add("screen-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(10, title, spacer, new Label("Provider"), provider);
        head.setAlignment(Pos.CENTER_LEFT);

        ptuTitle.getStyleClass().add("block-title");
        profile.viewer.setMinHeight(260);
        profile.viewer.setPrefHeight(280);
        utilisation.viewer.setMinHeight(260);
        utilisation.viewer.setPrefHeight(280);
        HBox ptuCharts = new HBox(12, wrap(profile.viewer, 3), wrap(utilisation.viewer, 2));
        ptuBox.getChildren().addAll(ptuTitle, ptuCards, ptuCharts, ptuNote);

        commitTitle.getStyleClass().add("block-title");
        commitSlider.setId("commitSlider");
        syncCommit = DecisionUi.link(commitSlider, vm.commitUsdProperty(), () -> 0, vm::commitSliderMax);
        discountSlider.setId("discountSlider");
        DecisionUi.link(discountSlider, vm.discountPercentProperty(), () -> 0, () -> 40);
        discountSlider.setMajorTickUnit(10);
        discountSlider.setShowTickMarks(true);
        commitLevel.getStyleClass().add("lever-value");
        discountLevel.getStyleClass().add("lever-value");
        commitLevel.setId("commitLevel");
        Button reset = new Button("Workbook terms");
        reset.setOnAction(e -> vm.resetSliders());
        VBox levers = new VBox(6, lever("Commitment (prepaid)", commitLevel), commitSlider,
                lever("Discount off list", discountLevel), discountSlider, reset);
        levers.setPrefWidth(260);
        levers.setMinWidth(240);
        levers.getStyleClass().add("card");
        burnDown.viewer.setMinHeight(260);
        burnDown.viewer.setPrefHeight(280);
        StackPane burn = wrap(burnDown.viewer, 1);
        HBox commitRow = new HBox(12, levers, burn);
        commitBox.getChildren().addAll(commitTitle, commitCards, commitRow, commitNote);

        seats.getColumns().add(DecisionUi.column("Seat plan", r -> r.plan().name(), 200, false));
        seats.getColumns().add(DecisionUi.column("Users", r -> String.format(Locale.ROOT, "%,.0f", r.users()), 80, true));
        seats.getColumns().add(DecisionUi.column("Seats / month", r -> Usd.format(r.seatTotalMonthly()), 120, true));
        seats.getColumns().add(DecisionUi.column("API / month", r -> Usd.format(r.apiMonthly()), 120, true));
        seats.getColumns().add(DecisionUi.column("Cheaper", r -> r.seatsCheaper() ? "seats" : "API", 80, false));
        seats.getColumns().add(DecisionUi.column("Seats pay from", r -> r.breakEvenRequestsPerUserPerDay() == null ? "never"
                : r.breakEvenRequestsPerUserPerDay().setScale(1, RoundingMode.HALF_UP).toPlainString() + " requests / user / day", 220, false));
        tunes.getColumns().add(DecisionUi.column("Fine-tune", r -> r.tune().name(), 240, false));
        tunes.getColumns().add(DecisionUi.column("Saves / call", r -> "$" + r.savingPerCall().setScale(6, RoundingMode.HALF_UP).toPlainString(), 110, true));
        tunes.getColumns().add(DecisionUi.column("Net / month", r -> Usd.format(r.netMonthlySaving()), 120, true));
        tunes.getColumns().add(DecisionUi.column("Break-even calls", r -> r.breakEvenCalls() == null ? "never"
                : String.format(Locale.ROOT, "%,.0f", r.breakEvenCalls().setScale(0, RoundingMode.CEILING)), 130, true));
        tunes.getColumns().add(DecisionUi.column("Payback", r -> r.paybackMonths() == null ? "never"
                : r.paybackMonths().setScale(1, RoundingMode.HALF_UP).toPlainString() + " months", 100, true));

        VBox content = new VBox(16, head, ptuBox, commitBox,
                DecisionUi.section("Seats against the API for the same users"), seats,
                DecisionUi.section("Fine-tuning: training and premium against tokens saved"), tunes);
        content.setPadding(new Insets(16));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("decision-scroll");
        return scroll;
    }

    private static HBox lever(String text, Label value) {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox row = new HBox(new Label(text), spacer, value);
        row.setAlignment(Pos.BASELINE_LEFT);
        return row;
    }

    private static StackPane wrap(Region chart, double grow) {
        chart.setMinWidth(0);
        StackPane p = new StackPane(chart);
        p.getStyleClass().add("chart-card");
        p.setMinWidth(0);
        p.setPrefWidth(300 * grow);
        HBox.setHgrow(p, Priority.ALWAYS);
        return p;
    }

    private static DecisionUi.Card kpi(HBox into, String id, String caption, String figure, String detail) {
        DecisionUi.Card c = DecisionUi.card(id, caption);
        c.figure().setText(figure);
        c.detail().setText(detail);
        into.getChildren().add(c.box());
        return c;
    }

    private void show(CommitmentsScreen s) {
        if (s == null) {
            ptuBox.setVisible(false);
            commitBox.setVisible(false);
            return;
        }
        if (!provider.getItems().equals(vm.providers())) {
            provider.getItems().setAll(vm.providers());
        }
        showProvisioned(s);
        showCommitment(s.commitment());
        seats.getItems().setAll(s.seats());
        seats.setPrefHeight(26 * Math.max(1, s.seats().size()) + 34);
        tunes.getItems().setAll(s.fineTunes());
        tunes.setPrefHeight(26 * Math.max(1, s.fineTunes().size()) + 34);
    }

    private void showProvisioned(CommitmentsScreen s) {
        boolean any = !s.provisioned().isEmpty();
        ptuBox.setVisible(any);
        ptuBox.setManaged(any);
        if (!any) {
            return;
        }
        CommitmentsScreen.Provisioned p = s.provisioned().get(0);
        ProvisionedThroughput.Result r = p.result();
        ptuTitle.setText(r.option().name() + " · " + r.option().units() + " units at $" + r.option().unitPriceUsd().toPlainString()
                + " per unit-" + r.option().billing() + " · " + Figures.tokens(r.option().tokensPerMinutePerUnit().doubleValue()) + " TPM each");
        ptuCards.getChildren().clear();
        kpi(ptuCards, "breakEvenUtilisation", "Break-even utilisation", Figures.pct(r.breakEvenUtilisation()),
                Figures.perMTok(r.perMTokAtFull()) + " when full vs " + Figures.perMTok(r.paygPerMTok()) + " PAYG");
        DecisionUi.Card u = kpi(ptuCards, "ptuUtilisation", "Utilisation with this profile", Figures.pct(r.utilisation()),
                r.utilisation().compareTo(r.breakEvenUtilisation()) >= 0 ? "above break-even" : "below break-even");
        u.figure().getStyleClass().add(r.utilisation().compareTo(r.breakEvenUtilisation()) >= 0 ? "good-text" : "warning-text");
        kpi(ptuCards, "ptuWithSpill", "Month with spill-over", Figures.usdShort(r.withSpill().doubleValue()),
                "peaks beyond " + r.option().units() + " units at PAYG");
        kpi(ptuCards, "ptuPeak", "Sized for the peak", Figures.usdShort(r.peakSizedCost().doubleValue()),
                r.unitsForPeak() + " units, no spill-over");
        kpi(ptuCards, "ptuPayg", "All pay-as-you-go", Figures.usdShort(r.paygCost().doubleValue()), "no units");
        DecisionUi.Card best = kpi(ptuCards, "ptuBest", "Cheapest unit count", r.bestUnits() + " units",
                Figures.usdShort(r.bestCost().doubleValue()) + " a month with spill-over");
        best.box().getStyleClass().add("best-card");
        profile.show(p);
        utilisation.show(p);
        ptuNote.setText("Units are billed around the clock; each hour they serve up to their capacity and the rest of that "
                + "hour's demand spills over to pay-as-you-go at the workload's blended price. Without spill-over the units "
                + "must cover the busiest hour.");
    }

    private void showCommitment(CommitmentPlan.Result r) {
        boolean any = r != null;
        commitBox.setVisible(any);
        commitBox.setManaged(any);
        if (!any) {
            return;
        }
        syncCommit.run();
        commitLevel.setText(Figures.usdShort(r.commitment().commitUsd().doubleValue()));
        discountLevel.setText(Figures.pct(r.commitment().discount()));
        commitTitle.setText(r.commitment().name() + " · " + r.commitment().termMonths() + " months · overage "
                + (r.commitment().overageAtDiscount() ? "at the discount" : "at list"));
        commitCards.getChildren().clear();
        kpi(commitCards, "commitForecast", "Forecast list spend", Figures.usdShort(r.totalList().doubleValue()),
                "P50 " + Figures.usdShort(r.p50List()) + " · P90 " + Figures.usdShort(r.p90List()));
        kpi(commitCards, "commitCost", "Cost with the commitment", Figures.usdShort(r.costWithCommitment().doubleValue()),
                "saves " + Figures.usdShort(r.savings().doubleValue()) + " vs on-demand");
        DecisionUi.Card gap = r.shortfall().signum() > 0
                ? kpi(commitCards, "commitGap", "Shortfall (paid, unused)", Figures.usdShort(r.shortfall().doubleValue()), "at the forecast")
                : kpi(commitCards, "commitGap", "Overage", Figures.usdShort(r.overageBilled().doubleValue()), "beyond the prepaid amount");
        if (r.shortfall().signum() > 0) {
            gap.figure().getStyleClass().add("warning-text");
        }
        kpi(commitCards, "breakEvenDiscount", "Break-even discount", Double.isNaN(r.breakEvenDiscount()) ? "none"
                : Figures.pct(r.breakEvenDiscount()), "expected cost = on-demand, over the forecast's spread");
        DecisionUi.Card safe = kpi(commitCards, "safeCommit", "Safe at P90", Figures.usdShort(r.safeCommitP90()),
                Figures.pct(r.shortfallProbability()) + " chance of a shortfall at this level");
        if (r.commitment().commitUsd().compareTo(BigDecimal.valueOf(r.safeCommitP90())) > 0) {
            safe.figure().getStyleClass().add("warning-text");
        }
        burnDown.show(r);
        commitNote.setText(String.format(Locale.ROOT, "Forecast: %s a month of list spend on %s growing %s a month; "
                        + "uncertainty lognormal σ = %s (Monte Carlo, 20,000 futures). Safe at P90 = the discounted spend "
                        + "reached in 90 %% of futures.", Figures.usdShort(r.months().get(0).list().doubleValue()), r.commitment().provider(),
                Figures.pct(r.commitment().monthlyGrowth()), r.commitment().forecastSigma().toPlainString()));
    }
}

package com.aifinops.workbench.views.routing;

import com.aifinops.workbench.model.price.ModelPrice;
import com.aifinops.workbench.model.price.TokenPrices;
import com.aifinops.workbench.model.routing.NamedRoutingMix;
import com.aifinops.workbench.model.routing.RoutingMix;
import com.aifinops.workbench.model.workload.Workload;
import com.aifinops.workbench.pricing.catalog.PriceCatalog;
import com.aifinops.workbench.pricing.engine.WorkbookCosts;
import com.aifinops.workbench.pricing.routing.RoutingCalculator;
import com.aifinops.workbench.pricing.sanity.SanityChecks;
import com.aifinops.workbench.pricing.sanity.SanityWarning;
import com.aifinops.workbench.views.studio.StudioSession;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The routing mix of the selected workload: one share slider per model (moving one rescales the others so the
 * shares always sum to 100 %), the cascade escalation and the classifier cost. Every change prices the mix
 * exactly with {@link RoutingCalculator} and stores it in the workbook's {@code routingMixes}.
 */
public final class RoutingViewModel {
    /** One model of the mix: its share in percent (a slider) and what it is trusted with. */
    public static final class ShareRow {
        final String modelId;
        final String displayName;
        final DoubleProperty percent = new SimpleDoubleProperty();
        final StringProperty tier = new SimpleStringProperty();

        ShareRow(String modelId, String displayName, double percent, String tier) {
            this.modelId = modelId;
            this.displayName = displayName;
            this.percent.set(percent);
            this.tier.set(tier);
        }

        public String modelId() { return modelId; }
        public String displayName() { return displayName; }
        public DoubleProperty percentProperty() { return percent; }
        public StringProperty tierProperty() { return tier; }
    }

    /** The priced mix, and the sanity warnings on it. */
    public record Result(RoutingMix mix, RoutingCalculator.RoutingResult routing, List<SanityWarning> warnings) {
    }

    public static final String DEFAULT_NAME = "Routing";

    private final StudioSession session;
    private final ObservableList<ShareRow> rows = FXCollections.observableArrayList();
    private final DoubleProperty escalationPercent = new SimpleDoubleProperty();
    private final ObjectProperty<BigDecimal> routerCost = new SimpleObjectProperty<>(BigDecimal.ZERO);
    private final ReadOnlyObjectWrapper<Result> result = new ReadOnlyObjectWrapper<>();
    private String mixName = DEFAULT_NAME;
    private String loadedFor;
    private int loadedIndex = -1;
    private boolean adjusting;

    public RoutingViewModel(StudioSession session) {
        this.session = session;
        escalationPercent.addListener(o -> changed());
        routerCost.addListener(o -> changed());
        session.stateProperty().addListener((o, old, s) -> {
            Workload w = session.selectedWorkload();
            if (s.selected() != loadedIndex || !w.name().equals(loadedFor) || !storedMatches(w)) {
                reload();
            } else {
                price(false);
            }
        });
        reload();
    }

    private PriceCatalog catalog() {
        return WorkbookCosts.catalogFor(session.workbook(), session.editor().catalog());
    }

    /** True when the rows show what the workbook stores (an undo of a routing edit makes this false). */
    private boolean storedMatches(Workload w) {
        Optional<NamedRoutingMix> stored = session.routingFor(w);
        return stored.isEmpty() || stored.get().mix().equals(currentMix());
    }

    /** Loads the selected workload's stored mix, or a default: its own model for 20 %, the cheapest comparison model 80 %. */
    public void reload() {
        adjusting = true;
        try {
            Workload w = session.selectedWorkload();
            loadedFor = w.name();
            loadedIndex = session.selected();
            List<ShareRow> next = new ArrayList<>();
            Optional<NamedRoutingMix> stored = session.routingFor(w);
            PriceCatalog c = catalog();
            if (stored.isPresent()) {
                mixName = stored.get().name();
                RoutingMix m = stored.get().mix();
                for (RoutingMix.Share s : m.shares()) {
                    next.add(new ShareRow(s.modelId(), c.find(s.modelId()).map(ModelPrice::displayName).orElse(s.modelId()),
                            s.share().movePointRight(2).doubleValue(), s.qualityTier()));
                }
                escalationPercent.set(m.cascadeEscalation().movePointRight(2).doubleValue());
                routerCost.set(m.routerCostPerRequest());
            } else {
                mixName = DEFAULT_NAME;
                String own = w.modelId();
                Optional<ModelPrice> cheapest = session.workbook().compareModels().stream().map(c::find).flatMap(Optional::stream)
                        .filter(p -> !p.id().equals(own)).min(Comparator.comparing(p -> p.prices().outputPerMTok()));
                String ownName = c.find(own).map(ModelPrice::displayName).orElse(own);
                if (cheapest.isPresent()) {
                    next.add(new ShareRow(cheapest.get().id(), cheapest.get().displayName(), 80, "small"));
                    next.add(new ShareRow(own, ownName, 20, "frontier"));
                } else {
                    next.add(new ShareRow(own, ownName, 100, "frontier"));
                }
                escalationPercent.set(0);
                routerCost.set(BigDecimal.ZERO);
            }
            rows.setAll(next);
            for (ShareRow r : next) {
                r.percent.addListener((o, old, v) -> moved(r, old.doubleValue(), v.doubleValue()));
                r.tier.addListener(o -> changed());
            }
        } finally {
            adjusting = false;
        }
        price(false);
    }

    /** A slider moved: the other shares take up the difference in proportion to their sizes. */
    private void moved(ShareRow moved, double old, double v) {
        if (adjusting) {
            return;
        }
        adjusting = true;
        try {
            double others = 0;
            for (ShareRow r : rows) {
                if (r != moved) {
                    others += r.percent.get();
                }
            }
            double rest = 100 - v;
            int n = rows.size() - 1;
            for (ShareRow r : rows) {
                if (r != moved) {
                    r.percent.set(others > 0 ? rest * r.percent.get() / others : n > 0 ? rest / n : 0);
                }
            }
            if (n == 0) {
                moved.percent.set(100);
            }
        } finally {
            adjusting = false;
        }
        changed();
    }

    private void changed() {
        if (!adjusting) {
            price(true);
        }
    }

    /**
     * The mix the sliders show, in exact decimals: each share rounded to a hundredth of a percent, the largest
     * taking the rounding remainder so that they sum to exactly 1.
     */
    public RoutingMix currentMix() {
        List<BigDecimal> shares = new ArrayList<>();
        int largest = 0;
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < rows.size(); i++) {
            BigDecimal s = BigDecimal.valueOf(rows.get(i).percent.get()).setScale(2, RoundingMode.HALF_UP).movePointLeft(2);
            shares.add(s);
            sum = sum.add(s);
            if (rows.get(i).percent.get() > rows.get(largest).percent.get()) {
                largest = i;
            }
        }
        if (!rows.isEmpty()) {
            shares.set(largest, shares.get(largest).add(BigDecimal.ONE.subtract(sum)).max(BigDecimal.ZERO).min(BigDecimal.ONE));
        }
        List<RoutingMix.Share> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            out.add(new RoutingMix.Share(rows.get(i).modelId, shares.get(i), rows.get(i).tier.get()));
        }
        BigDecimal e = BigDecimal.valueOf(escalationPercent.get()).setScale(2, RoundingMode.HALF_UP).movePointLeft(2);
        return new RoutingMix(out, e.max(BigDecimal.ZERO).min(BigDecimal.ONE), routerCost.get());
    }

    private void price(boolean store) {
        if (rows.isEmpty()) {
            return;
        }
        RoutingMix mix = currentMix();
        Workload w = session.selectedWorkload();
        PriceCatalog c = catalog();
        Map<String, TokenPrices> prices = new LinkedHashMap<>();
        List<SanityWarning> warnings = new ArrayList<>();
        for (RoutingMix.Share s : mix.shares()) {
            c.find(s.modelId()).ifPresent(p -> prices.put(s.modelId(), p.prices()));
        }
        SanityChecks.routing(mixName, w, mix, c, warnings);
        RoutingCalculator.RoutingResult r = prices.size() == mix.shares().size() ? RoutingCalculator.price(w, mix, prices) : null;
        result.set(new Result(mix, r, List.copyOf(warnings)));
        if (store) {
            Optional<NamedRoutingMix> stored = session.routingFor(w);
            if (stored.isEmpty() || !stored.get().mix().equals(mix)) {
                session.setRoutingMix(new NamedRoutingMix(mixName, w.name(), mix));
            }
        }
    }

    /** Adds a model at 0 % (move its slider to give it requests). */
    public void addModel(ModelPrice m) {
        if (rows.stream().anyMatch(r -> r.modelId.equals(m.id()))) {
            return;
        }
        ShareRow r = new ShareRow(m.id(), m.displayName(), 0, "");
        r.percent.addListener((o, old, v) -> moved(r, old.doubleValue(), v.doubleValue()));
        r.tier.addListener(o -> changed());
        rows.add(r);
        changed();
    }

    /** Removes a model; its share goes to the others in proportion. */
    public void removeModel(ShareRow r) {
        if (rows.size() <= 1) {
            return;
        }
        double freed = r.percent.get();
        rows.remove(r);
        double total = rows.stream().mapToDouble(x -> x.percent.get()).sum();
        adjusting = true;
        try {
            for (ShareRow x : rows) {
                x.percent.set(total > 0 ? x.percent.get() + freed * x.percent.get() / total : 100.0 / rows.size());
            }
        } finally {
            adjusting = false;
        }
        changed();
    }

    public List<ModelPrice> availableModels() {
        return catalog().all();
    }

    public ObservableList<ShareRow> rows() { return rows; }
    public DoubleProperty escalationPercentProperty() { return escalationPercent; }
    public ObjectProperty<BigDecimal> routerCostProperty() { return routerCost; }
    public ReadOnlyObjectProperty<Result> resultProperty() { return result.getReadOnlyProperty(); }
}

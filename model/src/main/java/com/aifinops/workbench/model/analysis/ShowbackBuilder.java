package com.aifinops.workbench.model.analysis;

import com.aifinops.workbench.model.analysis.Showback.ClassLine;
import com.aifinops.workbench.model.analysis.Showback.Line;
import com.aifinops.workbench.model.analysis.Showback.Spend;
import com.aifinops.workbench.model.analysis.Showback.TokenClass;
import com.aifinops.workbench.model.ledger.DailyRollup;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Builds the {@link Showback} statement of one team and month from daily rollups: the month's rows and the previous
 * month's (rows of other teams and other months are skipped, so the whole ledger may be passed), the allocation
 * rules, and a {@link Pricer} for the token-class and contracted costs. The caller adds the month's ledger total
 * when it did not pass every row, the team's parts of shared costs, and outcome counts.
 */
public final class ShowbackBuilder {
    private static final Dimension TEAM = Dimension.of(Dimension.Kind.TEAM);
    private static final Dimension PROJECT = Dimension.of(Dimension.Kind.PROJECT);
    private static final Dimension MODEL = Dimension.of(Dimension.Kind.MODEL);
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    /**
     * The rates behind a priced rollup: each token class at the list rates of the catalogue row in force on its day,
     * and the rollup at the contracted rates.
     */
    public interface Pricer {
        /** @return the pricing of a priced row ({@code r.priced()}), or null when the catalogue has no row for it now */
        Priced price(DailyRollup r);
    }

    /**
     * @param list       list cost of each of {@link TokenClass#PRICED}, in that order
     * @param contracted the same at the contracted rates (equal to {@code list} when no term applies)
     * @param total      the whole row at the contracted rates, reckoned from the row's priced cost (equal to it
     *                   when no term applies); its difference to the sum of {@code contracted} is the adjustment
     */
    public record Priced(List<BigDecimal> list, List<BigDecimal> contracted, BigDecimal total) {
        public Priced {
            if (list.size() != TokenClass.PRICED.size() || contracted.size() != TokenClass.PRICED.size()) {
                throw new IllegalArgumentException("one cost per priced token class");
            }
            list = List.copyOf(list);
            contracted = List.copyOf(contracted);
            Objects.requireNonNull(total, "total");
        }
    }

    /** A count of outcomes for a node, with the harness costs entered for it that month. */
    public record Outcome(Node node, String outcome, long count, BigDecimal harness) {
    }

    private final String team;
    private final YearMonth month;
    private final AllocationRules rules;
    private final Pricer pricer;
    private final List<DailyRollup> current = new ArrayList<>();
    private final List<DailyRollup> previous = new ArrayList<>();
    private BigDecimal ledgerCost;
    private BigDecimal ledgerFromRows = BigDecimal.ZERO;
    private final List<Showback.SharedPart> shared = new ArrayList<>();
    private final List<Outcome> outcomes = new ArrayList<>();

    public ShowbackBuilder(String team, YearMonth month, AllocationRules rules, Pricer pricer) {
        this.team = Objects.requireNonNull(team, "team");
        this.month = Objects.requireNonNull(month, "month");
        this.rules = rules == null ? AllocationRules.NONE : rules;
        this.pricer = Objects.requireNonNull(pricer, "pricer");
    }

    /** Rows of the month and the month before, any team (others are skipped). */
    public ShowbackBuilder rows(Iterable<DailyRollup> rows) {
        YearMonth before = month.minusMonths(1);
        for (DailyRollup r : rows) {
            YearMonth m = YearMonth.from(r.day());
            if (m.equals(month)) {
                ledgerFromRows = ledgerFromRows.add(r.cost());
            }
            if (!m.equals(month) && !m.equals(before)) {
                continue;
            }
            if (!TEAM.valueOf(r, rules.apply(r.allocation())).equals(team)) {
                continue;
            }
            (m.equals(month) ? current : previous).add(r);
        }
        return this;
    }

    /** The whole ledger's spend of the month, when the rows passed are not all of it. */
    public ShowbackBuilder ledgerCost(BigDecimal cost) {
        this.ledgerCost = cost;
        return this;
    }

    /** The team's part of a shared cost of the month. */
    public ShowbackBuilder shared(String name, BigDecimal amount, String method, BigDecimal part) {
        shared.add(new Showback.SharedPart(name, amount, method, part));
        return this;
    }

    /** Outcomes counted that month for a node: kept when the node is the team or one of its projects. */
    public ShowbackBuilder outcome(Node node, String outcome, long count, BigDecimal harness) {
        outcomes.add(new Outcome(node, outcome, count, harness == null ? BigDecimal.ZERO : harness));
        return this;
    }

    public Showback build() {
        Map<String, Spend> byProject = new HashMap<>();
        Map<String, Spend> byModel = new HashMap<>();
        Spend total = Spend.ZERO;
        long[] classTokens = new long[TokenClass.PRICED.size()];
        BigDecimal[] classList = zeros();
        BigDecimal[] classContracted = zeros();
        BigDecimal adjustList = BigDecimal.ZERO;
        BigDecimal adjustContracted = BigDecimal.ZERO;
        boolean anyPriced = false;
        long unpricedTokens = 0;
        boolean anyUnpriced = false;
        BigDecimal unpricedBilled = null;
        for (DailyRollup r : current) {
            Priced p = r.priced() ? pricer.price(r) : null;
            Spend s = spendOf(r, p);
            var resolved = rules.apply(r.allocation());
            byProject.merge(PROJECT.valueOf(r, resolved), s, Spend::plus);
            byModel.merge(MODEL.valueOf(r, resolved), s, Spend::plus);
            total = total.plus(s);
            if (!r.priced()) {
                anyUnpriced = true;
                unpricedTokens += s.tokens();
                unpricedBilled = Showback.add(unpricedBilled, r.billedCost());
                continue;
            }
            anyPriced = true;
            long[] tokens = {r.uncachedInput(), r.cacheRead(), r.cacheWrite5m(), r.cacheWrite1h(), r.outputTokens()};
            BigDecimal sumList = BigDecimal.ZERO;
            BigDecimal sumContracted = BigDecimal.ZERO;
            for (int i = 0; i < tokens.length; i++) {
                classTokens[i] += tokens[i];
                if (p != null) {
                    classList[i] = classList[i].add(p.list().get(i));
                    classContracted[i] = classContracted[i].add(p.contracted().get(i));
                    sumList = sumList.add(p.list().get(i));
                    sumContracted = sumContracted.add(p.contracted().get(i));
                }
            }
            adjustList = adjustList.add(r.pricedCost().subtract(sumList));
            adjustContracted = adjustContracted.add(s.contracted().subtract(sumContracted));
        }
        Map<String, BigDecimal> prevByProject = new HashMap<>();
        Map<String, BigDecimal> prevByModel = new HashMap<>();
        BigDecimal previousCost = BigDecimal.ZERO;
        for (DailyRollup r : previous) {
            var resolved = rules.apply(r.allocation());
            prevByProject.merge(PROJECT.valueOf(r, resolved), r.cost(), BigDecimal::add);
            prevByModel.merge(MODEL.valueOf(r, resolved), r.cost(), BigDecimal::add);
            previousCost = previousCost.add(r.cost());
        }

        List<ClassLine> classes = new ArrayList<>();
        if (anyPriced) {
            for (int i = 0; i < classTokens.length; i++) {
                classes.add(new ClassLine(TokenClass.PRICED.get(i), classTokens[i], classList[i], classContracted[i], null));
            }
            if (adjustList.signum() != 0 || adjustContracted.signum() != 0) {
                classes.add(new ClassLine(TokenClass.ADJUSTMENT, 0, adjustList, adjustContracted, null));
            }
        }
        if (anyUnpriced) {
            classes.add(new ClassLine(TokenClass.UNPRICED, unpricedTokens, null, null, unpricedBilled));
        }

        List<Line> projects = lines(byProject, prevByProject);
        BigDecimal ledger = ledgerCost != null ? ledgerCost : ledgerFromRows;
        BigDecimal share = ledger.signum() == 0 ? null : total.cost().divide(ledger, Showback.MC);
        Showback.UnitCost unit = new Showback.UnitCost(
                total.requests() == 0 ? null : total.cost().divide(BigDecimal.valueOf(total.requests()), Showback.MC),
                total.tokens() == 0 ? null : total.cost().multiply(THOUSAND).divide(BigDecimal.valueOf(total.tokens()), Showback.MC));
        return new Showback(team, month, total, previousCost, Showback.Change.of(total.cost(), previousCost), ledger, share,
                projects, lines(byModel, prevByModel), classes, shared, unit, outcomeCosts(total, byProject));
    }

    private static Spend spendOf(DailyRollup r, Priced p) {
        BigDecimal contracted = !r.priced() ? null : p == null ? r.pricedCost() : p.total();
        boolean unpriced = r.billedCost() == null && r.pricedCost() == null;
        return new Spend(r.requests(), r.inputTokens() + r.outputTokens(), r.cost(), r.pricedCost(), contracted, r.billedCost(),
                unpriced ? r.requests() : 0);
    }

    private static List<Line> lines(Map<String, Spend> now, Map<String, BigDecimal> before) {
        TreeSet<String> keys = new TreeSet<>(now.keySet());
        keys.addAll(before.keySet());
        List<Line> out = new ArrayList<>();
        for (String k : keys) {
            Spend s = now.getOrDefault(k, Spend.ZERO);
            BigDecimal prev = before.getOrDefault(k, BigDecimal.ZERO);
            out.add(new Line(k, s, prev, Showback.Change.of(s.cost(), prev)));
        }
        out.sort(Comparator.comparing((Line l) -> l.spend().cost()).reversed().thenComparing(Line::key));
        return out;
    }

    private List<Showback.OutcomeCost> outcomeCosts(Spend total, Map<String, Spend> byProject) {
        List<Showback.OutcomeCost> out = new ArrayList<>();
        Map<String, Outcome> seen = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            seen.put(o.node() + "\u0000" + o.outcome(), o);
        }
        for (Outcome o : seen.values()) {
            BigDecimal cost;
            Dimension.Kind kind = o.node().dimension().kind();
            if (kind == Dimension.Kind.TEAM && o.node().value().equals(team)) {
                cost = total.cost();
            } else if (kind == Dimension.Kind.PROJECT && byProject.containsKey(o.node().value())) {
                cost = byProject.get(o.node().value()).cost();
            } else {
                continue; // another team's, or a project this team did not use this month
            }
            BigDecimal n = BigDecimal.valueOf(o.count());
            out.add(new Showback.OutcomeCost(o.node().toString(), o.outcome(), o.count(), cost, o.harness(),
                    o.count() == 0 ? null : cost.divide(n, Showback.MC),
                    o.count() == 0 ? null : cost.add(o.harness()).divide(n, Showback.MC)));
        }
        return out;
    }

    private static BigDecimal[] zeros() {
        BigDecimal[] a = new BigDecimal[TokenClass.PRICED.size()];
        java.util.Arrays.fill(a, BigDecimal.ZERO);
        return a;
    }
}

package com.aifinops.workbench.model.analysis;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * A showback / chargeback statement: one team's spend in one calendar month, for the monthly review. Built by
 * {@link ShowbackBuilder}; every amount is exact, and every part adds up: the project lines and the model lines
 * each sum to {@link #total()}, the token-class list costs to its list cost. {@link #roundedToCents()} gives the
 * same statement as it is printed, rounded so that the printed lines still add up to the printed totals.
 *
 * @param team         the team after the allocation rules ({@link Dimension#UNALLOCATED} for usage without one)
 * @param month        the calendar month
 * @param total        the team's spend that month
 * @param previousCost the team's spend the month before (as {@link Spend#cost()} counts it)
 * @param change       against the previous month
 * @param ledgerCost   the whole ledger's spend that month, every team together
 * @param share        total cost ÷ ledger cost, a fraction (null when the ledger spent nothing that month)
 * @param projects     by project, costliest first (projects of the previous month only are lines at zero)
 * @param models       by model (catalogue id, or the raw name when unpriced), costliest first
 * @param tokenClasses the five token classes of the priced usage, then {@link TokenClass#ADJUSTMENT} and
 *                     {@link TokenClass#UNPRICED} when not zero
 * @param shared       the team's parts of the month's shared costs
 * @param unit         cost per request and per 1K tokens
 * @param outcomes     cost per outcome, for the outcomes counted for the team or its projects that month
 */
public record Showback(String team, YearMonth month, Spend total, BigDecimal previousCost, Change change,
                       BigDecimal ledgerCost, BigDecimal share, List<Line> projects, List<Line> models,
                       List<ClassLine> tokenClasses, List<SharedPart> shared, UnitCost unit, List<OutcomeCost> outcomes) {
    static final MathContext MC = MathContext.DECIMAL128;

    public Showback {
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(month, "month");
        projects = List.copyOf(projects);
        models = List.copyOf(models);
        tokenClasses = List.copyOf(tokenClasses);
        shared = List.copyOf(shared);
        outcomes = List.copyOf(outcomes);
    }

    /** The team's parts of the shared costs together. */
    public BigDecimal sharedCost() {
        return shared.stream().map(SharedPart::part).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** What the team is charged: its usage plus its parts of the shared costs. */
    public BigDecimal totalWithShared() {
        return total.cost().add(sharedCost());
    }

    /**
     * Spend of a group of ledger rows.
     *
     * @param requests         request count
     * @param tokens           all tokens: input (uncached, cache reads and writes) and output
     * @param cost             the best known cost, as every report counts it: billed when the file states it, else
     *                         list-priced, else 0 ({@code unpricedRequests} says how many requests that is)
     * @param list             the catalogue's list price of the priced rows; null when no row is priced
     * @param contracted       the same usage at the contracted rates (list where no term applies); null when no row
     *                         is priced
     * @param billed           what the files state it cost; null when no row states it
     * @param unpricedRequests requests of rows that are neither priced nor billed (counted as $0 in {@code cost})
     */
    public record Spend(long requests, long tokens, BigDecimal cost, BigDecimal list, BigDecimal contracted, BigDecimal billed,
                        long unpricedRequests) {
        public static final Spend ZERO = new Spend(0, 0, BigDecimal.ZERO, null, null, null, 0);

        public Spend {
            Objects.requireNonNull(cost, "cost");
        }

        public Spend plus(Spend o) {
            return new Spend(requests + o.requests, tokens + o.tokens, cost.add(o.cost), add(list, o.list),
                    add(contracted, o.contracted), add(billed, o.billed), unpricedRequests + o.unpricedRequests);
        }

        /** list − contracted: what the contract saves on this usage (null when nothing is priced). */
        public BigDecimal contractSavings() {
            return list == null ? null : list.subtract(contracted);
        }
    }

    /**
     * Month-over-month change.
     *
     * @param amount  this month − previous month
     * @param percent the change in percent of the previous month; null when the previous month is zero
     */
    public record Change(BigDecimal amount, BigDecimal percent) {
        public static Change of(BigDecimal current, BigDecimal previous) {
            BigDecimal pct = previous.signum() == 0 ? null
                    : current.subtract(previous).multiply(BigDecimal.valueOf(100)).divide(previous, MC);
            return new Change(current.subtract(previous), pct);
        }

        /** "new" when there was nothing the month before and something now; "" when both are zero. */
        public boolean isNew() {
            return percent == null && amount.signum() != 0;
        }
    }

    /** One project or model: this month, the month before and the change. */
    public record Line(String key, Spend spend, BigDecimal previousCost, Change change) {
    }

    /** The token classes of a statement. */
    public enum TokenClass {
        UNCACHED_INPUT("uncached input"), CACHE_READ("cache read"), CACHE_WRITE_5M("cache write 5m"),
        CACHE_WRITE_1H("cache write 1h"), OUTPUT("output incl. reasoning"),
        /** what the import priced differently from the day's row rates (context tier, batch rates, a price row changed since) */
        ADJUSTMENT("tier, batch and price-row difference"),
        /** usage of models the catalogue cannot price: its tokens, and what the files bill for it */
        UNPRICED("unpriced models");

        private final String label;

        TokenClass(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The five classes a price row has a rate for. */
        public static final List<TokenClass> PRICED = List.of(UNCACHED_INPUT, CACHE_READ, CACHE_WRITE_5M, CACHE_WRITE_1H, OUTPUT);
    }

    /**
     * One token class: tokens and their list-priced and contracted cost ({@code null} for {@link TokenClass#UNPRICED},
     * which has only what the files bill, {@code billed}, possibly null too).
     */
    public record ClassLine(TokenClass tokenClass, long tokens, BigDecimal list, BigDecimal contracted, BigDecimal billed) {
    }

    /**
     * The team's part of one shared cost of the month.
     *
     * @param name   the shared cost's name
     * @param amount the whole shared cost
     * @param method proportional, even or fixed
     * @param part   the team's part of it
     */
    public record SharedPart(String name, BigDecimal amount, String method, BigDecimal part) {
    }

    /**
     * @param perRequest  cost ÷ requests (null without requests)
     * @param per1kTokens cost ÷ (tokens ÷ 1000) (null without tokens)
     */
    public record UnitCost(BigDecimal perRequest, BigDecimal per1kTokens) {
    }

    /**
     * Cost per outcome of one node (the team, or one of its projects).
     *
     * @param node               {@code team:T} or {@code project:P}
     * @param outcome            the outcome's name ("tickets")
     * @param count              outcomes counted that month
     * @param cost               the node's spend in this statement (the team total, or the project line)
     * @param harness            harness costs entered for the node that month
     * @param perOutcome         cost ÷ count (null when the count is 0)
     * @param perOutcomeWithHarness (cost + harness) ÷ count
     */
    public record OutcomeCost(String node, String outcome, long count, BigDecimal cost, BigDecimal harness,
                              BigDecimal perOutcome, BigDecimal perOutcomeWithHarness) {
    }

    /**
     * This statement as printed: amounts to cents, unit costs to 6 decimals, cost per outcome to 4, percentages to 2.
     * Each column of the project, model and token-class lines is rounded by largest remainder
     * ({@link CentRounding}), so the printed lines add up to the printed total exactly; changes are the difference of
     * the printed figures.
     */
    public Showback roundedToCents() {
        Spend t = centsOf(total);
        BigDecimal prev = cents(previousCost);
        List<Line> p = roundLines(projects, t, prev);
        List<Line> m = roundLines(models, t, prev);
        List<ClassLine> c = roundClasses(tokenClasses, t.list(), t.contracted(),
                tokenClasses.stream().filter(l -> l.tokenClass() == TokenClass.UNPRICED).map(ClassLine::billed).findFirst().orElse(null));
        List<BigDecimal> parts = CentRounding.round(shared.stream().map(SharedPart::part).toList(), sharedCost());
        java.util.ArrayList<SharedPart> s = new java.util.ArrayList<>();
        for (int i = 0; i < shared.size(); i++) {
            SharedPart sp = shared.get(i);
            s.add(new SharedPart(sp.name(), cents(sp.amount()), sp.method(), parts.get(i)));
        }
        UnitCost u = new UnitCost(round(unit.perRequest(), 6), round(unit.per1kTokens(), 6));
        List<OutcomeCost> o = outcomes.stream().map(x -> new OutcomeCost(x.node(), x.outcome(), x.count(), cents(x.cost()),
                cents(x.harness()), round(x.perOutcome(), 4), round(x.perOutcomeWithHarness(), 4))).toList();
        return new Showback(team, month, t, prev, roundChange(t.cost(), prev, change), cents(ledgerCost),
                share == null ? null : share, p, m, c, s, u, o);
    }

    private static Change roundChange(BigDecimal cost, BigDecimal prev, Change exact) {
        return new Change(cost.subtract(prev), exact.percent() == null ? null : round(exact.percent(), 2));
    }

    private static List<Line> roundLines(List<Line> lines, Spend total, BigDecimal previousTotal) {
        List<BigDecimal> cost = CentRounding.round(lines.stream().map(l -> l.spend().cost()).toList(), total.cost());
        List<BigDecimal> list = CentRounding.round(lines.stream().map(l -> l.spend().list()).toList(), total.list());
        List<BigDecimal> contracted = CentRounding.round(lines.stream().map(l -> l.spend().contracted()).toList(), total.contracted());
        List<BigDecimal> billed = CentRounding.round(lines.stream().map(l -> l.spend().billed()).toList(), total.billed());
        List<BigDecimal> prev = CentRounding.round(lines.stream().map(Line::previousCost).toList(), previousTotal);
        java.util.ArrayList<Line> out = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            Spend s = new Spend(l.spend().requests(), l.spend().tokens(), cost.get(i), list.get(i), contracted.get(i), billed.get(i),
                    l.spend().unpricedRequests());
            out.add(new Line(l.key(), s, prev.get(i), roundChange(cost.get(i), prev.get(i), l.change())));
        }
        return out;
    }

    private static List<ClassLine> roundClasses(List<ClassLine> lines, BigDecimal list, BigDecimal contracted, BigDecimal billed) {
        List<BigDecimal> l = CentRounding.round(lines.stream().map(ClassLine::list).toList(), list);
        List<BigDecimal> c = CentRounding.round(lines.stream().map(ClassLine::contracted).toList(), contracted);
        java.util.ArrayList<ClassLine> out = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            ClassLine x = lines.get(i);
            out.add(new ClassLine(x.tokenClass(), x.tokens(), l.get(i), c.get(i), x.billed() == null ? null : cents(x.billed())));
        }
        return out;
    }

    private static Spend centsOf(Spend s) {
        return new Spend(s.requests(), s.tokens(), cents(s.cost()), cents(s.list()), cents(s.contracted()), cents(s.billed()),
                s.unpricedRequests());
    }

    private static BigDecimal cents(BigDecimal v) {
        return v == null ? null : com.aifinops.workbench.model.Usd.cents(v);
    }

    private static BigDecimal round(BigDecimal v, int scale) {
        return v == null ? null : com.aifinops.workbench.model.Usd.round(v, scale);
    }

    static BigDecimal add(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.add(b);
    }
}

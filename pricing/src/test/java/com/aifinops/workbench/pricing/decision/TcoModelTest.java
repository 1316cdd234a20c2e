package com.aifinops.workbench.pricing.decision;

import com.aifinops.workbench.model.decision.FactoryOption;
import com.aifinops.workbench.model.decision.GpuCapacity;
import com.aifinops.workbench.model.decision.TcoInputs;
import com.aifinops.workbench.pricing.catalog.PriceCatalog;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static com.aifinops.workbench.pricing.decision.DecisionFixtures.d;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TcoModelTest {
    private static final PriceCatalog NO_CATALOG = new PriceCatalog(List.of());

    @Test
    void theWorkbooksApiAndANeocloudCrossWhereTheArithmeticSays() {
        TcoModel m = TcoModel.of(DecisionFixtures.workbook(DecisionFixtures.tco("0.5")), NO_CATALOG);
        Crossover x = m.crossovers().get(0);
        assertEquals("House API", x.incumbent());
        assertEquals("Neocloud", x.challenger());
        // $10/MTok from the workload; (100,000 + 17,520)/1e-5 (see CrossoverSolverTest)
        assertEquals(11_752_000_000L, x.volume());
    }

    @Test
    void aGpuOptionAtAVolumeCountsWholeGpusWithHeadroom() {
        TcoModel m = TcoModel.of(DecisionFixtures.workbook(DecisionFixtures.tco("0.5")), NO_CATALOG);
        // 30e9 tokens · 1.25 / 15,768,000,000 = 2.378 → 3 GPUs; 100,000 + 3 · 17,520 = 152,560; per MTok 152,560/30,000
        TcoModel.Costed neo = m.at(30_000_000_000L).get(1);
        assertEquals(3, neo.gpus());
        assertEquals(0, neo.total().compareTo(d("152560")));
        assertEquals("5.085333", neo.perMTok().setScale(6, java.math.RoundingMode.HALF_UP).toPlainString());
    }

    @Test
    void multiYearCashPaysBackAFactoryInTheYearItsCumulativeCostFallsBelowTheApis() {
        // API $36,000 a year at 3.6e9 tokens, flat. Factory: 1 node bought in year 1 for 60,000, 3-year life,
        // no power or network, software 1,000: cash 61,000, 1,000, 1,000, then 61,000 (replacement) …
        // cumulative 61,000 / 62,000 / 63,000 / 124,000 vs API 36,000 / 72,000 / 108,000 / 144,000: payback in year 2.
        FactoryOption f = new FactoryOption("Factory", new GpuCapacity("m", d("1000"), d("1"), d("0"), 8), d("60000"), 3,
                d("0"), d("1"), d("0"), d("0"), d("1000"), d("0"), d("0"));
        TcoInputs in = new TcoInputs(null, List.of(), List.of(), List.of(f), 4, d("0"), d("0"), d("0"));
        TcoModel m = TcoModel.of(DecisionFixtures.workbook(in), NO_CATALOG);
        MultiYear.Projection p = MultiYear.project(m, m.annualTokens());
        MultiYear.Line factory = p.lines().get(1);
        assertEquals(List.of(d("61000"), d("1000"), d("1000"), d("61000")), factory.annual().stream().map(a -> a.setScale(0)).toList());
        assertEquals(2, factory.paybackYear());
        assertEquals(0, factory.savings().get(3).compareTo(d("20000"))); // 144,000 − 124,000
    }

    @Test
    void multiYearAppliesGrowthAndPriceDeclines() {
        // growth 50 %, API −20 %/y: year 2 = 36,000 · 1.5 · 0.8 = 43,200; year 3 = 36,000 · 2.25 · 0.64 = 51,840
        TcoInputs in = new TcoInputs(null, List.of(), List.of(), List.of(), 3, d("0.5"), d("0.2"), d("0"));
        TcoModel m = TcoModel.of(DecisionFixtures.workbook(in), NO_CATALOG);
        MultiYear.Projection p = MultiYear.project(m, m.annualTokens());
        assertEquals(List.of(3_600_000_000L, 5_400_000_000L, 8_100_000_000L), p.volumes());
        List<BigDecimal> api = p.lines().get(0).annual();
        assertEquals(0, api.get(1).compareTo(d("43200")));
        assertEquals(0, api.get(2).compareTo(d("51840")));
    }

    @Test
    void tornadoMovesTheCrossoverTheWayEachInputShould() {
        Tornado.Result t = Tornado.of(DecisionFixtures.workbook(DecisionFixtures.tco("0.5")), NO_CATALOG, "House API", "Neocloud");
        assertEquals(11_752_000_000L, t.base());
        Tornado.Bar api = t.bars().stream().filter(b -> b.input().equals("apiPrice")).findFirst().orElseThrow();
        // API −20 % (8e-6 $/token): one GPU would need 117,520 / 8e-6 = 14.69e9 > C = 12.6144e9 tokens, so the
        // second GPU: 135,040 / 8e-6 = 16,880,000,000; +20 %: 117,520 / 1.2e-5 = 9,793,333,334 (first whole token)
        assertEquals(16_880_000_000L, api.low());
        assertEquals(9_793_333_334L, api.high());
        Tornado.Bar staff = t.bars().stream().filter(b -> b.input().equals("staffFte")).findFirst().orElseThrow();
        // staff −20 %: (80,000 + 17,520)/1e-5 = 9,752,000,000
        assertEquals(9_752_000_000L, staff.low());
        // the first bar swings most
        long limit = TcoModel.of(DecisionFixtures.workbook(DecisionFixtures.tco("0.5")), NO_CATALOG).searchLimit();
        for (Tornado.Bar b : t.bars()) {
            assertTrue(t.bars().get(0).swing(limit) >= b.swing(limit));
        }
    }
}

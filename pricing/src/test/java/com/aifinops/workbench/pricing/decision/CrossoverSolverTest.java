package com.aifinops.workbench.pricing.decision;

import com.aifinops.workbench.model.decision.GpuCapacity;
import com.aifinops.workbench.model.decision.NeocloudOption;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.SplittableRandom;

import static com.aifinops.workbench.pricing.decision.DecisionFixtures.d;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CrossoverSolverTest {
    /** $10 per MTok: 1e-5 $ a token. */
    private static final CostCurve API = CostCurve.linear("api", d("10"), d("1000000"));

    private static CostCurve gpu(String staffFte) {
        return TcoOption.Neocloud.of(DecisionFixtures.neocloud(staffFte), Factors.NONE).curve();
    }

    @Test
    void linearApiMeetsStepwiseGpuInsideTheFirstStep() {
        // F = 0.5 · 200,000 = 100,000; a GPU adds c = 8,760 · 2 = 17,520 and serves C = 12,614,400,000 tokens of demand.
        // One GPU: API = GPU at V = (100,000 + 17,520) / 1e-5 = 11,752,000,000 ≤ C, so the crossover is in step 1.
        Crossover x = CrossoverSolver.solve(API, gpu("0.5"), 1_000_000_000_000L);
        assertEquals("api", x.incumbent());
        assertEquals(11_752_000_000L, x.volume());
        // at the end of step 1 (C tokens) the API costs 126,144; the 2nd GPU takes the fleet to 135,040, which the
        // API passes at 135,040 / 1e-5 = 13,504,000,000; from the 3rd GPU on the fleet stays ahead (152,560 vs 252,288)
        assertEquals(13_504_000_000L, x.sustainedFrom());
    }

    @Test
    void linearApiMeetsStepwiseGpuOnTheThirdGpu() {
        // F = 1.5 · 200,000 = 300,000; on step n the GPU costs 300,000 + 17,520 n and the API reaches that at
        // (300,000 + 17,520 n)/1e-5, which must be ≤ n · C: n · (126,144 − 17,520) ≥ 300,000 → n ≥ 2.76 → n = 3:
        // V = 352,560 / 1e-5 = 35,256,000,000 (inside (2C, 3C] = (25,228,800,000, 37,843,200,000]).
        Crossover x = CrossoverSolver.solve(API, gpu("1.5"), 1_000_000_000_000L);
        assertEquals(35_256_000_000L, x.volume());
    }

    @Test
    void aSawtoothLosesAgainAfterTheNextGpuAndIsAheadForGoodLater() {
        // API priced so one GPU's demand (C = 12,614,400,000 tokens) costs exactly $20,000: k = 20,000 / C.
        // GPU: F = 5,000 (0.025 FTE), c = 17,520. First: n(20,000 − 17,520) ≥ 5,000 → n = 3,
        // V = (5,000 + 52,560) · C / 20,000 = 57,560 · 630,720 = 36,304,243,200.
        // Just above 3C the 4th GPU costs 75,080 against ≈ 60,000 of API: behind again. For good only once
        // 20,000 n ≥ 5,000 + 17,520 (n + 1) → n ≥ 9.08: in step 10 (GPU 180,200) the API reaches 180,200 at
        // 180,200 · 630,720 = 113,655,744,000 and stays above the sawtooth after.
        CostCurve api = CostCurve.linear("api", d("20000"), d("12614400000"));
        Crossover x = CrossoverSolver.solve(api, gpu("0.025"), 1_000_000_000_000L);
        assertEquals(36_304_243_200L, x.volume());
        assertEquals(113_655_744_000L, x.sustainedFrom());
    }

    @Test
    void noCrossoverWhenAGpuCostsMoreThanTheTokensItServes() {
        // $1/MTok: a GPU's demand costs 12,614.40 of API but the GPU 17,520
        Crossover x = CrossoverSolver.solve(CostCurve.linear("cheap", d("1"), d("1000000")), gpu("0.5"), 1_000_000_000_000L);
        assertEquals(-1, x.volume());
        assertEquals(1_000_000_000_000L, x.searchedTo());
    }

    @Test
    void theSolvedVolumeIsTheFirstWholeTokenWhereTheChallengerIsNoDearer() {
        CostCurve g = gpu("1.5");
        Crossover x = CrossoverSolver.solve(API, g, 1_000_000_000_000L);
        assertTrue(CostCurve.compare(API, g, x.volume()) >= 0);
        assertTrue(CostCurve.compare(API, g, x.volume() - 1) < 0);
    }

    /** Random APIs and fleets: the solver agrees with a brute-force scan to within one scan step. */
    @Test
    void agreesWithABruteForceScanWithinOneTokenStep() {
        int crossed = 0;
        int sawtooth = 0;
        for (long seed = 1; seed <= 24; seed++) {
            int[] found = scanAgainstSolver(seed);
            crossed += found[0];
            sawtooth += found[1];
        }
        assertTrue(crossed >= 12, "most random cases cross: " + crossed);
        assertTrue(sawtooth >= 2, "some cases fall behind again after crossing: " + sawtooth);
    }

    /** {crossed, sustained later than first} for one random case. */
    private static int[] scanAgainstSolver(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        CostCurve api = CostCurve.linear("api", BigDecimal.valueOf(1 + r.nextInt(2000), 2), d("1000000")); // $0.01..$20/MTok
        NeocloudOption o = new NeocloudOption("gpu", null, null, BigDecimal.valueOf(100 + r.nextInt(300), 2),
                new GpuCapacity("m", BigDecimal.valueOf(200 + r.nextInt(3000)), BigDecimal.valueOf(30 + r.nextInt(70), 2),
                        BigDecimal.valueOf(r.nextInt(50), 2), 1 + r.nextInt(8)),
                BigDecimal.valueOf(r.nextInt(300), 2), d("180000"), BigDecimal.valueOf(r.nextInt(50_000)));
        CostCurve g = TcoOption.Neocloud.of(o, Factors.NONE).curve();
        long max = 400_000_000_000L;
        long step = 4_000_000L; // 100,000 scan points
        long firstScan = -1;
        long lastWorseScan = -1;
        for (long v = step; v <= max; v += step) {
            boolean challengerNoDearer = CostCurve.compare(api, g, v) >= 0;
            if (challengerNoDearer && firstScan < 0) {
                firstScan = v;
            }
            if (!challengerNoDearer) {
                lastWorseScan = v;
            }
        }
        Crossover x = CrossoverSolver.challenger(api, g, 1, max);
        if (firstScan < 0) {
            assertTrue(x.volume() < 0 || x.volume() > max - step, "scan found none, solver " + x);
            return new int[]{0, 0};
        }
        assertTrue(x.volume() > firstScan - step && x.volume() <= firstScan, "solver " + x.volume() + " scan " + firstScan);
        if (lastWorseScan < max && x.sustainedFrom() > 0) {
            assertTrue(x.sustainedFrom() > lastWorseScan && x.sustainedFrom() <= lastWorseScan + step,
                    "sustained " + x.sustainedFrom() + " scan " + lastWorseScan);
        }
        return new int[]{1, x.sustainedFrom() > x.volume() ? 1 : 0};
    }

    @Test
    void twoStepwiseFleetsCrossWhereTheFixedCostIsWorthItsCheaperSteps() {
        // neocloud: F = 100,000, 17,520 a GPU. Factory, same per-GPU throughput in 8-GPU nodes: F = 30,000 +
        // 2 · 200,000 = 430,000; a node = 250,000/3 + 10 kW · 1.3 · 8,760 h · $0.10 + 12,000
        // = 83,333.33 + 11,388 + 12,000 = 106,721.33. At the top of node n (8n GPUs) neocloud − factory =
        // −330,000 + (8 · 17,520 − 106,721.33) n = −330,000 + 33,438.67 n ≥ 0 → n ≥ 9.87 → node 10; inside node 10
        // the neocloud needs g GPUs with 17,520 g ≥ 330,000 + 10 · 106,721.33 = 1,397,213.33 → g ≥ 79.75 → g = 80.
        // Both are flat on (79C, 80C], so the crossover is its first token: 79 · 12,614,400,000 + 1. (Node 9, 72
        // GPUs: −29,052, still behind.) At 80 GPUs: factory 1,497,213.33 vs neocloud 1,501,600.
        CostCurve neo = gpu("0.5");
        CostCurve fac = TcoOption.Factory.of(DecisionFixtures.factory(), Factors.NONE).curve();
        Crossover x = CrossoverSolver.solve(neo, fac, 10_000_000_000_000L);
        long c = 12_614_400_000L;
        assertEquals(79 * c + 1, x.volume());
        assertTrue(CostCurve.compare(neo, fac, x.volume()) >= 0);
        assertTrue(CostCurve.compare(neo, fac, x.volume() - 1) < 0);
        assertEquals(80, neo.steps(x.volume()));
        assertEquals(10, fac.steps(x.volume()));
    }
}

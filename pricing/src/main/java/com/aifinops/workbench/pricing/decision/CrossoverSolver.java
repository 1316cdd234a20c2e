package com.aifinops.workbench.pricing.decision;

/**
 * Solves crossovers between cost curves exactly, in whole tokens. Both curves are linear between the ends of
 * their steps ({@link CostCurve#pieceEnd}), so the difference is linear on each piece of the merged step ends:
 * the solver walks the pieces in order, checks the signs at both ends of each (exact comparisons, no division)
 * and, where the sign changes, bisects the integers of that piece. Nothing is read off a chart.
 */
public final class CrossoverSolver {
    /** More pieces than this and the search stops (and says how far it got). */
    static final int MAX_PIECES = 2_000_000;

    private CrossoverSolver() {
    }

    /**
     * The crossover of two curves in [1, max]: the incumbent is whichever is strictly cheaper at one token
     * ({@code a} when they tie).
     */
    public static Crossover solve(CostCurve a, CostCurve b, long max) {
        boolean aCheaper = CostCurve.compare(a, b, 1) <= 0;
        return challenger(aCheaper ? a : b, aCheaper ? b : a, 1, max);
    }

    /** The smallest V in [from, max] with challenger(V) ≤ incumbent(V), and from where that holds to {@code max}. */
    public static Crossover challenger(CostCurve incumbent, CostCurve challenger, long from, long max) {
        long first = -1;
        long lastWorse = from - 1; // last volume where the challenger still costs more
        long v = from;
        int pieces = 0;
        long searched = from - 1;
        while (v <= max && pieces++ < MAX_PIECES) {
            long end = Math.min(max, Math.min(incumbent.pieceEnd(v), challenger.pieceEnd(v)));
            end = Math.max(end, v);
            int atStart = CostCurve.compare(incumbent, challenger, v);  // ≥ 0: challenger ≤ incumbent
            int atEnd = CostCurve.compare(incumbent, challenger, end);
            if (atStart >= 0) {
                if (first < 0) {
                    first = v;
                }
                if (atEnd < 0) {
                    lastWorse = end;       // falling: fine at the start, worse by the end
                }
            } else if (atEnd >= 0) {       // rising through zero inside the piece
                long x = firstNotWorse(incumbent, challenger, v, end);
                if (first < 0) {
                    first = x;
                }
                lastWorse = x - 1;
            } else {
                lastWorse = end;
            }
            searched = end;
            if (end == Long.MAX_VALUE) {
                break;
            }
            v = end + 1;
        }
        long sustained = lastWorse >= searched ? -1 : lastWorse + 1;
        return new Crossover(incumbent.option(), challenger.option(), first, first < 0 ? -1 : sustained, searched);
    }

    /** Bisection over integers: worse at lo, not worse at hi; the smallest not-worse volume. */
    private static long firstNotWorse(CostCurve incumbent, CostCurve challenger, long lo, long hi) {
        while (hi - lo > 1) {
            long mid = lo + (hi - lo) / 2;
            if (CostCurve.compare(incumbent, challenger, mid) >= 0) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }
}

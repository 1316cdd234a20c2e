package com.aifinops.workbench.pricing.forecast;

import java.util.SplittableRandom;

/**
 * A heavy-tailed distribution of monthly spend per user: a lognormal, or a mixture of light and heavy users
 * (each lognormal). Parameterised by the median (e^μ) and the log-space spread σ, which analysts can read.
 */
public sealed interface SpendDistribution {

    double sample(SplittableRandom random);

    /** The mean spend per user: for a lognormal median·e^(σ²/2). */
    double mean();

    record LogNormal(double median, double sigma) implements SpendDistribution {
        public LogNormal {
            if (median <= 0 || sigma < 0) {
                throw new IllegalArgumentException("a lognormal needs median > 0 and sigma ≥ 0");
            }
        }

        @Override
        public double sample(SplittableRandom random) {
            return median * Math.exp(sigma * Gaussian.next(random));
        }

        @Override
        public double mean() {
            return median * Math.exp(sigma * sigma / 2);
        }

        /** The closed-form quantile: median · e^(σ·z_p). */
        public double quantile(double p) {
            return median * Math.exp(sigma * Gaussian.inverseCdf(p));
        }
    }

    /** A share {@code heavyShare} of heavy users, the rest light. */
    record Mixture(LogNormal light, LogNormal heavy, double heavyShare) implements SpendDistribution {
        public Mixture {
            if (heavyShare < 0 || heavyShare > 1) {
                throw new IllegalArgumentException("heavy share must be 0..1");
            }
        }

        @Override
        public double sample(SplittableRandom random) {
            return random.nextDouble() < heavyShare ? heavy.sample(random) : light.sample(random);
        }

        @Override
        public double mean() {
            return (1 - heavyShare) * light.mean() + heavyShare * heavy.mean();
        }
    }
}

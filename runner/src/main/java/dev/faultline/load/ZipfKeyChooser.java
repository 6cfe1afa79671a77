package dev.faultline.load;

import java.util.SplittableRandom;

/**
 * Zipf-distributed keys: key i (rank i + 1) has probability proportional to {@code 1 / (i + 1)^exponent}. Uses
 * rejection-inversion sampling (Hörmann and Derflinger 1996, as in Apache Commons Math): constant memory and
 * constant expected time whatever the number of keys.
 */
final class ZipfKeyChooser implements KeyChooser {
    private final long count;
    private final double exponent;
    private final SplittableRandom random;
    private final double hIntegralX1;
    private final double hIntegralCount;
    private final double s;

    ZipfKeyChooser(long count, double exponent, SplittableRandom random) {
        this.count = count;
        this.exponent = exponent;
        this.random = random;
        this.hIntegralX1 = hIntegral(1.5) - 1;
        this.hIntegralCount = hIntegral(count + 0.5);
        this.s = 2 - hIntegralInverse(hIntegral(2.5) - h(2));
    }

    @Override
    public long next() {
        while (true) {
            double u = hIntegralCount + random.nextDouble() * (hIntegralX1 - hIntegralCount);
            double x = hIntegralInverse(u);
            long k = (long) (x + 0.5);
            k = Math.max(1, Math.min(k, count));
            if (k - x <= s || u >= hIntegral(k + 0.5) - h(k)) {
                return k - 1;
            }
        }
    }

    /** {@code H(x)}: an integral of {@code h}, {@code ((x^(1-q)) - 1) / (1 - q)} with care near q = 1. */
    private double hIntegral(double x) {
        double logX = Math.log(x);
        return expm1OverX((1 - exponent) * logX) * logX;
    }

    private double h(double x) {
        return Math.exp(-exponent * Math.log(x));
    }

    private double hIntegralInverse(double x) {
        double t = Math.max(x * (1 - exponent), -1);
        return Math.exp(log1pOverX(t) * x);
    }

    private static double log1pOverX(double x) {
        return Math.abs(x) > 1e-8 ? Math.log1p(x) / x : 1 - x * (0.5 - x * (1.0 / 3 - 0.25 * x));
    }

    private static double expm1OverX(double x) {
        return Math.abs(x) > 1e-8 ? Math.expm1(x) / x : 1 + x * 0.5 * (1 + x / 3 * (1 + 0.25 * x));
    }
}

package energy.numeric;

import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;

/**
 * Brute-force enumeration of the 2^n states of n discrete units: spins take the values ±1,
 * binary units 0/1.
 */
public final class Enumeration {
  /** Largest number of units enumerated (2^24 ≈ 1.7·10^7 states). */
  public static final int MAX_UNITS = 24;

  private Enumeration() {}

  /**
   * Calls {@code visitor} for every assignment of n = isSpin.length discrete units; {@code
   * values[i]} is ±1 when {@code isSpin[i]}, else 0/1. States are visited in binary counting order
   * (unit 0 is the fastest-changing; bit 0 ↦ -1 resp. 0, bit 1 ↦ +1 resp. 1), starting from all
   * bits 0. The same array is reused for every call: the visitor must copy it to keep it. With n =
   * 0 the visitor is called once with an empty array.
   *
   * @throws IllegalArgumentException if n > 24
   */
  public static void forEach(boolean[] isSpin, Consumer<double[]> visitor) {
    int n = isSpin.length;
    if (n > MAX_UNITS) {
      throw new IllegalArgumentException(
          "cannot enumerate " + n + " discrete units (at most " + MAX_UNITS + ")");
    }
    double[] lo = new double[n], hi = new double[n];
    for (int i = 0; i < n; i++) {
      lo[i] = isSpin[i] ? -1 : 0;
      hi[i] = 1;
    }
    double[] values = lo.clone();
    long states = 1L << n;
    for (long s = 0; s < states; s++) {
      if (s != 0) {
        // increment: bits that flip are the trailing ones of s-1 (→0) and the next zero (→1)
        int t = Long.numberOfTrailingZeros(s);
        for (int i = 0; i < t; i++) values[i] = lo[i];
        values[t] = hi[t];
      }
      visitor.accept(values);
    }
  }

  /**
   * log Σ_states e^{logW(state)}, accumulated stably (running log-sum-exp). States with logW =
   * -∞ contribute nothing; a NaN makes the result NaN.
   */
  public static double logSum(boolean[] isSpin, ToDoubleFunction<double[]> logW) {
    LogSumAccumulator acc = new LogSumAccumulator();
    forEach(isSpin, v -> acc.add(logW.applyAsDouble(v)));
    return acc.value();
  }

  /** Σ_states w(state), a plain sum (no log-space protection). */
  public static double sum(boolean[] isSpin, ToDoubleFunction<double[]> w) {
    double[] s = {0, 0}; // Kahan-compensated
    forEach(
        isSpin,
        v -> {
          double y = w.applyAsDouble(v) - s[1];
          double t = s[0] + y;
          s[1] = (t - s[0]) - y;
          s[0] = t;
        });
    return s[0];
  }

  /** A running, overflow-free log Σ e^{x_i}. */
  static final class LogSumAccumulator {
    private double max = Double.NEGATIVE_INFINITY;
    private double sum = 0; // Σ e^{x_i - max}
    private boolean nan = false;

    void add(double x) {
      if (Double.isNaN(x)) {
        nan = true;
      } else if (x == Double.NEGATIVE_INFINITY) {
        // contributes nothing
      } else if (x <= max) {
        sum += Math.exp(x - max);
      } else {
        sum = (max == Double.NEGATIVE_INFINITY ? 0 : sum * Math.exp(max - x)) + 1;
        max = x;
      }
    }

    double value() {
      if (nan) return Double.NaN;
      if (max == Double.NEGATIVE_INFINITY) return Double.NEGATIVE_INFINITY;
      if (max == Double.POSITIVE_INFINITY) return Double.POSITIVE_INFINITY;
      return max + Math.log(sum);
    }
  }
}

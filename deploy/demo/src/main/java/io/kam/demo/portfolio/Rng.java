package io.kam.demo.portfolio;

import java.util.List;
import java.util.Random;

/**
 * Seeded randomness with the few draws the generator needs. {@link Random}'s sequence is fixed by
 * its specification, so a seed gives the same portfolio on every JVM; stream {@code n} of a seed is
 * independent of how much the other streams drew.
 */
final class Rng {

  private final Random random;

  Rng(long seed, long stream) {
    this.random = new Random(mix(seed * 0x9E3779B97F4A7C15L + stream));
  }

  int between(int min, int maxInclusive) {
    return min + random.nextInt(maxInclusive - min + 1);
  }

  double uniform(double min, double max) {
    return min + (max - min) * random.nextDouble();
  }

  double unit() {
    return random.nextDouble();
  }

  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  double gaussian() {
    return random.nextGaussian();
  }

  <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** An index drawn with the given relative weights. */
  int weighted(double... weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double x = random.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  static int clamp(long v, int min, int max) {
    return (int) Math.max(min, Math.min(max, v));
  }

  /** SplitMix64's finalizer: spreads close seeds far apart. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}

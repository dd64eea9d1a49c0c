package io.kam.demo.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The benchmark reads quantiles from bucket counts as Prometheus' histogram_quantile does. */
class HopHistogramsTest {

  @Test
  void interpolatesLinearlyInsideTheBucketThatHoldsTheRank() {
    // 50 hops in (7.5 ms, 10 ms], 50 in (15 ms, 20 ms]
    double[] cumulative = HopHistograms.bucketed(values(50, 0.009, 50, 0.018));
    assertEquals(0.010, HopHistograms.quantile(0.5, cumulative), 1e-9);
    assertEquals(0.015 + 0.005 * 49 / 50, HopHistograms.quantile(0.99, cumulative), 1e-9);
  }

  @Test
  void countsExactLatenciesIntoTheChassisBucketsCumulatively() {
    double[] c = HopHistograms.bucketed(new double[] {0.001, 0.2, 90});
    assertEquals(HopHistograms.BOUNDS.length + 1, c.length);
    assertEquals(1, c[0], "le 1 ms");
    assertEquals(1, c[13], "le 150 ms");
    assertEquals(2, c[15], "le 250 ms");
    assertEquals(2, c[HopHistograms.BOUNDS.length - 1], "le 60 s");
    assertEquals(3, c[HopHistograms.BOUNDS.length], "+Inf");
    assertArrayEquals(new double[c.length], HopHistograms.delta(c, c));
  }

  private static double[] values(int n, double v, int m, double w) {
    double[] out = new double[n + m];
    for (int i = 0; i < out.length; i++) {
      out[i] = i < n ? v : w;
    }
    return out;
  }
}

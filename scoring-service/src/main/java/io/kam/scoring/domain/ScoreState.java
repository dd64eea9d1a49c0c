package io.kam.scoring.domain;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The values of a score that clients and events see. Two states with the same values are the same
 * result: rescoring to it writes no history and publishes nothing. The model version alone is not a
 * change of result (an activation that moves nobody's numbers stays silent).
 */
public record ScoreState(
    BigDecimal score,
    String computedTier,
    String tier,
    String type,
    String risk,
    List<String> riskReasons,
    BigDecimal coverage,
    int modelVersion) {

  public static ScoreState of(Account a) {
    if (!a.scored) {
      return null;
    }
    return new ScoreState(
        a.score,
        a.computedTier,
        a.tier,
        a.type,
        a.risk,
        reasons(a.riskReasons),
        a.coverage,
        a.modelVersion);
  }

  public boolean sameResultAs(ScoreState o) {
    return o != null
        && sameNumber(score, o.score)
        && computedTier.equals(o.computedTier)
        && tier.equals(o.tier)
        && type.equals(o.type)
        && risk.equals(o.risk)
        && riskReasons.equals(o.riskReasons)
        && sameNumber(coverage, o.coverage);
  }

  public static List<String> reasons(String joined) {
    return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
  }

  private static boolean sameNumber(BigDecimal a, BigDecimal b) {
    return a == null ? b == null : b != null && a.compareTo(b) == 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ScoreState s && sameResultAs(s) && modelVersion == s.modelVersion;
  }

  @Override
  public int hashCode() {
    return Objects.hash(computedTier, tier, type, risk, riskReasons, modelVersion);
  }
}

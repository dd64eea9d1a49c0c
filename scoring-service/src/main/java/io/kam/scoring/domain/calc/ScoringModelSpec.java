package io.kam.scoring.domain.calc;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A scoring model as the calculator needs it: its criteria in breakdown order and the tier
 * thresholds. Build one from client input through {@link ModelValidator#toSpec}, which reports
 * every problem by field; the checks here only guard the calculator's invariants.
 */
public record ScoringModelSpec(int version, List<Criterion> criteria, Thresholds thresholds) {

  public ScoringModelSpec {
    criteria = List.copyOf(criteria);
    Objects.requireNonNull(thresholds, "thresholds");
    if (criteria.isEmpty()) {
      throw new IllegalArgumentException("a model needs at least one criterion");
    }
    var keys = new HashSet<String>();
    for (Criterion c : criteria) {
      if (!keys.add(c.key())) {
        throw new IllegalArgumentException("duplicate criterion key " + c.key());
      }
    }
  }

  /** The criterion with this key, if the model has one. */
  public Optional<Criterion> criterion(String key) {
    return criteria.stream().filter(c -> c.key().equals(key)).findFirst();
  }

  /** The sum of all weights: the denominator of coverage. */
  public BigDecimal totalWeight() {
    return criteria.stream().map(Criterion::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** Version 1, the default model of docs/kpis-and-scores.md, exactly. */
  public static ScoringModelSpec defaultModel() {
    Normalization assessment = Normalization.linear(d("1"), d("5"));
    return new ScoringModelSpec(
        1,
        List.of(
            new Criterion(
                "revenue",
                ScoringInput.T12M_REVENUE,
                d("0.30"),
                Normalization.log(d("10000"), d("10000000"))),
            new Criterion(
                "growth",
                ScoringInput.T12M_GROWTH,
                d("0.20"),
                Normalization.linear(d("-0.2"), d("0.5"))),
            new Criterion(
                "walletHeadroom",
                ScoringInput.WALLET_HEADROOM,
                d("0.10"),
                Normalization.linear(d("0"), d("1"))),
            new Criterion(
                "strategicAlignment", ScoringInput.STRATEGIC_ALIGNMENT, d("0.15"), assessment),
            new Criterion("marketInfluence", ScoringInput.MARKET_INFLUENCE, d("0.10"), assessment),
            new Criterion("fit", ScoringInput.FIT, d("0.05"), assessment),
            new Criterion(
                "satisfaction",
                ScoringInput.NPS_T12M,
                d("0.10"),
                Normalization.linear(d("-100"), d("100")))),
        Thresholds.defaults());
  }

  private static BigDecimal d(String value) {
    return new BigDecimal(value);
  }
}

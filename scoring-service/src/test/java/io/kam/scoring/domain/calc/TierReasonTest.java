package io.kam.scoring.domain.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TierReasonTest {

  private static final Thresholds T = Thresholds.defaults();

  private static BigDecimal d(String v) {
    return new BigDecimal(v);
  }

  @Test
  void keyFrom70IsComputedAndKeyBelow70IsHeldByHysteresis() {
    assertEquals(TierReason.COMPUTED, TierReason.of(d("70.0"), Tier.KEY, T, null));
    assertEquals(TierReason.HELD_BY_HYSTERESIS, TierReason.of(d("69.9"), Tier.KEY, T, null));
    assertEquals(TierReason.HELD_BY_HYSTERESIS, TierReason.of(d("65.0"), Tier.KEY, T, null));
    assertEquals(TierReason.COMPUTED, TierReason.of(d("66.0"), Tier.DEVELOPING, T, null));
    assertEquals(TierReason.COMPUTED, TierReason.of(null, Tier.STANDARD, T, null));
  }

  @Test
  void aDesignationInForceExplainsTheTierWhateverTheScore() {
    assertEquals(TierReason.DESIGNATED, TierReason.of(d("40.0"), Tier.STANDARD, T, Tier.KEY));
    assertEquals(TierReason.EXCLUDED, TierReason.of(d("90.0"), Tier.KEY, T, Tier.STANDARD));
  }

  @Test
  void typeFiguresAreTheNormalizedRevenueAndTheMeanOfThePresentPotentialInputs() {
    TypeFigures f =
        TypeFigures.of(
            Map.of("revenue", d("0.5"), "growth", d("0.4"), "strategicAlignment", d("0.7")));
    assertEquals(0, f.value().compareTo(d("0.5")));
    assertEquals(0, f.potential().compareTo(d("0.55")));
    assertEquals(null, f.walletHeadroom());

    TypeFigures none = TypeFigures.of(Map.of());
    assertEquals(0, none.value().signum());
    assertEquals(0, none.potential().signum());
    assertEquals(null, none.revenue());
  }
}

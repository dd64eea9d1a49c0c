package io.kam.scoring.domain.calc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Defection risk from the snapshot alone, independent of the scoring model (so activating a model
 * never changes anyone's risk). A null input raises no signal: unknown is not bad news.
 */
public final class DefectionRiskRule {

  static final BigDecimal REVENUE_DECLINE_12M_AT = new BigDecimal("-0.10");
  static final BigDecimal REVENUE_DROP_3M_AT = new BigDecimal("-0.25");
  static final BigDecimal LOW_CSAT_BELOW = BigDecimal.valueOf(70);

  private DefectionRiskRule() {}

  public static RiskAssessment assess(ScoreInputs inputs) {
    List<RiskReason> reasons = new ArrayList<>();
    if (atOrBelow(inputs.t12mGrowth(), REVENUE_DECLINE_12M_AT)) {
      reasons.add(RiskReason.REVENUE_DECLINE_12M);
    }
    if (atOrBelow(inputs.last3mGrowth(), REVENUE_DROP_3M_AT)) {
      reasons.add(RiskReason.REVENUE_DROP_3M);
    }
    if (inputs.npsT12m() != null && inputs.npsT12m().signum() < 0) {
      reasons.add(RiskReason.NEGATIVE_NPS);
    }
    if (inputs.csatT12m() != null && inputs.csatT12m().compareTo(LOW_CSAT_BELOW) < 0) {
      reasons.add(RiskReason.LOW_CSAT);
    }
    return new RiskAssessment(levelOf(reasons.size()), reasons);
  }

  private static boolean atOrBelow(BigDecimal value, BigDecimal limit) {
    return value != null && value.compareTo(limit) <= 0;
  }

  private static DefectionRisk levelOf(int signals) {
    return switch (signals) {
      case 0 -> DefectionRisk.LOW;
      case 1 -> DefectionRisk.MEDIUM;
      default -> DefectionRisk.HIGH;
    };
  }
}

package io.kam.scoring.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * GET /accounts/{id}/score (the score shape of the OpenAPI document). {@code tier} is the effective
 * tier.
 */
public record ScoreView(
    UUID accountId,
    BigDecimal score,
    String tier,
    String computedTier,
    String type,
    String defectionRisk,
    List<String> riskReasons,
    BigDecimal coverage,
    int modelVersion,
    Instant computedAt,
    DesignationView designation,
    TierExplanationView tierExplanation,
    TypeExplanationView typeExplanation,
    FreshnessView freshness,
    List<BreakdownView> breakdown,
    long version) {

  public record DesignationView(
      String tier, String reason, LocalDate endsOn, String by, Instant at) {}

  public record BreakdownView(
      String criterion,
      BigDecimal input,
      BigDecimal normalized,
      BigDecimal weight,
      BigDecimal contribution) {}
}

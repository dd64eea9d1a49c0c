package io.kam.scoring.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One account of GET /scores, the ranked portfolio, with its name and owner. */
public record PortfolioItemView(
    UUID accountId,
    String name,
    String ownerId,
    BigDecimal score,
    String tier,
    String computedTier,
    String type,
    String defectionRisk,
    List<String> riskReasons,
    BigDecimal coverage,
    int modelVersion,
    Instant computedAt,
    ScoreView.DesignationView designation) {}

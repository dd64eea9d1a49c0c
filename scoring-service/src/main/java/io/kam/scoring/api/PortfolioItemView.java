package io.kam.scoring.api;

import io.kam.scoring.domain.StaleInput;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
    ScoreView.DesignationView designation,
    TierExplanationView.Brief tierExplanation,
    @Schema(description = "the inputs that are stale (see the score's freshness)")
        List<StaleInput> stale) {}

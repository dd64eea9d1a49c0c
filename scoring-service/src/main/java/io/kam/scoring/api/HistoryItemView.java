package io.kam.scoring.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** One entry of GET /accounts/{id}/score/history: the score as it was after a change. */
public record HistoryItemView(
    long id,
    Instant at,
    String cause,
    BigDecimal score,
    String tier,
    String computedTier,
    String type,
    String defectionRisk,
    List<String> riskReasons,
    BigDecimal coverage,
    int modelVersion,
    ScoreView.DesignationView designation,
    List<ScoreView.BreakdownView> breakdown) {}

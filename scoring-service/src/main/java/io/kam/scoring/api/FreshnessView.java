package io.kam.scoring.api;

import io.kam.scoring.domain.StaleInput;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How old a score's inputs are, and which are stale against the service clock. */
@Schema(description = "How old the score's inputs are; a missing input is stale")
public record FreshnessView(
    @Schema(description = "the latest month with revenue, YYYY-MM", nullable = true)
        String lastRevenueMonth,
    @Schema(description = "the latest survey response's date", nullable = true)
        LocalDate lastSurveyDate,
    @Schema(description = "when the assessment was last set or confirmed", nullable = true)
        LocalDate assessedAt,
    List<StaleInput> stale,
    Thresholds thresholds) {

  /** The configured thresholds (kam.scoring.freshness.*). */
  @Schema(name = "FreshnessThresholds")
  public record Thresholds(
      @Schema(description = "complete months without revenue that make it stale")
          int revenueStaleAfterMonths,
      @Schema(description = "months since the last survey response that make it stale")
          int surveyStaleAfterMonths,
      @Schema(description = "months since the last assessment that make it stale")
          int assessmentStaleAfterMonths) {}
}

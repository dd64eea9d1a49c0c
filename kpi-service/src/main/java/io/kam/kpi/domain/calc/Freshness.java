package io.kam.kpi.domain.calc;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How old an account's KPI inputs are and which of them are stale (docs/kpis-and-scores.md,
 * "Freshness"): revenue is stale when no revenue line is dated in the last {@code revenueMonths}
 * complete months (none at all included), surveys when no response is dated within the {@code
 * surveyMonths} months before the reference day. Pure: the reference day is the caller's clock.
 */
@Schema(description = "How old the KPI inputs are and which are stale")
public record Freshness(
    @Schema(
            pattern = "^[0-9]{4}-(0[1-9]|1[0-2])$",
            nullable = true,
            maxLength = 7,
            description = "latest month with a non-voided revenue line; null when none")
        String lastRevenueMonth,
    @Schema(nullable = true, description = "UTC date of the latest non-voided survey response")
        LocalDate lastSurveyDate,
    @Schema(description = "the stale inputs, REVENUE before SURVEY", maxItems = 2)
        List<StaleInput> stale,
    Thresholds thresholds) {

  public enum StaleInput {
    REVENUE,
    SURVEY
  }

  @Schema(description = "the configured thresholds, in months")
  public record Thresholds(
      @Schema(minimum = "1", maximum = "120") int revenueMonths,
      @Schema(minimum = "1", maximum = "120") int surveyMonths) {}

  public Freshness {
    stale = List.copyOf(stale);
  }

  /**
   * @param today the reference day (the service clock's, or the last day a historical snapshot was
   *     the latest one)
   */
  public static Freshness of(InputDates inputs, LocalDate today, Thresholds thresholds) {
    List<StaleInput> stale = new ArrayList<>(2);
    // Current month 2026-10, 3 months: fresh when a line is dated in 2026-07 or later.
    YearMonth revenueFrom = YearMonth.from(today).minusMonths(thresholds.revenueMonths());
    if (inputs.lastRevenueMonth() == null || inputs.lastRevenueMonth().isBefore(revenueFrom)) {
      stale.add(StaleInput.REVENUE);
    }
    // Today 2026-10-15, 12 months: fresh when a response is dated 2025-10-15 or later.
    LocalDate surveyFrom = today.minusMonths(thresholds.surveyMonths());
    if (inputs.lastSurveyDate() == null || inputs.lastSurveyDate().isBefore(surveyFrom)) {
      stale.add(StaleInput.SURVEY);
    }
    return new Freshness(inputs.lastRevenueMonthText(), inputs.lastSurveyDate(), stale, thresholds);
  }
}

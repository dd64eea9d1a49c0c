package io.kam.kpi.domain.calc;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * How recent an account's KPI inputs are: the latest month with a non-voided revenue line and the
 * UTC date of the latest non-voided survey response; null when there is none.
 */
public record InputDates(YearMonth lastRevenueMonth, LocalDate lastSurveyDate) {

  public static final InputDates NONE = new InputDates(null, null);

  /** "YYYY-MM" or null, as the API and the snapshot event carry it. */
  public String lastRevenueMonthText() {
    return lastRevenueMonth == null ? null : lastRevenueMonth.toString();
  }
}

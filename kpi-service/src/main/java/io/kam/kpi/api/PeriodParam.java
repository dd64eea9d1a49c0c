package io.kam.kpi.api;

import io.kam.chassis.input.QueryParams;
import io.kam.kpi.domain.calc.Period;

/** The {@code period} query parameter: a month, a quarter or a year. */
final class PeriodParam {

  private PeriodParam() {}

  static Period of(String raw, Period fallback) {
    return QueryParams.parsed(
        "period", raw, fallback, Period::parse, "must look like 2026-09, 2026-Q3 or 2026");
  }
}

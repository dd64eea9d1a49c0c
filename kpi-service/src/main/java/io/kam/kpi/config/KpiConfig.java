package io.kam.kpi.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;

/** Typed settings of the KPI engine (prefix {@code kam.kpi}). */
@ConfigMapping(prefix = "kam.kpi")
public interface KpiConfig {

  /** The one currency of every amount; revenue lines naming another are rejected. */
  @WithDefault("EUR")
  String reportingCurrency();

  @WithDefault("0.30")
  BigDecimal grossMargin();

  @WithDefault("10")
  int maxLifetimeYears();

  /**
   * Accounts recomputed per transaction by the month-turn job (read and written set-based, so a
   * large batch costs few round trips).
   */
  @WithDefault("1000")
  int snapshotBatchSize();

  /**
   * How often the month-turn job looks for snapshots to move to a new as-of month ("off" in tests).
   */
  @WithDefault("5m")
  String monthTurnEvery();

  /** When an account's KPI inputs count as stale (freshness in KPI and snapshot responses). */
  FreshnessThresholds freshness();

  interface FreshnessThresholds {

    /** Revenue is stale when no revenue line is dated in the last this many complete months. */
    @WithDefault("3")
    @Min(1)
    @Max(120)
    int revenueStaleAfterMonths();

    /** Surveys are stale when no response is dated within this many months before today. */
    @WithDefault("12")
    @Min(1)
    @Max(120)
    int surveyStaleAfterMonths();
  }
}

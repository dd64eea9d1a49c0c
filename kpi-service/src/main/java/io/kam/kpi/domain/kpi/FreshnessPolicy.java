package io.kam.kpi.domain.kpi;

import io.kam.kpi.config.KpiConfig;
import io.kam.kpi.domain.calc.Freshness;
import io.kam.kpi.domain.calc.InputDates;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;

/** {@link Freshness} with the configured thresholds (kam.kpi.freshness.*). */
@ApplicationScoped
public class FreshnessPolicy {

  private final Freshness.Thresholds thresholds;

  public FreshnessPolicy(KpiConfig config) {
    this.thresholds =
        new Freshness.Thresholds(
            config.freshness().revenueStaleAfterMonths(),
            config.freshness().surveyStaleAfterMonths());
  }

  public Freshness of(InputDates inputs, LocalDate today) {
    return Freshness.of(inputs, today, thresholds);
  }
}

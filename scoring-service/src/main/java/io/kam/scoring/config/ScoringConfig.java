package io.kam.scoring.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "kam.scoring")
public interface ScoringConfig {

  Rescoring rescoring();

  Designations designations();

  Freshness freshness();

  /** When an input of a score counts as stale (docs/kpis-and-scores.md, "Freshness"). */
  interface Freshness {
    /** Complete months without revenue, counted back from the last complete month. */
    @WithDefault("3")
    int revenueStaleAfterMonths();

    /** Months since the latest survey response. */
    @WithDefault("12")
    int surveyStaleAfterMonths();

    /** Months since the KAM last set or confirmed the assessment. */
    @WithDefault("12")
    int assessmentStaleAfterMonths();
  }

  interface Designations {
    /** How often designations that reached their end date are closed (history, events). */
    @WithDefault("60s")
    String checkEvery();
  }

  interface Rescoring {
    /** Accounts rescored per transaction (and per unit of persisted progress). */
    @WithDefault("1000")
    int batchSize();

    /** How often the worker looks for a running job (it then works until the job is done). */
    @WithDefault("1s")
    String every();
  }
}

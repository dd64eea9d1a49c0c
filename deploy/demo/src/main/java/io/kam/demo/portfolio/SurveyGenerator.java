package io.kam.demo.portfolio;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A few CSAT (1..5) and NPS (0..10) responses per quarter while the account buys; happier where
 * revenue grows, unhappier where it declines, and souring in the year before a churn.
 */
final class SurveyGenerator {

  private SurveyGenerator() {}

  static void generate(
      Draft d,
      YearMonth firstMonth,
      RevenueGenerator.Activity activity,
      Rng rng,
      List<SurveyResponse> out) {
    if (d.pattern == RevenuePattern.PROSPECT) {
      return;
    }
    double mood = AccountDetails.mood(d.pattern) + 0.3 * rng.gaussian();
    Map<String, List<Integer>> quarters = new LinkedHashMap<>();
    for (int t = 0; t < PortfolioGenerator.MONTHS; t++) {
      if (activity.active(t)) {
        YearMonth m = firstMonth.plusMonths(t);
        quarters
            .computeIfAbsent(
                m.getYear() + "Q" + ((m.getMonthValue() - 1) / 3 + 1), q -> new ArrayList<>())
            .add(t);
      }
    }
    for (Map.Entry<String, List<Integer>> q : quarters.entrySet()) {
      int csat = rng.chance(0.85) ? rng.between(1, 3) : 0;
      int nps = rng.between(0, 2);
      for (int i = 0; i < csat + nps; i++) {
        boolean isCsat = i < csat;
        int t = rng.pick(q.getValue());
        double m = mood;
        if (d.pattern == RevenuePattern.CHURNED) {
          m -= 0.8 * Math.max(0, t - (activity.end() - 12)) / 12.0;
        }
        int score =
            isCsat
                ? Rng.clamp(Math.round(3.9 + 0.9 * m + 0.8 * rng.gaussian()), 1, 5)
                : Rng.clamp(Math.round(8.0 + 2.0 * m + 1.4 * rng.gaussian()), 0, 10);
        YearMonth month = firstMonth.plusMonths(t);
        LocalDate day = month.atDay(rng.between(1, month.lengthOfMonth()));
        String kind = isCsat ? "CSAT" : "NPS";
        out.add(
            new SurveyResponse(
                Catalog.SURVEY_SOURCE,
                "SRV-"
                    + d.externalId
                    + "-"
                    + q.getKey()
                    + "-"
                    + kind
                    + "-"
                    + (isCsat ? i + 1 : i - csat + 1),
                Catalog.ACCOUNT_SOURCE,
                d.externalId,
                kind,
                score,
                day.atTime(rng.between(7, 18), rng.between(0, 59)).toInstant(ZoneOffset.UTC)));
      }
    }
  }
}

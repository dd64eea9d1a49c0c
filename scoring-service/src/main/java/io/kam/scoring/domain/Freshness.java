package io.kam.scoring.domain;

import io.kam.chassis.time.KamClock;
import io.kam.scoring.config.ScoringConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * How old a score's inputs are, against the service clock. REVENUE is stale after {@code
 * revenue-stale-after-months} complete months without revenue (last revenue month at or before the
 * last complete month minus that many months); SURVEY and ASSESSMENT when their date is that many
 * months old or older. A missing input is stale. The list queries use the same cut-offs ({@link
 * #cutoffs}), so a list and a score never disagree.
 */
@ApplicationScoped
public class Freshness {

  private final ScoringConfig.Freshness config;
  private final KamClock clock;

  public Freshness(ScoringConfig config, KamClock clock) {
    this.config = config.freshness();
    this.clock = clock;
  }

  public record Thresholds(
      int revenueStaleAfterMonths, int surveyStaleAfterMonths, int assessmentStaleAfterMonths) {}

  /** One stale input: its last date ("YYYY-MM" for revenue; null: never) and age in months. */
  public record Stale(StaleInput input, String last, Integer ageMonths) {}

  public record State(
      String lastRevenueMonth,
      LocalDate lastSurveyDate,
      LocalDate assessedAt,
      List<Stale> stale,
      Thresholds thresholds) {}

  /** Inputs at or before these are stale (as the list queries compare them). */
  public record Cutoffs(String revenueMonth, LocalDate surveyDate, LocalDate assessmentDate) {}

  public Thresholds thresholds() {
    return new Thresholds(
        config.revenueStaleAfterMonths(),
        config.surveyStaleAfterMonths(),
        config.assessmentStaleAfterMonths());
  }

  public Cutoffs cutoffs() {
    LocalDate today = clock.today();
    return new Cutoffs(
        lastCompleteMonth().minusMonths(config.revenueStaleAfterMonths()).toString(),
        today.minusMonths(config.surveyStaleAfterMonths()),
        today.minusMonths(config.assessmentStaleAfterMonths()));
  }

  public State of(Account a) {
    return of(a.lastRevenueMonth, a.lastSurveyDate, a.assessedAt);
  }

  public State of(String lastRevenueMonth, LocalDate lastSurveyDate, LocalDate assessedAt) {
    Cutoffs c = cutoffs();
    LocalDate today = clock.today();
    List<Stale> stale = new ArrayList<>();
    if (lastRevenueMonth == null || lastRevenueMonth.compareTo(c.revenueMonth()) <= 0) {
      stale.add(new Stale(StaleInput.REVENUE, lastRevenueMonth, revenueAge(lastRevenueMonth)));
    }
    if (lastSurveyDate == null || !lastSurveyDate.isAfter(c.surveyDate())) {
      stale.add(new Stale(StaleInput.SURVEY, text(lastSurveyDate), age(lastSurveyDate, today)));
    }
    if (assessedAt == null || !assessedAt.isAfter(c.assessmentDate())) {
      stale.add(new Stale(StaleInput.ASSESSMENT, text(assessedAt), age(assessedAt, today)));
    }
    return new State(lastRevenueMonth, lastSurveyDate, assessedAt, stale, thresholds());
  }

  private YearMonth lastCompleteMonth() {
    return clock.currentMonth().minusMonths(1);
  }

  private Integer revenueAge(String month) {
    if (month == null) {
      return null;
    }
    long months = ChronoUnit.MONTHS.between(YearMonth.parse(month), lastCompleteMonth());
    return (int) Math.max(0, months);
  }

  private static Integer age(LocalDate date, LocalDate today) {
    return date == null ? null : (int) Math.max(0, Period.between(date, today).toTotalMonths());
  }

  private static String text(LocalDate date) {
    return date == null ? null : date.toString();
  }
}

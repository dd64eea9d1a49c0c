package io.kam.kpi.domain.calc;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/** Survey response counts of one account (or a pooled subtree) per month. Immutable. */
public final class SurveyHistory {

  private static final SurveyHistory EMPTY = new Builder().build();

  private final NavigableMap<YearMonth, SurveyCounts> byMonth;

  private SurveyHistory(NavigableMap<YearMonth, SurveyCounts> byMonth) {
    this.byMonth = byMonth;
  }

  public static SurveyHistory empty() {
    return EMPTY;
  }

  public static Builder builder() {
    return new Builder();
  }

  public static SurveyHistory pooled(Collection<SurveyHistory> histories) {
    Builder builder = builder();
    histories.forEach(h -> h.byMonth.forEach(builder::add));
    return builder.build();
  }

  /** Counts summed over the range; {@link SurveyCounts#EMPTY} when there are none. */
  public SurveyCounts counts(MonthRange range) {
    SurveyCounts sum = SurveyCounts.EMPTY;
    for (SurveyCounts month : byMonth.subMap(range.first(), true, range.last(), true).values()) {
      sum = sum.plus(month);
    }
    return sum;
  }

  public SurveyCounts counts(Period period) {
    return counts(period.range());
  }

  public NavigableMap<YearMonth, SurveyCounts> byMonth() {
    return byMonth;
  }

  @Override
  public String toString() {
    return "SurveyHistory" + byMonth;
  }

  /** Collects responses or pre-aggregated counts per month. */
  public static final class Builder {

    private final NavigableMap<YearMonth, SurveyCounts> byMonth = new TreeMap<>();

    private Builder() {}

    public Builder csat(YearMonth month, int score) {
      return add(month, SurveyCounts.ofCsatScore(score));
    }

    public Builder nps(YearMonth month, int score) {
      return add(month, SurveyCounts.ofNpsScore(score));
    }

    /** A response belongs to the month of the UTC date of its respondedAt. */
    public Builder csat(Instant respondedAt, int score) {
      return csat(utcMonth(respondedAt), score);
    }

    public Builder nps(Instant respondedAt, int score) {
      return nps(utcMonth(respondedAt), score);
    }

    public Builder add(YearMonth month, SurveyCounts counts) {
      Objects.requireNonNull(month, "month");
      byMonth.merge(month, counts, SurveyCounts::plus);
      return this;
    }

    public SurveyHistory build() {
      return new SurveyHistory(Collections.unmodifiableNavigableMap(new TreeMap<>(byMonth)));
    }

    private static YearMonth utcMonth(Instant instant) {
      return YearMonth.from(instant.atOffset(ZoneOffset.UTC));
    }
  }
}

package io.kam.demo.portfolio;

import java.time.YearMonth;
import java.util.List;

/**
 * A generated portfolio: accounts in an order where every parent comes before its children, revenue
 * lines of the months {@code firstMonth..lastMonth}, and survey responses of the same window.
 */
public record Portfolio(
    long seed,
    YearMonth firstMonth,
    YearMonth lastMonth,
    List<DemoAccount> accounts,
    List<RevenueLine> revenueLines,
    List<SurveyResponse> surveyResponses) {

  public long contactCount() {
    return accounts.stream().mapToLong(a -> a.contacts().size()).sum();
  }
}

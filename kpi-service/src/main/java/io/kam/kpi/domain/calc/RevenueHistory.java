package io.kam.kpi.domain.calc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The net revenue of one account (or of a pooled subtree) per month and product line, with exact
 * sums. Immutable. Product lines are compared exactly as given.
 *
 * <p>Months after the period being computed may be present: every query here is bounded by a range
 * or a month, so they never leak into a KPI.
 */
public final class RevenueHistory {

  private static final RevenueHistory EMPTY = new Builder().build();

  /** month -> product line -> net amount; only months that had at least one entry. */
  private final NavigableMap<YearMonth, Map<String, BigDecimal>> byMonth;

  /** First month whose account-level net is > 0; null when there is none. */
  private final YearMonth firstPositiveMonth;

  /** Per product line, the first month whose net for that line is > 0. */
  private final Map<String, YearMonth> firstPositiveMonthByLine;

  private RevenueHistory(NavigableMap<YearMonth, Map<String, BigDecimal>> byMonth) {
    this.byMonth = byMonth;
    YearMonth firstPositive = null;
    Map<String, YearMonth> firstByLine = new HashMap<>();
    // "Revenue before" is about single months with net > 0, never a running total, so a
    // credit-note-only history (every month <= 0) never counts. Precomputing the first such
    // month turns every "had revenue before M" into one comparison.
    for (Map.Entry<YearMonth, Map<String, BigDecimal>> month : byMonth.entrySet()) {
      BigDecimal total = BigDecimal.ZERO;
      for (Map.Entry<String, BigDecimal> line : month.getValue().entrySet()) {
        total = total.add(line.getValue());
        if (line.getValue().signum() > 0) {
          firstByLine.putIfAbsent(line.getKey(), month.getKey());
        }
      }
      if (firstPositive == null && total.signum() > 0) {
        firstPositive = month.getKey();
      }
    }
    this.firstPositiveMonth = firstPositive;
    this.firstPositiveMonthByLine = firstByLine;
  }

  public static RevenueHistory empty() {
    return EMPTY;
  }

  public static Builder builder() {
    return new Builder();
  }

  public static RevenueHistory of(Collection<RevenueEntry> entries) {
    Builder builder = builder();
    entries.forEach(builder::add);
    return builder.build();
  }

  /** The union of several histories (an account's subtree): lines of equal name are summed. */
  public static RevenueHistory pooled(Collection<RevenueHistory> histories) {
    Builder builder = builder();
    histories.forEach(builder::addAll);
    return builder.build();
  }

  /** Net revenue over the range; 0 when nothing is recorded. */
  public BigDecimal net(MonthRange range) {
    BigDecimal sum = BigDecimal.ZERO;
    for (Map<String, BigDecimal> lines : slice(range).values()) {
      for (BigDecimal amount : lines.values()) {
        sum = sum.add(amount);
      }
    }
    return sum;
  }

  public BigDecimal net(Period period) {
    return net(period.range());
  }

  /** Net revenue per product line over the range, sorted by product line. */
  public NavigableMap<String, BigDecimal> netByProductLine(MonthRange range) {
    NavigableMap<String, BigDecimal> result = new TreeMap<>();
    for (Map<String, BigDecimal> lines : slice(range).values()) {
      lines.forEach((line, amount) -> result.merge(line, amount, BigDecimal::add));
    }
    return Collections.unmodifiableNavigableMap(result);
  }

  /** Whether some month before {@code month} had an account-level net revenue > 0. */
  public boolean hadRevenueBefore(YearMonth month) {
    return firstPositiveMonth != null && firstPositiveMonth.isBefore(month);
  }

  /** Whether some month before {@code month} had a net revenue > 0 on this product line. */
  public boolean productLineHadRevenueBefore(String productLine, YearMonth month) {
    YearMonth first = firstPositiveMonthByLine.get(productLine);
    return first != null && first.isBefore(month);
  }

  /**
   * The newProductLines rule with {@code window} as the period: lines with net > 0 over the window
   * and no revenue before it, sorted; empty when the account itself had no revenue before the
   * window (a new customer's first lines are not cross-sell).
   */
  public List<String> newProductLines(MonthRange window) {
    if (!hadRevenueBefore(window.first())) {
      return List.of();
    }
    List<String> lines = new ArrayList<>();
    netByProductLine(window)
        .forEach(
            (line, net) -> {
              if (net.signum() > 0 && !productLineHadRevenueBefore(line, window.first())) {
                lines.add(line);
              }
            });
    return List.copyOf(lines); // already in String order: netByProductLine is a TreeMap
  }

  /** Every (month, product line, net) held, in month then product line order. */
  public List<RevenueEntry> entries() {
    List<RevenueEntry> entries = new ArrayList<>();
    byMonth.forEach(
        (month, lines) ->
            new TreeMap<>(lines)
                .forEach((line, amount) -> entries.add(new RevenueEntry(month, line, amount))));
    return List.copyOf(entries);
  }

  private NavigableMap<YearMonth, Map<String, BigDecimal>> slice(MonthRange range) {
    return byMonth.subMap(range.first(), true, range.last(), true);
  }

  @Override
  public String toString() {
    return "RevenueHistory" + byMonth;
  }

  /** Collects entries, summing amounts of the same month and product line exactly. */
  public static final class Builder {

    private final NavigableMap<YearMonth, Map<String, BigDecimal>> byMonth = new TreeMap<>();

    private Builder() {}

    public Builder add(YearMonth month, String productLine, BigDecimal amount) {
      return add(new RevenueEntry(month, productLine, amount));
    }

    /** A revenue line belongs to the month of its date. */
    public Builder add(LocalDate date, String productLine, BigDecimal amount) {
      return add(YearMonth.from(date), productLine, amount);
    }

    public Builder add(RevenueEntry entry) {
      byMonth
          .computeIfAbsent(entry.month(), m -> new HashMap<>())
          .merge(entry.productLine(), entry.amount(), BigDecimal::add);
      return this;
    }

    public Builder addAll(RevenueHistory history) {
      history.byMonth.forEach(
          (month, lines) -> lines.forEach((line, amount) -> add(month, line, amount)));
      return this;
    }

    public RevenueHistory build() {
      NavigableMap<YearMonth, Map<String, BigDecimal>> copy = new TreeMap<>();
      byMonth.forEach((month, lines) -> copy.put(month, Map.copyOf(lines)));
      return new RevenueHistory(Collections.unmodifiableNavigableMap(copy));
    }
  }
}

package io.kam.demo.portfolio;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One account's monthly invoices per product line over the window: a level that grows or shrinks by
 * its pattern, seasonality and noise, product lines added later (cross-sell) or dropped, lumpy
 * services and training, usage-based analytics billed to 4 decimals, and occasional credit notes
 * (negative lines).
 */
final class RevenueGenerator {

  /** The months (0-based within the window) in which the account bought; empty when start > end. */
  record Activity(int start, int end) {
    boolean active(int month) {
      return month >= start && month <= end;
    }
  }

  private record Line(String name, double share, int from, int to) {}

  private RevenueGenerator() {}

  static Activity generate(Draft d, YearMonth firstMonth, Rng rng, List<RevenueLine> out) {
    int last = PortfolioGenerator.MONTHS - 1;
    if (d.pattern == RevenuePattern.PROSPECT) {
      return new Activity(1, 0);
    }
    int start = d.pattern == RevenuePattern.NEW ? rng.between(18, last) : 0;
    int end = d.pattern == RevenuePattern.CHURNED ? rng.between(11, last - 1) : last;
    double growth =
        switch (d.pattern) {
          case GROWING -> rng.uniform(0.015, 0.03);
          case DECLINING -> rng.uniform(-0.03, -0.015);
          case CHURNED -> rng.uniform(-0.02, 0.0);
          case NEW -> rng.uniform(0.0, 0.04);
          default -> rng.uniform(-0.003, 0.006);
        };
    int reference = d.pattern == RevenuePattern.CHURNED ? end : last;
    int billingDay = rng.between(1, 28);
    List<Line> lines = productLines(rng, start, end);
    double totalShare = lines.stream().mapToDouble(Line::share).sum();
    LocalDate windowEnd = firstMonth.plusMonths(last).atEndOfMonth();
    for (int t = start; t <= end; t++) {
      YearMonth month = firstMonth.plusMonths(t);
      double level =
          d.annualRevenue
              / 12
              * StrictMath.pow(1 + growth, t - reference)
              * season(month)
              * Math.max(0.3, 1 + 0.12 * rng.gaussian());
      LocalDate date = month.atDay(Math.min(billingDay, month.lengthOfMonth()));
      for (Line line : lines) {
        if (t < line.from() || t > line.to()) {
          continue;
        }
        double factor =
            switch (line.name()) {
              case "SERVICES" -> rng.chance(0.5) ? 2 : 0;
              case "TRAINING" -> rng.chance(0.25) ? 4 : 0;
              default -> 1;
            };
        double value =
            level * line.share() / totalShare * factor * Math.max(0.5, 1 + 0.08 * rng.gaussian());
        if (value < 10) {
          continue;
        }
        BigDecimal amount =
            BigDecimal.valueOf(value)
                .setScale("ANALYTICS".equals(line.name()) ? 4 : 2, RoundingMode.HALF_UP);
        String key = month.toString().replace("-", "") + "-" + d.externalId + "-" + line.name();
        out.add(line(d, "INV-" + key, date, line.name(), amount));
        if (rng.chance(0.025)) {
          BigDecimal credit =
              amount
                  .multiply(BigDecimal.valueOf(rng.uniform(0.05, 0.5)))
                  .setScale(2, RoundingMode.HALF_UP)
                  .negate();
          LocalDate creditDate = date.plusDays(rng.between(2, 20));
          out.add(
              line(
                  d,
                  "CN-" + key,
                  creditDate.isAfter(windowEnd) ? windowEnd : creditDate,
                  line.name(),
                  credit));
        }
      }
    }
    if (d.pattern == RevenuePattern.CHURNED && end < last && rng.chance(0.3)) {
      // A last credit note after the final invoice: a month with negative net revenue.
      YearMonth month = firstMonth.plusMonths(end + 1L);
      BigDecimal credit =
          BigDecimal.valueOf(d.annualRevenue / 12 * rng.uniform(0.05, 0.2))
              .setScale(2, RoundingMode.HALF_UP)
              .negate();
      out.add(
          line(
              d,
              "CN-" + month.toString().replace("-", "") + "-" + d.externalId + "-PLATFORM",
              month.atDay(Math.min(billingDay, month.lengthOfMonth())),
              "PLATFORM",
              credit));
    }
    return new Activity(start, end);
  }

  /**
   * PLATFORM always; the others by chance, from the start or added later, and sometimes dropped.
   */
  private static List<Line> productLines(Rng rng, int start, int end) {
    List<Line> lines = new ArrayList<>();
    for (Map.Entry<String, Double> e : Catalog.PRODUCT_LINES.entrySet()) {
      String name = e.getKey();
      double p =
          switch (name) {
            case "PLATFORM" -> 1;
            case "ANALYTICS" -> 0.6;
            case "SERVICES", "SUPPORT" -> 0.5;
            default -> 0.35;
          };
      if (!rng.chance(p)) {
        continue;
      }
      boolean core = "PLATFORM".equals(name);
      int from = core || rng.chance(0.5) ? start : rng.between(start, end);
      int to = !core && rng.chance(0.1) && from + 3 <= end ? rng.between(from + 3, end) : end;
      lines.add(new Line(name, e.getValue(), from, to));
    }
    return lines;
  }

  private static double season(YearMonth month) {
    return switch (month.getMonthValue()) {
      case 12 -> 1.15;
      case 8 -> 0.85;
      case 1 -> 0.9;
      default -> 1.0;
    };
  }

  private static RevenueLine line(
      Draft d, String externalId, LocalDate date, String productLine, BigDecimal amount) {
    return new RevenueLine(
        Catalog.REVENUE_SOURCE,
        externalId.toUpperCase(Locale.ROOT),
        Catalog.ACCOUNT_SOURCE,
        d.externalId,
        date,
        productLine,
        amount);
  }
}

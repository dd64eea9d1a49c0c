package io.kam.kpi.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.kam.kpi.domain.calc.Period;
import io.kam.kpi.domain.calc.PortfolioKpiCalculator;
import io.kam.kpi.domain.calc.PortfolioKpis;
import io.kam.kpi.domain.kpi.PortfolioFactsQuery;
import io.kam.kpi.domain.kpi.Segment;
import io.kam.kpi.testdata.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, NOT run by {@code verify} (its name matches neither surefire's nor failsafe's
 * patterns). Run it on purpose:
 *
 * <pre>
 * cd /work/main &amp;&amp; ./mvnw -B -o -q -pl kpi-service verify -Dtest=PortfolioBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false [-Dkam.bench.accounts=10000 -Dkam.bench.months=36]
 * cat kpi-service/target/kpi-benchmark.txt
 * </pre>
 *
 * It loads N accounts into the read model (directly by SQL: account events are not what is
 * measured), ingests one revenue line per account and month through PUT /api/v1/revenue-lines
 * in batches of 5000 (the ingest rate, aggregates and snapshots included), then times GET
 * /api/v1/portfolio/kpis for the bench segment, and the same facts query in process over the
 * monthly aggregates next to the very same SQL over the raw lines (grouped by month on the fly)
 * in the same database; both must give equal KPIs.
 */
@QuarkusTest
class PortfolioBenchmark {

  private static final String OWNER = "bench-" + UUID.randomUUID();
  private static final String[] PRODUCT_LINES = {"ANALYTICS", "CLOUD", "SERVICES"};

  @Inject AgroalDataSource dataSource;
  @Inject PortfolioFactsQuery facts;

  @Test
  void portfolioKpisOverAggregatesVersusRawLines() throws Exception {
    int accounts = Integer.getInteger("kam.bench.accounts", 10_000);
    int months = Integer.getInteger("kam.bench.months", 36);
    List<UUID> ids = createAccounts(accounts);
    LocalDate firstMonth = LocalDate.of(2026, 9, 1).minusMonths(months - 1L);

    long lines = 0;
    long ingestStart = System.nanoTime();
    List<Map<String, Object>> batch = new ArrayList<>();
    for (int m = 0; m < months; m++) {
      for (int a = 0; a < ids.size(); a++) {
        batch.add(line(ids.get(a), firstMonth.plusMonths(m).plusDays(a % 28), a, m));
        if (batch.size() == 5000) {
          lines += send(batch);
        }
      }
    }
    lines += send(batch);
    double ingestSeconds = (System.nanoTime() - ingestStart) / 1e9;

    long drainStart = System.nanoTime();
    awaitOutboxDrained();
    double drainSeconds = (System.nanoTime() - drainStart) / 1e9;

    String period = "2026-Q3";
    Segment segment = new Segment(OWNER, null, null, null, null, null);
    JsonPath portfolio = null;
    PortfolioKpis aggregated = null;
    PortfolioKpis raw = null;
    long[] apiMillis = new long[7];
    long[] aggMillis = new long[7];
    long[] rawMillis = new long[7];
    for (int i = 0; i < apiMillis.length; i++) { // alternated, so all see the same machine load
      long t = System.nanoTime();
      portfolio = Api.portfolio(period, OWNER);
      apiMillis[i] = (System.nanoTime() - t) / 1_000_000;
      t = System.nanoTime();
      aggregated = PortfolioKpiCalculator.compute(Period.parse(period), facts.facts(Period.parse(period), segment));
      aggMillis[i] = (System.nanoTime() - t) / 1_000_000;
      t = System.nanoTime();
      raw = PortfolioKpiCalculator.compute(Period.parse(period),
          facts.facts(RAW_LINES, Period.parse(period), segment));
      rawMillis[i] = (System.nanoTime() - t) / 1_000_000;
    }
    BigDecimal rawTotal = raw.totalRevenue();
    assertEquals(aggregated, raw, "aggregates and raw lines give the same portfolio KPIs");
    assertEquals(0, new BigDecimal(portfolio.getString("totalRevenue")).compareTo(rawTotal),
        "both ways compute the same totals");

    String report = String.format(
        "kpi-service benchmark: %d accounts x %d months = %d revenue lines%n"
            + "ingest: %.1f s, %.0f lines/s (PUT /api/v1/revenue-lines, batches of 5000)%n"
            + "outbox drained (one snapshot event per touched account and batch) %.1f s after the last batch%n"
            + "portfolio KPIs %s over monthly aggregates, HTTP GET /api/v1/portfolio/kpis, ms: %s (median %d)%n"
            + "  same, in process (SQL + PortfolioKpiCalculator), ms: %s (median %d)%n"
            + "the same SQL and calculator over the raw revenue_line rows, ms: %s (median %d)%n"
            + "totalRevenue %s, activeAccounts %d%n",
        accounts, months, lines, ingestSeconds, lines / ingestSeconds, drainSeconds, period, Arrays.toString(apiMillis),
        median(apiMillis), Arrays.toString(aggMillis), median(aggMillis), Arrays.toString(rawMillis), median(rawMillis), rawTotal,
        portfolio.getInt("activeAccounts"));
    System.out.print(report);
    Files.writeString(Path.of("target", "kpi-benchmark.txt"), report);
  }

  /** Read-only look at the chassis backlog, so the relay's publishing does not skew timings. */
  private void awaitOutboxDrained() throws Exception {
    for (int i = 0; i < 1200; i++) {
      try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("select count(*) from kam_chassis.outbox where sent_at is null")) {
        rs.next();
        if (rs.getLong(1) == 0) {
          return;
        }
      }
      Thread.sleep(500);
    }
  }

  private List<UUID> createAccounts(int n) throws Exception {
    List<UUID> ids = new ArrayList<>();
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute("insert into account (id, owner_id, industry, country, region, wallet)"
          + " select gen_random_uuid(), '" + OWNER + "', 'MANUFACTURING', 'DE', 'EMEA', 1000000"
          + " from generate_series(1, " + n + ")");
      try (ResultSet rs = s.executeQuery("select id from account where owner_id = '" + OWNER + "' order by id")) {
        while (rs.next()) {
          ids.add(rs.getObject(1, UUID.class));
        }
      }
    }
    return ids;
  }

  /** Mostly growing revenue, some credit notes, a third product line from the second year on. */
  private static Map<String, Object> line(UUID account, LocalDate date, int a, int m) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("source", "bench");
    item.put("externalId", account + "-" + m);
    item.put("accountId", account.toString());
    item.put("date", date.toString());
    item.put("productLine", PRODUCT_LINES[(a + m) % (m >= 12 ? 3 : 2)]);
    item.put("amount", (a % 17 == 0 && m % 5 == 0) ? new BigDecimal("-250.5") : new BigDecimal(1000 + a % 100 * 10 + m));
    return item;
  }

  private static int send(List<Map<String, Object>> batch) {
    if (batch.isEmpty()) {
      return 0;
    }
    int n = batch.size();
    Api.integration().body(Map.of("items", batch)).when().put("/api/v1/revenue-lines").then().statusCode(200);
    batch.clear();
    return n;
  }

  /** The raw lines in the shape of the aggregate: the plain way to get the same totals. */
  static final String RAW_LINES = "(select l.account_id, date_trunc('month', l.line_date)::date as month,"
      + " l.product_line, sum(l.amount) as amount from revenue_line l"
      + " where not l.voided and l.account_id is not null group by 1, 2, 3)";

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}

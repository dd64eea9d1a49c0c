package io.kam.kpi.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.kam.chassis.sql.Jdbc;
import io.kam.chassis.sql.SqlParams;
import io.kam.kpi.domain.calc.AccountPeriodFacts;
import io.kam.kpi.domain.calc.Period;
import io.kam.kpi.domain.calc.PortfolioKpiCalculator;
import io.kam.kpi.domain.calc.PortfolioKpis;
import io.kam.kpi.domain.calc.SurveyCounts;
import io.kam.kpi.domain.kpi.PortfolioFactsQuery;
import io.kam.kpi.domain.kpi.Segment;
import io.kam.kpi.testdata.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
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
 * ./mvnw -B -o -q -pl kpi-service verify -Dtest=PortfolioBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false [-Dkam.bench.accounts=10000 -Dkam.bench.months=36]
 * cat kpi-service/target/kpi-benchmark.txt
 * </pre>
 *
 * It loads N accounts into the read model (directly by SQL: account events are not what is
 * measured), ingests one revenue line per account and month through PUT /api/v1/revenue-lines in
 * batches of 5000 (the ingest rate, aggregates and snapshots included), then times GET
 * /api/v1/portfolio/kpis for the bench segment, and the service's facts query in process, next to a
 * plain SQL aggregate over the raw lines computing the same per-account facts in the same database
 * (whole history, grouped by month on the fly); both must give equal KPIs.
 */
@QuarkusTest
class PortfolioBenchmark {

  private static final String OWNER = "bench-" + UUID.randomUUID();
  private static final String[] PRODUCT_LINES = {"ANALYTICS", "CLOUD", "SERVICES"};

  @Inject AgroalDataSource dataSource;
  @Inject Jdbc jdbc;
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
      aggregated =
          PortfolioKpiCalculator.compute(
              Period.parse(period), facts.facts(Period.parse(period), segment));
      aggMillis[i] = (System.nanoTime() - t) / 1_000_000;
      t = System.nanoTime();
      raw = rawLinesKpis(Period.parse(period));
      rawMillis[i] = (System.nanoTime() - t) / 1_000_000;
    }
    BigDecimal rawTotal = raw.totalRevenue();
    assertEquals(aggregated, raw, "aggregates and raw lines give the same portfolio KPIs");
    assertEquals(
        0,
        new BigDecimal(portfolio.getString("totalRevenue")).compareTo(rawTotal),
        "both ways compute the same totals");

    String report =
        String.format(
            "kpi-service benchmark: %d accounts x %d months = %d revenue lines%n"
                + "ingest: %.1f s, %.0f lines/s (PUT /api/v1/revenue-lines, batches of 5000)%n"
                + "outbox drained (one snapshot event per touched account and batch) %.1f s after the last batch%n"
                + "portfolio KPIs %s over monthly aggregates, HTTP GET /api/v1/portfolio/kpis, ms: %s (median %d)%n"
                + "  same, in process (SQL + PortfolioKpiCalculator), ms: %s (median %d)%n"
                + "plain SQL over the raw revenue_line rows (same facts, same calculator), ms: %s (median %d)%n"
                + "totalRevenue %s, activeAccounts %d%n",
            accounts,
            months,
            lines,
            ingestSeconds,
            lines / ingestSeconds,
            drainSeconds,
            period,
            Arrays.toString(apiMillis),
            median(apiMillis),
            Arrays.toString(aggMillis),
            median(aggMillis),
            Arrays.toString(rawMillis),
            median(rawMillis),
            rawTotal,
            portfolio.getInt("activeAccounts"));
    System.out.print(report);
    Files.writeString(Path.of("target", "kpi-benchmark.txt"), report);
  }

  /** Read-only look at the chassis backlog, so the relay's publishing does not skew timings. */
  private void awaitOutboxDrained() throws Exception {
    for (int i = 0; i < 1200; i++) {
      try (Connection c = dataSource.getConnection();
          Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery("select count(*) from kam_chassis.outbox where sent_at is null")) {
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
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "insert into account (id, owner_id, industry, country, region, wallet)"
              + " select gen_random_uuid(), '"
              + OWNER
              + "', 'MANUFACTURING', 'DE', 'EMEA', 1000000"
              + " from generate_series(1, "
              + n
              + ")");
      try (ResultSet rs =
          s.executeQuery("select id from account where owner_id = '" + OWNER + "' order by id")) {
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
    item.put(
        "amount",
        (a % 17 == 0 && m % 5 == 0)
            ? new BigDecimal("-250.5")
            : new BigDecimal(1000 + a % 100 * 10 + m));
    return item;
  }

  private static int send(List<Map<String, Object>> batch) {
    if (batch.isEmpty()) {
      return 0;
    }
    int n = batch.size();
    Api.integration()
        .body(Map.of("items", batch))
        .when()
        .put("/api/v1/revenue-lines")
        .then()
        .statusCode(200);
    batch.clear();
    return n;
  }

  /**
   * The plain way: the same per-account facts straight from the raw lines (grouped by month on the
   * fly, the whole history scanned for "revenue before P"), fed to the same calculator.
   */
  private static final String RAW_FACTS =
      """
      with hist as materialized (
        select l.account_id, date_trunc('month', l.line_date)::date as month, l.product_line,
               sum(l.amount) amount
        from revenue_line l join account a on a.id = l.account_id
        where not a.deleted and a.owner_id = :owner and not l.voided and l.line_date <= :pEnd
        group by 1, 2, 3),
      per_month as (select account_id, month, sum(amount) total from hist group by 1, 2),
      per_line as (
        select account_id, product_line,
          coalesce(sum(amount) filter (where month >= :pFirst), 0) in_p,
          coalesce(bool_or(month < :pFirst and amount > 0), false) line_before
        from hist group by 1, 2),
      facts as (
        select account_id,
          coalesce(sum(total) filter (where month >= :pFirst), 0) rev,
          coalesce(sum(total) filter (where month between :prevFirst and :prevLast), 0) prev,
          coalesce(sum(total) filter (where month between :yFirst and :yLast), 0) yago,
          coalesce(bool_or(month < :pFirst and total > 0), false) had_before, 0 new_lines
        from per_month group by account_id
        union all
        select account_id, 0, 0, 0, false, count(*) filter (where in_p > 0 and not line_before)
        from per_line group by account_id
        union all
        select a.id, 0, 0, 0, false, 0 from account a where not a.deleted and a.owner_id = :owner)
      select account_id, sum(rev), sum(prev), sum(yago), bool_or(had_before), sum(new_lines)
      from facts group by account_id
      """;

  private PortfolioKpis rawLinesKpis(Period period) throws Exception {
    Map<String, Object> params = new java.util.HashMap<>();
    params.put("owner", OWNER);
    params.put("pEnd", period.lastMonth().atEndOfMonth());
    params.put("pFirst", period.firstMonth());
    params.put("prevFirst", period.previous().firstMonth());
    params.put("prevLast", period.previous().lastMonth());
    params.put("yFirst", period.yearAgo().firstMonth());
    params.put("yLast", period.yearAgo().lastMonth());
    List<AccountPeriodFacts> facts =
        jdbc.list(
            RAW_FACTS,
            SqlParams.of(params),
            r -> {
              java.sql.ResultSet rs = r.resultSet();
              boolean before = rs.getBoolean(5);
              return new AccountPeriodFacts(
                  rs.getObject(1, UUID.class),
                  rs.getBigDecimal(2),
                  rs.getBigDecimal(3),
                  rs.getBigDecimal(4),
                  before,
                  before ? rs.getInt(6) : 0,
                  SurveyCounts.EMPTY);
            });
    return PortfolioKpiCalculator.compute(period, facts);
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}

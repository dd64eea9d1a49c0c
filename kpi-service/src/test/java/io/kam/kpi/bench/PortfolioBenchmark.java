package io.kam.kpi.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
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
 * /api/v1/portfolio/kpis for the bench segment next to a plain SQL aggregate over the raw lines
 * computing the same per-account totals in the same database.
 */
@QuarkusTest
class PortfolioBenchmark {

  private static final String OWNER = "bench-" + UUID.randomUUID();
  private static final String[] PRODUCT_LINES = {"ANALYTICS", "CLOUD", "SERVICES"};

  @Inject AgroalDataSource dataSource;

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

    String period = "2026-Q3";
    JsonPath portfolio = null;
    long[] apiMillis = new long[5];
    for (int i = 0; i < apiMillis.length; i++) {
      long t = System.nanoTime();
      portfolio = Api.portfolio(period, OWNER);
      apiMillis[i] = (System.nanoTime() - t) / 1_000_000;
    }
    long[] rawMillis = new long[5];
    BigDecimal rawTotal = null;
    for (int i = 0; i < rawMillis.length; i++) {
      long t = System.nanoTime();
      rawTotal = rawLinesTotals();
      rawMillis[i] = (System.nanoTime() - t) / 1_000_000;
    }
    assertEquals(0, new BigDecimal(portfolio.getString("totalRevenue")).compareTo(rawTotal),
        "both ways compute the same totals");

    String report = String.format(
        "kpi-service benchmark: %d accounts x %d months = %d revenue lines%n"
            + "ingest: %.1f s, %.0f lines/s (PUT /api/v1/revenue-lines, batches of 5000)%n"
            + "portfolio KPIs %s over aggregates (HTTP, SQL + calculator), ms per run: %s (median %d)%n"
            + "plain SQL over raw revenue_line (same per-account facts), ms per run: %s (median %d)%n"
            + "totalRevenue %s, activeAccounts %d%n",
        accounts, months, lines, ingestSeconds, lines / ingestSeconds, period, Arrays.toString(apiMillis),
        median(apiMillis), Arrays.toString(rawMillis), median(rawMillis), rawTotal,
        portfolio.getInt("activeAccounts"));
    System.out.print(report);
    Files.writeString(Path.of("target", "kpi-benchmark.txt"), report);
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

  /** The same per-account facts as PortfolioFactsQuery, straight from the raw lines. */
  private BigDecimal rawLinesTotals() throws Exception {
    String sql = """
        with hist as materialized (
          select l.account_id, date_trunc('month', l.line_date)::date as month, l.product_line,
                 sum(l.amount) amount
          from revenue_line l join account a on a.id = l.account_id and not a.deleted
          where not l.voided and a.owner_id = '%s' and l.line_date <= date '2026-09-30'
          group by 1, 2, 3),
        sums as (select account_id,
            coalesce(sum(amount) filter (where month >= date '2026-07-01'), 0) rev,
            coalesce(sum(amount) filter (where month between date '2026-04-01' and date '2026-06-01'), 0) prev,
            coalesce(sum(amount) filter (where month between date '2025-07-01' and date '2025-09-01'), 0) yago
          from hist group by account_id),
        had_before as (select distinct account_id from (select account_id from hist
            where month < date '2026-07-01' group by account_id, month having sum(amount) > 0) m),
        lines_before as (select distinct account_id, product_line from hist
            where month < date '2026-07-01' and amount > 0),
        cross_sell as (select p.account_id, count(*) n from (select account_id, product_line from hist
            where month >= date '2026-07-01' group by 1, 2 having sum(amount) > 0) p
            where not exists (select 1 from lines_before b where b.account_id = p.account_id
                              and b.product_line = p.product_line) group by p.account_id)
        select sum(s.rev), sum(s.prev), sum(s.yago), count(hb.account_id), sum(cs.n)
        from sums s left join had_before hb using (account_id) left join cross_sell cs using (account_id)
        """.formatted(OWNER);
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getBigDecimal(1);
    }
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}

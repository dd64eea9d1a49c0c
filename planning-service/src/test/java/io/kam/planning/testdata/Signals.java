package io.kam.planning.testdata;

import static org.awaitility.Awaitility.await;

import io.kam.planning.domain.AccountMetrics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** KPI snapshots and scoring events as kpi-service and scoring-service publish them. */
public final class Signals {

  public static final Producer KPI = Producer.kpiService();
  public static final Producer SCORING = Producer.scoringService();

  private Signals() {}

  /**
   * A snapshot with all values set (t12mRevenue 100000, growth 0.05, ...), overridden by {@code
   * values}.
   */
  public static Map<String, Object> snapshot(UUID accountId, Map<String, Object> values) {
    Map<String, Object> d = new HashMap<>();
    d.put("accountId", accountId.toString());
    d.put("asOfMonth", "2026-09");
    d.put("t12mRevenue", new BigDecimal("100000.00"));
    d.put("t12mGrowth", new BigDecimal("0.05"));
    d.put("last3mGrowth", new BigDecimal("0.01"));
    d.put("shareOfWallet", new BigDecimal("0.2"));
    d.put("npsT12m", new BigDecimal("10"));
    d.put("csatT12m", new BigDecimal("75"));
    d.put("crossSellCount", 1);
    d.putAll(values);
    return d;
  }

  /** Publishes a snapshot and waits until planning has stored it. */
  public static void publishSnapshot(UUID accountId, Map<String, Object> values) {
    Map<String, Object> data = snapshot(accountId, values);
    KPI.publish("kam.kpi.snapshot.v1", accountId, data);
    awaitMetrics(
        accountId,
        m ->
            m.t12mRevenue != null
                && m.t12mRevenue.compareTo(new BigDecimal(data.get("t12mRevenue").toString())) == 0
                && m.crossSellCount != null
                && m.crossSellCount.equals(data.get("crossSellCount"))
                && m.npsT12m != null
                && m.npsT12m.compareTo(new BigDecimal(data.get("npsT12m").toString())) == 0);
  }

  /** Publishes kam.score.changed.v1 and waits until planning has stored the score. */
  public static void publishScore(UUID accountId, String score) {
    Map<String, Object> data =
        new HashMap<>(
            Map.of(
                "accountId",
                accountId.toString(),
                "score",
                new BigDecimal(score),
                "tier",
                "KEY",
                "computedTier",
                "KEY",
                "type",
                "STRATEGIC",
                "defectionRisk",
                "LOW",
                "riskReasons",
                List.of(),
                "coverage",
                1,
                "modelVersion",
                1));
    data.put("previousTier", null);
    data.put("previousDefectionRisk", null);
    SCORING.publish("kam.score.changed.v1", accountId, data);
    awaitMetrics(accountId, m -> m.score != null && m.score.compareTo(new BigDecimal(score)) == 0);
  }

  public static Producer.Sent keyDesignated(UUID accountId) {
    return SCORING.next(
        "kam.score.key-designated.v1",
        accountId,
        Map.of("accountId", accountId.toString(), "tier", "KEY", "reason", "SCORE", "score", 75.0));
  }

  public static Producer.Sent keyRevoked(UUID accountId) {
    return SCORING.next(
        "kam.score.key-revoked.v1",
        accountId,
        Map.of(
            "accountId",
            accountId.toString(),
            "tier",
            "STANDARD",
            "reason",
            "MANUAL",
            "score",
            40.0));
  }

  public static Producer.Sent riskChanged(
      UUID accountId, String risk, String previous, List<String> reasons) {
    return SCORING.next(
        "kam.score.risk-changed.v1",
        accountId,
        Map.of(
            "accountId",
            accountId.toString(),
            "defectionRisk",
            risk,
            "previousDefectionRisk",
            previous,
            "riskReasons",
            reasons));
  }

  public static void awaitMetrics(UUID accountId, Predicate<AccountMetrics> done) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              AccountMetrics m =
                  QuarkusTransaction.requiringNew()
                      .call(
                          () ->
                              CDI.current()
                                  .select(EntityManager.class)
                                  .get()
                                  .find(AccountMetrics.class, accountId));
              return m != null && done.test(m);
            });
  }
}

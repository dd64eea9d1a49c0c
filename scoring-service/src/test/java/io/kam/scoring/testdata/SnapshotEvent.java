package io.kam.scoring.testdata;

import io.kam.platform.TestKafka;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;

/**
 * KPI snapshots as kpi-service publishes them: {@code aSnapshot(id).t12mRevenue("152000.00")
 * .sequence(1).send()}. Unset values are null (unknown).
 */
public final class SnapshotEvent {

  private final UUID accountId;
  private String asOfMonth = "2026-10";
  private String t12mRevenue;
  private String t12mGrowth;
  private String last3mGrowth;
  private String shareOfWallet;
  private String npsT12m;
  private String csatT12m;
  private int crossSellCount;
  private String lastRevenueMonth;
  private String lastSurveyDate;
  private long sequence = 1;
  private String eventId = UUID.randomUUID().toString();

  private SnapshotEvent(UUID accountId) {
    this.accountId = accountId;
  }

  public static SnapshotEvent aSnapshot(UUID accountId) {
    return new SnapshotEvent(accountId);
  }

  /**
   * The API contract's example account: with assessment 4/5/3/3 it scores 63.3
   * (ScoreCalculatorTest).
   */
  public static SnapshotEvent acmeSnapshot(UUID accountId) {
    return aSnapshot(accountId)
        .t12mRevenue("152000.00")
        .t12mGrowth("0.21")
        .last3mGrowth("0.0853")
        .shareOfWallet("0.0608")
        .npsT12m("33.33333333")
        .csatT12m("80.0")
        .crossSellCount(1);
  }

  public SnapshotEvent t12mRevenue(String v) {
    t12mRevenue = v;
    return this;
  }

  public SnapshotEvent t12mGrowth(String v) {
    t12mGrowth = v;
    return this;
  }

  public SnapshotEvent last3mGrowth(String v) {
    last3mGrowth = v;
    return this;
  }

  public SnapshotEvent shareOfWallet(String v) {
    shareOfWallet = v;
    return this;
  }

  public SnapshotEvent npsT12m(String v) {
    npsT12m = v;
    return this;
  }

  public SnapshotEvent csatT12m(String v) {
    csatT12m = v;
    return this;
  }

  public SnapshotEvent crossSellCount(int v) {
    crossSellCount = v;
    return this;
  }

  /** The latest month with revenue ("YYYY-MM"), null: none. */
  public SnapshotEvent lastRevenueMonth(String v) {
    lastRevenueMonth = v;
    return this;
  }

  /** The latest survey response's date ("YYYY-MM-DD"), null: none. */
  public SnapshotEvent lastSurveyDate(String v) {
    lastSurveyDate = v;
    return this;
  }

  public SnapshotEvent asOfMonth(String v) {
    asOfMonth = v;
    return this;
  }

  public SnapshotEvent sequence(long v) {
    sequence = v;
    return this;
  }

  /** Reuses an event id, as a redelivery would. */
  public SnapshotEvent eventId(String id) {
    eventId = id;
    return this;
  }

  public String eventId() {
    return eventId;
  }

  /**
   * kpi-service always knows the trailing revenue (0 without lines), so its schema makes it a
   * number. A snapshot whose revenue a test leaves unset carries the revenue that scores the same
   * points as its NPS under the default model (LOG from 10 000 to 10 000 000), so the score still
   * reads as the NPS's points; without an NPS it is 0.
   */
  private String revenue() {
    if (t12mRevenue != null) {
      return t12mRevenue;
    }
    if (npsT12m == null) {
      return "0";
    }
    double points = Math.max(0, Math.min(100, (Double.parseDouble(npsT12m) + 100) / 2));
    return new BigDecimal(Math.pow(10, 4 + 3 * points / 100))
        .setScale(6, RoundingMode.HALF_UP)
        .toPlainString();
  }

  private static String quoted(String v) {
    return v == null ? "null" : "\"" + v + "\"";
  }

  public SnapshotEvent send() {
    String data =
        ("{\"accountId\":\"%s\",\"asOfMonth\":\"%s\",\"t12mRevenue\":%s,\"t12mGrowth\":%s,"
                + "\"last3mGrowth\":%s,\"shareOfWallet\":%s,\"npsT12m\":%s,\"csatT12m\":%s,"
                + "\"crossSellCount\":%d,\"lastRevenueMonth\":%s,\"lastSurveyDate\":%s}")
            .formatted(
                accountId,
                asOfMonth,
                revenue(),
                t12mGrowth,
                last3mGrowth,
                shareOfWallet,
                npsT12m,
                csatT12m,
                crossSellCount,
                quoted(lastRevenueMonth),
                quoted(lastSurveyDate));
    TestKafka.send(
        "kam.kpi.events",
        accountId.toString(),
        TestKafka.cloudEvent(
            eventId, "kam.kpi.snapshot.v1", "/kpi-service", accountId.toString(), sequence, data));
    return this;
  }
}

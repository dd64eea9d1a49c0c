package io.kam.demo.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kam.demo.load.Payloads;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The benchmark's rows, generated the same way for the API and for the COPY baseline: accounts of
 * one CRM, revenue lines and survey responses spread over them. Deterministic for a run id.
 */
final class BenchData {

  static final String SOURCE = "bench";
  private static final List<String> PRODUCTS =
      List.of("Platform", "Analytics", "Services", "Support", "Training");
  private static final List<String> COUNTRIES =
      List.of("DE", "FR", "GB", "US", "NL", "ES", "IT", "SE");

  private final String run;
  private final int accounts;
  private final LocalDate today;

  BenchData(String run, int accounts, LocalDate today) {
    this.run = run;
    this.accounts = accounts;
    this.today = today;
  }

  String accountExternalId(int i) {
    return run + "-a" + i;
  }

  /**
   * Account {@code i} as a sync item; {@code pass} goes into the name (a new pass renames every
   * account).
   */
  ObjectNode account(int i, int pass) {
    return Payloads.JSON
        .createObjectNode()
        .put("source", SOURCE)
        .put("externalId", accountExternalId(i))
        .put("name", name(i, pass))
        .put("country", COUNTRIES.get(i % COUNTRIES.size()))
        .put("industry", "Manufacturing")
        .put("ownerId", "bench-kam-" + (i % 50));
  }

  String name(int i, int pass) {
    return "Bench " + run + " " + i + (pass == 0 ? "" : " rev " + pass);
  }

  String country(int i) {
    return COUNTRIES.get(i % COUNTRIES.size());
  }

  /** Revenue line {@code n}: account n mod accounts, a date within the last 24 months. */
  RevenueRow revenueLine(int n) {
    SplittableRandom r = new SplittableRandom(n * 31L + run.hashCode());
    int account = n % accounts;
    LocalDate date = today.withDayOfMonth(1).minusMonths(r.nextInt(24)).plusDays(r.nextInt(28));
    BigDecimal amount = BigDecimal.valueOf(10_000 + r.nextInt(990_000), 2);
    return new RevenueRow(
        run + "-r" + n,
        accountExternalId(account),
        date,
        PRODUCTS.get(r.nextInt(PRODUCTS.size())),
        amount);
  }

  ObjectNode revenuePayload(RevenueRow row) {
    return Payloads.JSON
        .createObjectNode()
        .put("source", SOURCE)
        .put("externalId", row.externalId())
        .put("accountSource", SOURCE)
        .put("accountExternalId", row.accountExternalId())
        .put("date", row.date().toString())
        .put("productLine", row.productLine())
        .put("amount", row.amount());
  }

  /** Survey response {@code n}: CSAT 1..5 or NPS 0..10 within the last 12 months. */
  SurveyRow survey(int n) {
    SplittableRandom r = new SplittableRandom(n * 17L + run.hashCode() + 1);
    boolean csat = r.nextBoolean();
    int score = csat ? 1 + r.nextInt(5) : r.nextInt(11);
    var at = today.minusDays(1 + r.nextInt(360)).atTime(10, 0).toInstant(ZoneOffset.UTC);
    return new SurveyRow(
        run + "-s" + n, accountExternalId(n % accounts), csat ? "CSAT" : "NPS", score, at);
  }

  ObjectNode surveyPayload(SurveyRow row) {
    return Payloads.JSON
        .createObjectNode()
        .put("source", SOURCE)
        .put("externalId", row.externalId())
        .put("accountSource", SOURCE)
        .put("accountExternalId", row.accountExternalId())
        .put("kind", row.kind())
        .put("score", row.score())
        .put("respondedAt", row.respondedAt().toString());
  }

  record RevenueRow(
      String externalId,
      String accountExternalId,
      LocalDate date,
      String productLine,
      BigDecimal amount) {}

  record SurveyRow(
      String externalId,
      String accountExternalId,
      String kind,
      int score,
      java.time.Instant respondedAt) {}
}

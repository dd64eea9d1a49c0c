package io.kam.kpi.testdata;

import static org.awaitility.Awaitility.await;

import io.kam.platform.TestKafka;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An account as account-service would announce it on kam.account.events: {@code
 * anAccount().ownedBy("kam-anna").withWallet("100000").create()} puts kam.account.created.v1 and
 * waits until the read model knows it.
 */
public final class TestAccount {

  private static final String TOPIC = "kam.account.events";
  private static final String SOURCE = "/account-service";

  private final UUID id = UUID.randomUUID();
  private final AtomicLong sequence = new AtomicLong();
  private final Map<String, Object> data = new LinkedHashMap<>();

  private TestAccount() {
    data.put("id", id.toString());
    data.put("source", null);
    data.put("externalId", null);
    data.put("name", "Account " + id);
    data.put("ownerId", "kam-" + UUID.randomUUID());
    data.put("industry", "MANUFACTURING");
    data.put("country", "DE");
    data.put("region", "EMEA");
    data.put("potentialAnnualSpend", null);
    data.put("parentId", null);
    data.put("team", java.util.List.of());
    data.put("lifecycle", "CUSTOMER");
    data.put("relationshipStage", null);
    Map<String, Object> assessment = new LinkedHashMap<>();
    for (String criterion :
        new String[] {"strategicAlignment", "marketInfluence", "fit", "partnership"}) {
      assessment.put(criterion, null);
    }
    data.put("assessment", assessment);
    data.put("version", 1);
    data.put("changedFields", java.util.List.of());
  }

  public static TestAccount anAccount() {
    return new TestAccount();
  }

  public UUID id() {
    return id;
  }

  public String ownerId() {
    return (String) data.get("ownerId");
  }

  public TestAccount ownedBy(String ownerId) {
    data.put("ownerId", ownerId);
    return this;
  }

  public TestAccount withWallet(String wallet) {
    data.put("potentialAnnualSpend", wallet == null ? null : new BigDecimal(wallet));
    return this;
  }

  public TestAccount withExternalRef(String source, String externalId) {
    data.put("source", source);
    data.put("externalId", externalId);
    return this;
  }

  public TestAccount childOf(TestAccount parent) {
    data.put("parentId", parent.id().toString());
    return this;
  }

  public TestAccount inIndustry(String industry) {
    data.put("industry", industry);
    return this;
  }

  /** Announces the account and waits until its KPIs answer. */
  public TestAccount create() {
    send("kam.account.created.v1", data);
    await().atMost(Duration.ofSeconds(30)).until(() -> status() == 200);
    return this;
  }

  /** Announces the account without waiting (e.g. to check what happens meanwhile). */
  public TestAccount announce() {
    send("kam.account.created.v1", data);
    return this;
  }

  public TestAccount update() {
    send("kam.account.updated.v1", data);
    return this;
  }

  /** Deletes the account and waits until it is gone from the KPIs. */
  public void delete() {
    Map<String, Object> deleted = new LinkedHashMap<>();
    deleted.put("id", id.toString());
    deleted.put("source", data.get("source"));
    deleted.put("externalId", data.get("externalId"));
    deleted.put("version", 99);
    send("kam.account.deleted.v1", deleted);
    await().atMost(Duration.ofSeconds(30)).until(() -> status() == 404);
  }

  /** As scoring would announce a change of tier and type. */
  public void scored(String tier, String type) {
    Map<String, Object> score =
        new LinkedHashMap<>(
            Map.of(
                "accountId",
                id.toString(),
                "tier",
                tier,
                "computedTier",
                tier,
                "type",
                type,
                "defectionRisk",
                "LOW",
                "score",
                50,
                "riskReasons",
                java.util.List.of(),
                "coverage",
                1,
                "modelVersion",
                1));
    score.put("previousTier", null);
    score.put("previousDefectionRisk", null);
    TestKafka.send(
        "kam.score.events",
        id.toString(),
        TestKafka.cloudEvent(
            UUID.randomUUID().toString(),
            "kam.score.changed.v1",
            "/scoring-service",
            id.toString(),
            sequence.incrementAndGet(),
            Json.write(score)));
  }

  private void send(String type, Map<String, Object> payload) {
    TestKafka.send(
        TOPIC,
        id.toString(),
        TestKafka.cloudEvent(
            UUID.randomUUID().toString(),
            type,
            SOURCE,
            id.toString(),
            sequence.incrementAndGet(),
            Json.write(payload)));
  }

  private int status() {
    return Api.viewer().when().get("/api/v1/accounts/{id}/kpis", id).statusCode();
  }
}

package io.kam.scoring.testdata;

import io.kam.platform.TestKafka;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Account events as account-service publishes them: {@code anAccount().ownedBy("kam-anna")
 * .assessment(4, 5, 3, 3).create()}. Sequences increase per account like the real producer's.
 */
public final class AccountEvent {

  private final UUID id = UUID.randomUUID();
  private final AtomicLong sequence = new AtomicLong();
  private String name = "Account " + id.toString().substring(0, 8);
  private String ownerId = "kam-" + id.toString().substring(0, 8);
  private Integer strategicAlignment;
  private Integer marketInfluence;
  private Integer fit;
  private Integer partnership;
  private String assessedAt;
  private String team = "[]";
  private String industry = "MANUFACTURING";
  private String country = "DE";
  private String region = "EMEA";

  private AccountEvent() {}

  public static AccountEvent anAccount() {
    return new AccountEvent();
  }

  public UUID id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String ownerId() {
    return ownerId;
  }

  public AccountEvent named(String name) {
    this.name = name;
    return this;
  }

  public AccountEvent ownedBy(String ownerId) {
    this.ownerId = ownerId;
    return this;
  }

  /** strategicAlignment, marketInfluence, fit, partnership; null leaves one unassessed. */
  public AccountEvent assessment(
      Integer strategic, Integer influence, Integer fit, Integer partnership) {
    this.strategicAlignment = strategic;
    this.marketInfluence = influence;
    this.fit = fit;
    this.partnership = partnership;
    return this;
  }

  /** The date the assessment was last set or confirmed ("YYYY-MM-DD"), null: never. */
  public AccountEvent assessedAt(String date) {
    this.assessedAt = date;
    return this;
  }

  /** Team members, each "userId:ROLE". */
  public AccountEvent team(String... members) {
    StringBuilder json = new StringBuilder("[");
    for (String m : members) {
      String[] parts = m.split(":");
      json.append(json.length() > 1 ? "," : "")
          .append("{\"userId\":")
          .append(json(parts[0]))
          .append(",\"role\":")
          .append(json(parts[1]))
          .append('}');
    }
    this.team = json.append(']').toString();
    return this;
  }

  public AccountEvent segment(String industry, String country, String region) {
    this.industry = industry;
    this.country = country;
    this.region = region;
    return this;
  }

  public AccountEvent create() {
    return publish("kam.account.created.v1");
  }

  public AccountEvent update() {
    return publish("kam.account.updated.v1");
  }

  public AccountEvent delete() {
    String data =
        "{\"id\":\""
            + id
            + "\",\"source\":null,\"externalId\":null,\"version\":"
            + (sequence.get() + 1)
            + "}";
    send("kam.account.deleted.v1", data);
    return this;
  }

  private AccountEvent publish(String type) {
    String data =
        "{\"id\":\"%s\",\"source\":\"crm\",\"externalId\":\"X-%s\",\"name\":%s,\"parentId\":null,"
                .formatted(id, id, json(name))
            + "\"ownerId\":%s,\"team\":%s,\"industry\":%s,\"country\":%s,"
                .formatted(json(ownerId), team, json(industry), json(country))
            + "\"region\":%s,\"lifecycle\":\"CUSTOMER\",\"relationshipStage\":\"COOPERATIVE\","
                .formatted(json(region))
            + "\"assessment\":{\"strategicAlignment\":%s,\"marketInfluence\":%s,\"fit\":%s,\"partnership\":%s},"
                .formatted(strategicAlignment, marketInfluence, fit, partnership)
            + "\"potentialAnnualSpend\":2500000,\"assessedAt\":%s,\"version\":%d,\"changedFields\":[]}"
                .formatted(json(assessedAt), sequence.get() + 1);
    send(type, data);
    return this;
  }

  private void send(String type, String data) {
    String event =
        TestKafka.cloudEvent(
            UUID.randomUUID().toString(),
            type,
            "/account-service",
            id.toString(),
            sequence.incrementAndGet(),
            data);
    TestKafka.send("kam.account.events", id.toString(), event);
  }

  private static String json(String s) {
    return s == null ? "null" : "\"" + s.replace("\"", "\\\"") + "\"";
  }
}

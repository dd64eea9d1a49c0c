package io.kam.planning.testdata;

import static org.awaitility.Awaitility.await;

import io.kam.planning.domain.Account;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An account as account-service publishes it: {@code anAccount().ownedBy("kam-anna").create()}. */
public final class AnAccount {

  private static final Producer ACCOUNTS = Producer.accountService();

  private final UUID id = UUID.randomUUID();
  private String name = "Acme " + id.toString().substring(0, 8);
  private String ownerId = "kam-" + id.toString().substring(0, 8);
  private final List<String> team = new ArrayList<>();

  private AnAccount() {}

  public static AnAccount anAccount() {
    return new AnAccount();
  }

  public AnAccount ownedBy(String userId) {
    this.ownerId = userId;
    return this;
  }

  public AnAccount named(String name) {
    this.name = name;
    return this;
  }

  public AnAccount withTeamMember(String userId) {
    team.add(userId);
    return this;
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

  /** The created event, not sent yet (for out-of-order tests). */
  public Producer.Sent createdEvent() {
    return ACCOUNTS.next("kam.account.created.v1", id, data());
  }

  /** Publishes AccountCreated and waits until planning knows the account. */
  public AnAccount create() {
    ACCOUNTS.send(createdEvent());
    awaitKnown(false);
    return this;
  }

  public AnAccount publish(Producer.Sent event) {
    ACCOUNTS.send(event);
    return this;
  }

  /** The deleted event, not sent yet (to send it twice, as a redelivery). */
  public Producer.Sent deletedEvent() {
    Map<String, Object> d = new HashMap<>();
    d.put("id", id.toString());
    d.put("source", null);
    d.put("externalId", null);
    d.put("version", 2);
    return ACCOUNTS.next("kam.account.deleted.v1", id, d);
  }

  /** Publishes AccountDeleted and waits until planning has applied it. */
  public AnAccount delete() {
    ACCOUNTS.send(deletedEvent());
    awaitKnown(true);
    return this;
  }

  public void awaitKnown(boolean deleted) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              Account a =
                  QuarkusTransaction.requiringNew()
                      .call(
                          () ->
                              CDI.current()
                                  .select(EntityManager.class)
                                  .get()
                                  .find(Account.class, id));
              return a != null && a.deleted == deleted;
            });
  }

  Map<String, Object> data() {
    Map<String, Object> d = new HashMap<>();
    d.put("id", id.toString());
    d.put("name", name);
    d.put("ownerId", ownerId);
    d.put(
        "team", team.stream().map(u -> Map.of("userId", u, "role", "SOLUTION_ENGINEER")).toList());
    d.put("lifecycle", "CUSTOMER");
    d.put("version", 1);
    d.put("changedFields", List.of());
    // the rest of the account as account-service sends it (planning does not read these)
    d.put("source", null);
    d.put("externalId", null);
    d.put("parentId", null);
    d.put("industry", null);
    d.put("country", "DE");
    d.put("region", "EMEA");
    d.put("relationshipStage", null);
    Map<String, Object> assessment = new HashMap<>();
    for (String criterion :
        List.of("strategicAlignment", "marketInfluence", "fit", "partnership")) {
      assessment.put(criterion, null);
    }
    d.put("assessment", assessment);
    d.put("potentialAnnualSpend", null);
    return d;
  }
}

package io.kam.account.testdata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request bodies for accounts: {@code anAccount().ownedBy("kam-anna").build()}. */
public final class AccountBuilder {

  private final Map<String, Object> body = new LinkedHashMap<>();

  private AccountBuilder() {
    body.put("name", "Acme " + UUID.randomUUID().toString().substring(0, 8));
  }

  public static AccountBuilder anAccount() {
    return new AccountBuilder();
  }

  /** A fully populated account: every field of docs/kpis-and-scores.md set. */
  public static AccountBuilder aFullAccount() {
    return anAccount()
        .withRef("crm", "A-" + UUID.randomUUID())
        .with("industry", "MANUFACTURING")
        .with("country", "DE")
        .with("region", "EMEA")
        .with("website", "https://acme.example")
        .with("employees", 1200)
        .with("lifecycle", "CUSTOMER")
        .ownedBy("kam-anna")
        .withTeamMember("se-sam", "SOLUTION_ENGINEER")
        .with("relationshipStage", "COOPERATIVE")
        .withAssessment(4, 5, 3, 3)
        .with("potentialAnnualSpend", new java.math.BigDecimal("2500000.1234"));
  }

  public AccountBuilder named(String name) {
    return with("name", name);
  }

  public AccountBuilder ownedBy(String owner) {
    return with("ownerId", owner);
  }

  public AccountBuilder withRef(String source, String externalId) {
    return with("source", source).with("externalId", externalId);
  }

  public AccountBuilder withParent(String parentId) {
    return with("parentId", parentId);
  }

  @SuppressWarnings("unchecked")
  public AccountBuilder withTeamMember(String userId, String role) {
    List<Object> team = (List<Object>) body.computeIfAbsent("team", k -> new ArrayList<>());
    team.add(Map.of("userId", userId, "role", role));
    return this;
  }

  public AccountBuilder withAssessment(
      int strategicAlignment, int marketInfluence, int fit, int partnership) {
    return with(
        "assessment",
        Map.of(
            "strategicAlignment",
            strategicAlignment,
            "marketInfluence",
            marketInfluence,
            "fit",
            fit,
            "partnership",
            partnership));
  }

  public AccountBuilder with(String field, Object value) {
    body.put(field, value);
    return this;
  }

  public AccountBuilder without(String field) {
    body.remove(field);
    return this;
  }

  public Map<String, Object> build() {
    return new LinkedHashMap<>(body);
  }
}

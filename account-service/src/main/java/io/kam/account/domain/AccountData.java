package io.kam.account.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Everything about an account that a client can set. Canonical: the team is never null, the
 * assessment never null, and the wallet carries no trailing zeros, so equal data compare equal
 * (that is how an unchanged sync item or PUT is recognized). {@code assessedAt} is the day the
 * assessment was last set or confirmed; as a client sends it, it is only a request, settled by
 * {@link AssessmentDate#settle}.
 */
public record AccountData(
    String source,
    String externalId,
    String name,
    String industry,
    String country,
    String region,
    String website,
    Integer employees,
    Lifecycle lifecycle,
    String ownerId,
    List<TeamMember> team,
    RelationshipStage relationshipStage,
    Assessment assessment,
    BigDecimal potentialAnnualSpend,
    UUID parentId,
    LocalDate assessedAt) {

  public AccountData {
    team = team == null ? List.of() : List.copyOf(team);
    assessment = assessment == null ? Assessment.NONE : assessment;
    potentialAnnualSpend = Money.canonical(potentialAnnualSpend);
  }

  public AccountData withParent(UUID parent) {
    return new AccountData(
        source,
        externalId,
        name,
        industry,
        country,
        region,
        website,
        employees,
        lifecycle,
        ownerId,
        team,
        relationshipStage,
        assessment,
        potentialAnnualSpend,
        parent,
        assessedAt);
  }

  public AccountData withOwner(String owner) {
    return new AccountData(
        source,
        externalId,
        name,
        industry,
        country,
        region,
        website,
        employees,
        lifecycle,
        owner,
        team,
        relationshipStage,
        assessment,
        potentialAnnualSpend,
        parentId,
        assessedAt);
  }

  public AccountData withAssessedAt(LocalDate date) {
    return new AccountData(
        source,
        externalId,
        name,
        industry,
        country,
        region,
        website,
        employees,
        lifecycle,
        ownerId,
        team,
        relationshipStage,
        assessment,
        potentialAnnualSpend,
        parentId,
        date);
  }

  public boolean hasExternalRef() {
    return source != null;
  }
}

package io.kam.account.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Payload of kam.account.created.v1 and kam.account.updated.v1 (schema: events/*.schema.json). */
public record AccountEventData(
    UUID id,
    String source,
    String externalId,
    String name,
    UUID parentId,
    String ownerId,
    List<TeamMember> team,
    String industry,
    String country,
    String region,
    Lifecycle lifecycle,
    RelationshipStage relationshipStage,
    Assessment assessment,
    BigDecimal potentialAnnualSpend,
    LocalDate assessedAt,
    long version,
    List<String> changedFields) {

  static AccountEventData of(Account a, List<String> changedFields) {
    AccountData d = a.data();
    return new AccountEventData(
        a.id(),
        d.source(),
        d.externalId(),
        d.name(),
        d.parentId(),
        d.ownerId(),
        d.team(),
        d.industry(),
        d.country(),
        d.region(),
        d.lifecycle(),
        d.relationshipStage(),
        d.assessment(),
        d.potentialAnnualSpend(),
        d.assessedAt(),
        a.version(),
        changedFields);
  }
}

package io.kam.account.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The public shape of an account: what GET returns and what the change feed carries as the state
 * after a change (one record, so a partner's mirror equals what the API shows).
 */
public record AccountView(
    UUID id,
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
    @Schema(
            description =
                "the day the assessment was last set or confirmed; null while nothing is assessed")
        LocalDate assessedAt,
    BigDecimal potentialAnnualSpend,
    UUID parentId,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public static AccountView of(Account a) {
    AccountData d = a.data();
    return new AccountView(
        a.id(),
        d.source(),
        d.externalId(),
        d.name(),
        d.industry(),
        d.country(),
        d.region(),
        d.website(),
        d.employees(),
        d.lifecycle(),
        d.ownerId(),
        d.team(),
        d.relationshipStage(),
        d.assessment(),
        d.assessedAt(),
        d.potentialAnnualSpend(),
        d.parentId(),
        a.createdAt(),
        a.updatedAt(),
        a.version());
  }

  public AccountData data() {
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
        assessedAt);
  }
}

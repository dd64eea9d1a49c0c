package io.kam.account.domain;

import java.time.Instant;
import java.util.UUID;

public record ContactView(
    UUID id,
    UUID accountId,
    String source,
    String externalId,
    String name,
    String title,
    String email,
    String phone,
    BuyingRole buyingRole,
    Integer influence,
    Integer relationshipStrength,
    UUID reportsToContactId,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  static ContactView of(Contact c) {
    return new ContactView(
        c.id,
        c.accountId,
        c.source,
        c.externalId,
        c.name,
        c.title,
        c.email,
        c.phone,
        c.buyingRole,
        c.influence,
        c.relationshipStrength,
        c.reportsToContactId,
        c.createdAt,
        c.updatedAt,
        c.version);
  }
}

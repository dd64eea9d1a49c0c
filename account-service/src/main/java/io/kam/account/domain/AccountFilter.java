package io.kam.account.domain;

import java.util.UUID;

/**
 * List filters; null means "any". {@code q} matches names case- and accent-insensitively; {@code
 * memberId} keeps the accounts that user owns or is on the team of ("my accounts").
 */
public record AccountFilter(
    String q,
    String memberId,
    String ownerId,
    UUID parentId,
    String industry,
    String country,
    String region,
    Lifecycle lifecycle,
    RelationshipStage relationshipStage,
    String source,
    String externalId) {}

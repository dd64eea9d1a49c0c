package io.kam.account.domain;

import java.util.UUID;

/** List filters; null means "any". {@code q} matches names case- and accent-insensitively. */
public record AccountFilter(
    String q,
    String ownerId,
    UUID parentId,
    String industry,
    String country,
    String region,
    Lifecycle lifecycle,
    RelationshipStage relationshipStage,
    String source,
    String externalId) {}

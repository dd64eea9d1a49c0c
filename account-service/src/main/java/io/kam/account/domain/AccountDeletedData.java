package io.kam.account.domain;

import java.util.UUID;

/** Payload of kam.account.deleted.v1. */
public record AccountDeletedData(UUID id, String source, String externalId, long version) {}

package io.kam.account.events;

import java.util.UUID;

/** Payload of kam.account.deleted.v1. */
public record AccountDeletedData(UUID id, String source, String externalId, long version) {}

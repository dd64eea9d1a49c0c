package io.kam.planning.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A plan's writable fields; {@code ownerId} null: the account's owner, {@code reviewEveryDays}
 * null: 90.
 */
public record PlanCommand(
    UUID accountId,
    String title,
    LocalDate periodStart,
    LocalDate periodEnd,
    String ownerId,
    Integer reviewEveryDays,
    Instant nextReviewAt) {}

package io.kam.account.domain;

import java.time.Instant;
import java.util.List;

/**
 * One change of one account as it is written: rows, history, event and change-feed entry all come
 * from this. {@code before} is null for CREATED; {@code after} of a DELETED change is the last
 * state with its new version.
 */
public record AccountChange(Operation operation, Account before, Account after, Instant deletedAt) {

  public enum Operation {
    CREATED,
    UPDATED,
    DELETED
  }

  public static AccountChange created(Account after) {
    return new AccountChange(Operation.CREATED, null, after, null);
  }

  public static AccountChange updated(Account before, Account after) {
    return new AccountChange(Operation.UPDATED, before, after, null);
  }

  public static AccountChange deleted(Account before, Instant at) {
    Account tombstone =
        new Account(before.id(), before.data(), before.createdAt(), at, before.version() + 1);
    return new AccountChange(Operation.DELETED, before, tombstone, at);
  }

  /** Top-level field names that changed (e.g. "assessment"), as events announce them. */
  public List<String> changedFields() {
    return switch (operation) {
      case DELETED -> List.of();
      case CREATED -> AccountDiff.topLevel(AccountDiff.between(null, after.data()).keySet());
      case UPDATED ->
          AccountDiff.topLevel(AccountDiff.between(before.data(), after.data()).keySet());
    };
  }
}

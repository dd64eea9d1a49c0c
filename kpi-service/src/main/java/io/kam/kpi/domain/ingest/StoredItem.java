package io.kam.kpi.domain.ingest;

import io.kam.kpi.domain.account.AccountRef;
import java.util.UUID;

/**
 * What every stored bulk item has: its upsert key, the account it counts for ({@code accountId},
 * null while the account is not known) and the reference it was sent with, and the void flag.
 */
public interface StoredItem<S extends StoredItem<S>> {

  Long id();

  String source();

  String externalId();

  UUID accountId();

  AccountRef ref();

  boolean voided();

  /** Same content as {@code other}: an upsert that changes nothing is UNCHANGED. */
  boolean sameAs(S other);

  S voided(boolean value);

  /** Whether it counts in the aggregates: live and resolved. */
  default boolean counted() {
    return !voided() && accountId() != null;
  }

  /** The upsert key as {@link BulkItem#key()} spells it. */
  default String key() {
    return source() + "\u0000" + externalId();
  }

  /** The columns every item table has, read back for {@link BulkKind#read}. */
  record Common(
      Long id, String source, String externalId, UUID accountId, AccountRef ref, boolean voided) {}
}

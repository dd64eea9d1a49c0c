package io.kam.kpi.domain.account;

import java.util.Objects;
import java.util.UUID;

/**
 * How an ingested item names its account: by our id, or by the CRM's source + externalId (exactly
 * one of the two).
 */
public record AccountRef(UUID id, String source, String externalId) {

  public static AccountRef byId(UUID id) {
    return new AccountRef(Objects.requireNonNull(id), null, null);
  }

  public static AccountRef byExternal(String source, String externalId) {
    return new AccountRef(null, Objects.requireNonNull(source), Objects.requireNonNull(externalId));
  }

  /** A stable text form, used for advisory locks shared with the account-created path. */
  public String lockKey() {
    return id != null ? "id:" + id : "ext:" + source + "\u001f" + externalId;
  }
}

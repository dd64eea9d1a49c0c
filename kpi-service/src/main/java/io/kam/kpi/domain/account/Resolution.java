package io.kam.kpi.domain.account;

import java.util.UUID;

/** What an account reference points at: a live account, a deleted one, or nothing known yet. */
public record Resolution(UUID accountId, boolean deleted) {

  public static final Resolution UNKNOWN = new Resolution(null, false);

  public boolean live() {
    return accountId != null && !deleted;
  }

  public boolean pending() {
    return accountId == null && !deleted;
  }
}

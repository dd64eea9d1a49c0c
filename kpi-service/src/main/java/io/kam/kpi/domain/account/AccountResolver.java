package io.kam.kpi.domain.account;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Resolves the accounts an ingest names. A reference that is not known yet is locked (the
 * account-created path takes the same lock) and checked again, so an item is either attached now or
 * stored pending before the account's creation resolves pending items: never lost.
 */
@ApplicationScoped
public class AccountResolver {

  private final AccountRepository accounts;

  public AccountResolver(AccountRepository accounts) {
    this.accounts = accounts;
  }

  public Map<AccountRef, Resolution> resolve(Collection<AccountRef> refs) {
    Map<AccountRef, Resolution> result = accounts.resolve(refs);
    List<AccountRef> unknown =
        result.entrySet().stream()
            .filter(e -> e.getValue().pending())
            .map(Map.Entry::getKey)
            .toList();
    if (!unknown.isEmpty()) {
      accounts.lockReferences(unknown);
      result.putAll(accounts.resolve(unknown));
    }
    return result;
  }
}

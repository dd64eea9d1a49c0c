package io.kam.planning.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** The account read model, fed by kam.account.events. */
@ApplicationScoped
public class AccountRepository implements PanacheRepositoryBase<Account, UUID> {

  /** The account, created empty when never seen (an update or a deletion may come first). */
  public Account findOrAdd(UUID id) {
    Account a = findById(id);
    if (a == null) {
      a = new Account();
      a.id = id;
      persist(a);
    }
    return a;
  }
}

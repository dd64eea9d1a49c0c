package io.kam.planning.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.function.Consumer;

/** The account read model, fed by kam.account.events. */
@ApplicationScoped
public class AccountRepository implements PanacheRepositoryBase<Account, UUID> {

  /**
   * Changes the account of {@code id}, added when never seen yet (an update or a deletion may come
   * first). A new one is persisted after the change: Hibernate inserts the state an entity had when
   * persisted, so fields set afterwards would cost an UPDATE of the row just inserted.
   */
  public Account change(UUID id, Consumer<Account> change) {
    Account a = findById(id);
    if (a != null) {
      change.accept(a);
      return a;
    }
    a = new Account();
    a.id = id;
    change.accept(a);
    persist(a);
    return a;
  }
}

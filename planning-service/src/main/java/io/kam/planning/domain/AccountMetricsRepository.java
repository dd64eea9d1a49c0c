package io.kam.planning.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.function.Consumer;

/** The latest KPI snapshot and score per account. */
@ApplicationScoped
public class AccountMetricsRepository implements PanacheRepositoryBase<AccountMetrics, UUID> {

  /**
   * Changes the metrics of {@code accountId}, added when none arrived yet. A new one is persisted
   * after the change: Hibernate inserts the state an entity had when persisted, so fields set
   * afterwards would cost an UPDATE of the row just inserted.
   */
  public AccountMetrics change(UUID accountId, Consumer<AccountMetrics> change) {
    AccountMetrics m = findById(accountId);
    if (m != null) {
      change.accept(m);
      return m;
    }
    m = new AccountMetrics();
    m.accountId = accountId;
    change.accept(m);
    persist(m);
    return m;
  }
}

package io.kam.planning.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** The latest KPI snapshot and score per account. */
@ApplicationScoped
public class AccountMetricsRepository implements PanacheRepositoryBase<AccountMetrics, UUID> {

  /** The account's metrics, created empty when none arrived yet. */
  public AccountMetrics findOrAdd(UUID accountId) {
    AccountMetrics m = findById(accountId);
    if (m == null) {
      m = new AccountMetrics();
      m.accountId = accountId;
      persist(m);
    }
    return m;
  }
}

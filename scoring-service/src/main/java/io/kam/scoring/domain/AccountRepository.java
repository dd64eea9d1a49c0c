package io.kam.scoring.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Accounts as scoring keeps them (inputs, score state, designation), one at a time by id, and the
 * id-ordered pages the set-based work walks (rescoring, simulation) in native SQL.
 */
@ApplicationScoped
public class AccountRepository implements PanacheRepositoryBase<Account, UUID> {

  public Account findForUpdate(UUID id) {
    return findById(id, LockModeType.PESSIMISTIC_WRITE);
  }

  /** Scored accounts whose designation ended on or before {@code today}, locked. */
  public List<Account> designationsEndedBy(LocalDate today) {
    return find("designationEndsOn <= ?1 and scored = true and deleted = false", today)
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .list();
  }

  /** Accounts a model activation rescores. */
  public int countWithSnapshot() {
    return ((Number)
            getEntityManager()
                .createNativeQuery(
                    "select count(*) from account where has_snapshot and not deleted")
                .getSingleResult())
        .intValue();
  }

  /** The next {@code limit} scored accounts after {@code after} (null: from the start). */
  public List<Account> scoredAfter(UUID after, int limit) {
    return page(
        "select * from account where scored and not deleted"
            + (after == null ? "" : " and id > ?1")
            + " order by id limit "
            + limit,
        after);
  }

  private List<Account> page(String sql, UUID after) {
    var q = getEntityManager().createNativeQuery(sql, Account.class);
    if (after != null) {
      q.setParameter(1, after);
    }
    @SuppressWarnings("unchecked")
    List<Account> accounts = q.getResultList();
    return accounts;
  }
}

package io.kam.account.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;

/** Live accounts one at a time (deleted ones are soft-deleted rows that reads never see). */
@ApplicationScoped
public class AccountEntityRepository implements PanacheRepositoryBase<AccountEntity, UUID> {

  public Optional<AccountEntity> findLive(UUID id) {
    return find("id = ?1 and deletedAt is null", id).firstResultOptional();
  }

  /** The live account with its row locked until commit: writers of one account serialize here. */
  public Optional<AccountEntity> findLiveForUpdate(UUID id) {
    return find("id = ?1 and deletedAt is null", id)
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .firstResultOptional();
  }
}

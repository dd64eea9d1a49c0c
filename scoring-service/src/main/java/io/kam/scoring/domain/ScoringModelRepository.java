package io.kam.scoring.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Scoring models: one ACTIVE (a unique index says so), drafts and retired ones by version. */
@ApplicationScoped
public class ScoringModelRepository implements PanacheRepositoryBase<ScoringModel, UUID> {

  public Optional<ScoringModel> active() {
    return find("status", ScoringModel.ACTIVE).firstResultOptional();
  }

  public List<ScoringModel> activeForUpdate() {
    return find("status", ScoringModel.ACTIVE).withLock(LockModeType.PESSIMISTIC_WRITE).list();
  }

  /** Versions come from a sequence: never reused, even by a draft that is rolled back. */
  public int nextVersion() {
    return ((Number)
            getEntityManager()
                .createNativeQuery("select nextval('scoring_model_version')")
                .getSingleResult())
        .intValue();
  }

  /**
   * Up to {@code limit} models after {@code afterVersion}, in version order; {@code status} null:
   * any.
   */
  public List<ScoringModel> page(String status, int afterVersion, int limit) {
    Sort order = Sort.by("version");
    var query =
        status == null
            ? find("version > ?1", order, afterVersion)
            : find("version > ?1 and status = ?2", order, afterVersion, status);
    return query.page(0, limit).list();
  }
}

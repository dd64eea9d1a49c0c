package io.kam.scoring.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** An account's score history, newest first (identity ids, so a Long-keyed repository). */
@ApplicationScoped
public class ScoreHistoryRepository implements PanacheRepository<ScoreHistoryEntry> {

  /** Up to {@code limit} entries older than {@code beforeId} (null: the newest). */
  public List<ScoreHistoryEntry> page(java.util.UUID account, Long beforeId, int limit) {
    return find(
            "accountId = ?1 and id < ?2",
            Sort.descending("id"),
            account,
            beforeId == null ? Long.MAX_VALUE : beforeId)
        .page(0, limit)
        .list();
  }
}

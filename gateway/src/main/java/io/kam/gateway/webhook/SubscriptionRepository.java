package io.kam.gateway.webhook;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Subscriptions one at a time, and a caller's (or every) subscription in keyset pages. */
@ApplicationScoped
public class SubscriptionRepository implements PanacheRepositoryBase<WebhookSubscription, UUID> {

  public Optional<WebhookSubscription> lock(UUID id) {
    return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
  }

  /** Oldest first, after (createdAt, id) when given; {@code origin} null means every one. */
  public List<WebhookSubscription> page(String origin, Instant afterAt, UUID afterId, int size) {
    StringBuilder q = new StringBuilder("1 = 1");
    Parameters p = new Parameters();
    if (origin != null) {
      q.append(" and ownerOrigin = :origin");
      p = p.and("origin", origin);
    }
    if (afterAt != null) {
      q.append(" and (createdAt > :at or (createdAt = :at and id > :id))");
      p = p.and("at", afterAt).and("id", afterId);
    }
    q.append(" order by createdAt, id");
    return find(q.toString(), p).page(0, size).list();
  }
}

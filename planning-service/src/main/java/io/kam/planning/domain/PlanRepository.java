package io.kam.planning.domain;

import io.kam.chassis.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

/** Plans: one by id (404 when absent), an account's plans by status, and the keyset-paged list. */
@ApplicationScoped
public class PlanRepository implements PanacheRepositoryBase<Plan, UUID> {

  private static final Sort OLDEST_FIRST = Sort.by("createdAt").and("id");

  /**
   * The open statuses as one parameter each: Hibernate cannot reuse the translated SQL of a query
   * with a collection parameter ({@code in ?2}) and translated it again on every KPI snapshot and
   * score event (a third of planning's CPU while it applied a bulk sync's events).
   */
  private static final List<PlanStatus> OPEN = PlanStatus.OPEN.stream().sorted().toList();

  private static final String OPEN_OF =
      "accountId = ?1 and status in ("
          + String.join(
              ", ", IntStream.rangeClosed(2, OPEN.size() + 1).mapToObj(i -> "?" + i).toList())
          + ")";

  public Plan get(UUID id) {
    return findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("no plan " + id));
  }

  /** The plan, row-locked for the rest of the transaction: writes to one plan are serialized. */
  public Plan lock(UUID id) {
    return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
        .orElseThrow(() -> ProblemException.notFound("no plan " + id));
  }

  /**
   * The account's (locked) plan in one of the statuses; the unique indexes allow one per DRAFT and
   * live.
   */
  public Optional<Plan> inStatus(UUID accountId, Collection<PlanStatus> statuses) {
    return find("accountId = ?1 and status in ?2", Sort.by("createdAt"), accountId, statuses)
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .list()
        .stream()
        .findFirst();
  }

  public Optional<Plan> live(UUID accountId) {
    return inStatus(accountId, PlanStatus.LIVE);
  }

  public Optional<Plan> draft(UUID accountId) {
    return inStatus(accountId, List.of(PlanStatus.DRAFT));
  }

  /** Every plan of the account, locked. */
  public List<Plan> ofAccount(UUID accountId) {
    return find("accountId", OLDEST_FIRST, accountId)
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .list();
  }

  /** The account's plans whose objectives still follow the KPIs. */
  public List<Plan> openOf(UUID accountId) {
    Object[] params = new Object[OPEN.size() + 1];
    params[0] = accountId;
    for (int i = 0; i < OPEN.size(); i++) {
      params[i + 1] = OPEN.get(i);
    }
    return list(OPEN_OF, params);
  }

  public record Filter(
      UUID accountId, String ownerId, PlanStatus status, boolean dueForReview, Instant now) {}

  /** Keyset page ordered by (createdAt, id), after the given position (null: from the start). */
  public List<Plan> page(Filter f, Instant afterCreated, UUID afterId, int limit) {
    StringBuilder q = new StringBuilder("1 = 1");
    Parameters params = new Parameters();
    if (f.accountId() != null) {
      q.append(" and accountId = :account");
      params.and("account", f.accountId());
    }
    if (f.ownerId() != null) {
      q.append(" and ownerId = :owner");
      params.and("owner", f.ownerId());
    }
    if (f.status() != null) {
      q.append(" and status = :status");
      params.and("status", f.status());
    }
    if (f.dueForReview()) {
      q.append(" and status in :live and nextReviewAt <= :now");
      params.and("live", PlanStatus.LIVE).and("now", f.now());
    }
    if (afterId != null) {
      q.append(" and (createdAt > :c or (createdAt = :c and id > :id))");
      params.and("c", afterCreated).and("id", afterId);
    }
    return find(q.toString(), OLDEST_FIRST, params).range(0, limit - 1).list();
  }
}

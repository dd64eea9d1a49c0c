package io.kam.planning.domain;

import io.kam.chassis.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Queries over plans and their parts. */
@ApplicationScoped
public class Plans {

  private final EntityManager em;

  public Plans(EntityManager em) {
    this.em = em;
  }

  public EntityManager em() {
    return em;
  }

  public Plan get(UUID id) {
    Plan p = em.find(Plan.class, id);
    if (p == null) {
      throw ProblemException.notFound("no plan " + id);
    }
    return p;
  }

  /** The plan, row-locked for the rest of the transaction: writes to one plan are serialized. */
  public Plan lock(UUID id) {
    Plan p = em.find(Plan.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (p == null) {
      throw ProblemException.notFound("no plan " + id);
    }
    return p;
  }

  public Optional<Plan> inStatus(UUID accountId, java.util.Collection<PlanStatus> statuses) {
    return em.createQuery("from Plan p where p.accountId = :a and p.status in :s order by p.createdAt", Plan.class)
        .setParameter("a", accountId)
        .setParameter("s", statuses)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }

  public Optional<Plan> live(UUID accountId) {
    return inStatus(accountId, PlanStatus.LIVE);
  }

  public Optional<Plan> draft(UUID accountId) {
    return inStatus(accountId, List.of(PlanStatus.DRAFT));
  }

  public List<Plan> ofAccount(UUID accountId) {
    return em.createQuery("from Plan p where p.accountId = :a order by p.createdAt, p.id", Plan.class)
        .setParameter("a", accountId)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultList();
  }

  public record Filter(UUID accountId, String ownerId, PlanStatus status, boolean dueForReview, Instant now) {}

  /** Keyset page ordered by (createdAt, id), after the given position (null: from the start). */
  public List<Plan> page(Filter f, Instant afterCreated, UUID afterId, int limit) {
    StringBuilder q = new StringBuilder("from Plan p where 1 = 1");
    if (f.accountId() != null) {
      q.append(" and p.accountId = :account");
    }
    if (f.ownerId() != null) {
      q.append(" and p.ownerId = :owner");
    }
    if (f.status() != null) {
      q.append(" and p.status = :status");
    }
    if (f.dueForReview()) {
      q.append(" and p.status in :live and p.nextReviewAt <= :now");
    }
    if (afterId != null) {
      q.append(" and (p.createdAt > :c or (p.createdAt = :c and p.id > :id))");
    }
    q.append(" order by p.createdAt, p.id");
    var query = em.createQuery(q.toString(), Plan.class).setMaxResults(limit);
    if (f.accountId() != null) {
      query.setParameter("account", f.accountId());
    }
    if (f.ownerId() != null) {
      query.setParameter("owner", f.ownerId());
    }
    if (f.status() != null) {
      query.setParameter("status", f.status());
    }
    if (f.dueForReview()) {
      query.setParameter("live", PlanStatus.LIVE).setParameter("now", f.now());
    }
    if (afterId != null) {
      query.setParameter("c", afterCreated).setParameter("id", afterId);
    }
    return query.getResultList();
  }

  public <T> List<T> partsOf(Class<T> type, UUID planId, String order) {
    return em.createQuery("from " + type.getSimpleName() + " x where x.planId = :p order by " + order, type)
        .setParameter("p", planId)
        .getResultList();
  }

  /** A part of the given plan, optionally row-locked; 404 when it is not there or not the plan's. */
  public <T> T part(Class<T> type, UUID planId, UUID partId, boolean lock) {
    T part = lock ? em.find(type, partId, LockModeType.PESSIMISTIC_WRITE) : em.find(type, partId);
    if (part == null || !planId.equals(planIdOf(part))) {
      throw ProblemException.notFound("no " + noun(type) + " " + partId + " in plan " + planId);
    }
    return part;
  }

  private static UUID planIdOf(Object part) {
    if (part instanceof Objective o) {
      return o.planId;
    } else if (part instanceof PlanAction a) {
      return a.planId;
    } else if (part instanceof Risk r) {
      return r.planId;
    } else if (part instanceof Opportunity o) {
      return o.planId;
    } else if (part instanceof Review r) {
      return r.planId;
    }
    throw new IllegalArgumentException(part.getClass().getSimpleName());
  }

  private static String noun(Class<?> type) {
    return type == PlanAction.class ? "action" : type.getSimpleName().toLowerCase();
  }
}

package io.kam.planning.domain;

import io.kam.chassis.http.Preconditions;
import io.kam.chassis.problem.ProblemException;
import io.kam.chassis.time.KamClock;
import io.kam.planning.api.PlanRequest;
import io.kam.planning.events.PlanEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** Plans through the API: create, read, change, delete and the manual transitions. */
@ApplicationScoped
@Transactional
public class PlanService {

  static final int DEFAULT_REVIEW_EVERY_DAYS = 90;

  private final EntityManager em;
  private final Plans plans;
  private final PlanAccess access;
  private final PlanLifecycle lifecycle;
  private final PlanEvents events;
  private final KamClock clock;

  public PlanService(
      EntityManager em, Plans plans, PlanAccess access, PlanLifecycle lifecycle, PlanEvents events, KamClock clock) {
    this.em = em;
    this.plans = plans;
    this.access = access;
    this.lifecycle = lifecycle;
    this.events = events;
    this.clock = clock;
  }

  /** A new DRAFT plan; the account must be known and not deleted (422), and writable by the caller. */
  public PlanDetails create(PlanRequest req) {
    Account account = em.find(Account.class, req.accountId());
    if (account == null || account.deleted) {
      throw ProblemException.invalid("accountId", "no such account (unknown or deleted)");
    }
    access.requireWrite(account.id);
    checkPeriod(req);
    if (plans.draft(account.id).isPresent()) {
      throw ProblemException.conflict("the account already has a DRAFT plan");
    }
    Plan p = new Plan();
    p.id = UUID.randomUUID();
    p.accountId = account.id;
    p.status = PlanStatus.DRAFT;
    p.createdAt = clock.now();
    apply(p, req, account.ownerId);
    em.persist(p);
    UniquePlans.flush(em);
    events.created(p, StatusReason.MANUAL);
    return details(p);
  }

  /** A DRAFT plan made by a reaction (key designation), owned by the account's owner. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Plan createDraftFor(Account account, StatusReason reason) {
    Plan p = new Plan();
    p.id = UUID.randomUUID();
    p.accountId = account.id;
    p.status = PlanStatus.DRAFT;
    p.title = "Account plan " + (account.name == null ? account.id : account.name);
    p.ownerId = account.ownerId;
    p.periodStart = clock.today();
    p.periodEnd = clock.today().plusYears(1).minusDays(1);
    p.reviewEveryDays = DEFAULT_REVIEW_EVERY_DAYS;
    p.createdAt = clock.now();
    p.updatedAt = p.createdAt;
    em.persist(p);
    UniquePlans.flush(em);
    events.created(p, reason);
    return p;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public PlanDetails get(UUID id) {
    return details(plans.get(id));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Plan> page(Plans.Filter filter, Instant afterCreated, UUID afterId, int limit) {
    return plans.page(filter, afterCreated, afterId, limit);
  }

  /** The plan as it is now, if the caller may write it (404 / 403 otherwise); no lock. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public PlanDetails writableDetails(UUID id) {
    Plan p = plans.get(id);
    access.requireWrite(p.accountId);
    return details(p);
  }

  /** Replaces the plan's fields with {@code edit} of the plan as locked here (a merge is computed on it). */
  public PlanDetails update(UUID id, String ifMatch, Function<Plan, PlanRequest> edit) {
    Plan p = plans.lock(id);
    access.requireWrite(p.accountId);
    Preconditions.requireIfMatch(ifMatch, p.version);
    PlanRequest req = edit.apply(p);
    if (!p.accountId.equals(req.accountId())) {
      throw ProblemException.invalid("accountId", "a plan cannot move to another account");
    }
    checkPeriod(req);
    apply(p, req, p.ownerId);
    p.updatedAt = clock.now();
    em.flush();
    return details(p);
  }

  public void delete(UUID id, String ifMatch) {
    Plan p = plans.lock(id);
    access.requireWrite(p.accountId);
    Preconditions.requireIfMatch(ifMatch, p.version);
    em.remove(p);
  }

  /** A manual transition; If-Match is optional here, and checked when sent. */
  public PlanDetails transition(UUID id, String ifMatch, PlanTransition transition) {
    Plan p = plans.lock(id);
    access.requireWrite(p.accountId);
    if (ifMatch != null && !ifMatch.isBlank()) {
      Preconditions.requireIfMatch(ifMatch, p.version);
    }
    lifecycle.apply(p, transition, StatusReason.MANUAL);
    return details(p);
  }

  PlanDetails details(Plan p) {
    return new PlanDetails(
        p,
        plans.partsOf(Objective.class, p.id, "x.createdAt, x.id"),
        plans.partsOf(PlanAction.class, p.id, "x.dueDate, x.id"),
        plans.partsOf(Risk.class, p.id, "x.severity desc, x.createdAt, x.id"),
        plans.partsOf(Opportunity.class, p.id, "x.createdAt, x.id"));
  }

  private static void checkPeriod(PlanRequest req) {
    if (req.period().end().isBefore(req.period().start())) {
      throw ProblemException.invalid("period.end", "must not be before period.start");
    }
  }

  private static void apply(Plan p, PlanRequest req, String defaultOwner) {
    p.title = req.title();
    p.periodStart = req.period().start();
    p.periodEnd = req.period().end();
    p.ownerId = req.ownerId() != null ? req.ownerId() : defaultOwner;
    p.reviewEveryDays = req.reviewEveryDays() != null ? req.reviewEveryDays() : DEFAULT_REVIEW_EVERY_DAYS;
    p.nextReviewAt = req.nextReviewAt();
    p.updatedAt = p.createdAt;
  }
}

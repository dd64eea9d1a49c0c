package io.kam.planning.domain;

import io.kam.chassis.http.Preconditions;
import io.kam.chassis.problem.ProblemException;
import io.kam.chassis.time.KamClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** Plans through the API: create, read, change, delete and the manual transitions. */
@ApplicationScoped
@Transactional
public class PlanService {

  static final int DEFAULT_REVIEW_EVERY_DAYS = 90;

  private final PlanRepository plans;
  private final AccountRepository accounts;
  private final PlanReader reader;
  private final PlanAccess access;
  private final PlanLifecycle lifecycle;
  private final PlanEvents events;
  private final KamClock clock;
  private final PlanHistory history;
  private final PlanRollups rollups;

  public PlanService(
      PlanRepository plans,
      AccountRepository accounts,
      PlanReader reader,
      PlanAccess access,
      PlanLifecycle lifecycle,
      PlanEvents events,
      KamClock clock,
      PlanHistory history,
      PlanRollups rollups) {
    this.plans = plans;
    this.accounts = accounts;
    this.reader = reader;
    this.access = access;
    this.lifecycle = lifecycle;
    this.events = events;
    this.clock = clock;
    this.history = history;
    this.rollups = rollups;
  }

  /**
   * A new DRAFT plan; the account must be known and not deleted (422), and writable by the caller.
   */
  public PlanDetails create(PlanCommand command) {
    Account account = accounts.findById(command.accountId());
    if (account == null || account.deleted) {
      throw ProblemException.invalid("accountId", "no such account (unknown or deleted)");
    }
    access.requireWrite(account.id);
    checkPeriod(command);
    if (plans.draft(account.id).isPresent()) {
      throw ProblemException.conflict("the account already has a DRAFT plan");
    }
    Plan p = new Plan();
    p.id = UUID.randomUUID();
    p.accountId = account.id;
    p.status = PlanStatus.DRAFT;
    p.createdAt = clock.now();
    apply(p, command, account.ownerId);
    plans.persist(p);
    UniquePlans.flush(plans);
    events.created(p, StatusReason.MANUAL);
    history.created(p.id, PlanHistory.Part.PLAN, null, p.title);
    return reader.details(p);
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
    plans.persist(p);
    UniquePlans.flush(plans);
    events.created(p, reason);
    history.created(p.id, PlanHistory.Part.PLAN, null, p.title);
    return p;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public PlanDetails get(UUID id) {
    return reader.get(id);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Plan> page(
      PlanRepository.Filter filter, Instant afterCreated, UUID afterId, int limit) {
    return plans.page(filter, afterCreated, afterId, limit);
  }

  /** The list's roll-ups of a page of plans, in one query. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<UUID, PlanRollups.Rollup> rollups(List<UUID> planIds) {
    return rollups.of(planIds);
  }

  /** 404 / 403 unless the caller may write the plan; no lock. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public void checkWritable(UUID id) {
    access.requireWrite(plans.get(id).accountId);
  }

  /**
   * Replaces the plan's fields with {@code edit} of the plan as locked here (a merge is computed on
   * it).
   */
  public PlanDetails update(UUID id, String ifMatch, Function<Plan, PlanCommand> edit) {
    Plan p = plans.lock(id);
    access.requireWrite(p.accountId);
    Preconditions.requireIfMatch(ifMatch, p.version);
    PlanCommand command = edit.apply(p);
    if (!p.accountId.equals(command.accountId())) {
      throw ProblemException.invalid("accountId", "a plan cannot move to another account");
    }
    checkPeriod(command);
    Map<String, Object> before = p.trail();
    apply(p, command, p.ownerId);
    p.updatedAt = clock.now();
    plans.flush();
    history.updated(p.id, PlanHistory.Part.PLAN, null, before, p.trail());
    return reader.details(p);
  }

  public void delete(UUID id, String ifMatch) {
    Plan p = plans.lock(id);
    access.requireWrite(p.accountId);
    Preconditions.requireIfMatch(ifMatch, p.version);
    plans.delete(p);
  }

  /** A manual transition; If-Match is optional here, and checked when sent. */
  public PlanDetails transition(UUID id, String ifMatch, PlanTransition transition) {
    Plan p = plans.lock(id);
    access.requireWrite(p.accountId);
    if (ifMatch != null && !ifMatch.isBlank()) {
      Preconditions.requireIfMatch(ifMatch, p.version);
    }
    lifecycle.apply(p, transition, StatusReason.MANUAL);
    return reader.details(p);
  }

  private static void checkPeriod(PlanCommand c) {
    if (c.periodEnd().isBefore(c.periodStart())) {
      throw ProblemException.invalid("period.end", "must not be before period.start");
    }
  }

  private static void apply(Plan p, PlanCommand c, String defaultOwner) {
    p.title = c.title();
    p.periodStart = c.periodStart();
    p.periodEnd = c.periodEnd();
    p.ownerId = c.ownerId() != null ? c.ownerId() : defaultOwner;
    p.reviewEveryDays =
        c.reviewEveryDays() != null ? c.reviewEveryDays() : DEFAULT_REVIEW_EVERY_DAYS;
    p.nextReviewAt = c.nextReviewAt();
    p.updatedAt = p.createdAt;
  }
}

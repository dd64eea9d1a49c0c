package io.kam.planning.domain;

import io.kam.chassis.http.Preconditions;
import io.kam.chassis.time.KamClock;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What every kind of plan part (objective, action, risk, opportunity) offers, written once: every
 * write passes the plan's gate (locked, writable by the caller, not COMPLETED or ARCHIVED), and
 * changes and removals check If-Match on the part as locked. A kind adds only how its command is
 * applied. {@code C} is the kind's command. Kinds are {@code @Singleton}: a normal-scoped bean
 * needs a no-args constructor for its client proxy, which this constructor-injected base has not.
 */
@Transactional
public abstract class PartService<E extends PlanPart, C> {

  private final PartRepository<E> repository;
  private final Supplier<E> blank;
  private final PlanRepository plans;
  private final PlanParts gate;
  private final KamClock clock;
  private final PlanHistory history;
  private final PlanHistory.Part kind;

  protected PartService(
      PartRepository<E> repository,
      Supplier<E> blank,
      PlanRepository plans,
      PlanParts gate,
      KamClock clock,
      PlanHistory history) {
    this.repository = repository;
    this.blank = blank;
    this.plans = plans;
    this.gate = gate;
    this.clock = clock;
    this.history = history;
    this.kind = PlanHistory.Part.valueOf(repository.noun().toUpperCase(java.util.Locale.ROOT));
  }

  /** Writes the command onto the part (new, or locked for a change); may refuse a field (422). */
  protected abstract void apply(Plan plan, E part, C command);

  public E create(UUID planId, C command) {
    return addTo(gate.writable(planId), command);
  }

  /** A new part of a plan the caller has locked, past the gate or on behalf of a reaction. */
  @Transactional(Transactional.TxType.MANDATORY)
  public E addTo(Plan plan, C command) {
    E part = blank.get();
    part.id = UUID.randomUUID();
    part.planId = plan.id;
    part.createdAt = clock.now();
    apply(plan, part, command);
    repository.persist(part);
    repository.flush();
    history.created(plan.id, kind, part.id, part.label());
    return part;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<E> list(UUID planId) {
    plans.get(planId);
    return repository.ofPlan(planId);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public E get(UUID planId, UUID id) {
    return repository.inPlan(planId, id, false);
  }

  /**
   * 404 / 403 unless the caller may write this plan's parts (before any precondition is checked).
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public void checkWritable(UUID planId) {
    gate.checkWritable(planId);
  }

  /**
   * Replaces the part with {@code edit} of it as locked by this write (a merge patch is computed
   * there, so even {@code If-Match: *} never undoes a concurrent change).
   */
  public E update(UUID planId, UUID id, String ifMatch, Function<E, C> edit) {
    Plan plan = gate.writable(planId);
    E part = repository.inPlan(planId, id, true);
    Preconditions.requireIfMatch(ifMatch, part.version);
    Map<String, Object> before = part.trail();
    apply(plan, part, edit.apply(part));
    repository.flush();
    history.updated(plan.id, kind, part.id, before, part.trail());
    return part;
  }

  public void delete(UUID planId, UUID id, String ifMatch) {
    gate.writable(planId);
    E part = repository.inPlan(planId, id, true);
    Preconditions.requireIfMatch(ifMatch, part.version);
    repository.delete(part);
    repository.flush();
    history.deleted(planId, kind, part.id, part.label());
  }
}

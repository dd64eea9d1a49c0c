package io.kam.planning.domain;

import io.kam.chassis.time.KamClock;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Keeps bound objectives in step with the latest KPI snapshot and score of their account, marks an
 * objective ACHIEVED (announcing it) the first time it reaches 100 %, never again, and MISSED
 * (announcing it once per due date) when a live plan's objective is past its due date without
 * reaching it. A MISSED objective that reaches its target later becomes ACHIEVED (late: its
 * missedAt stays).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ObjectiveTracker {

  private final PlanRepository plans;
  private final ObjectiveRepository objectives;
  private final AccountMetricsRepository metrics;
  private final PlanEvents events;
  private final KamClock clock;
  private final PlanHistory history;

  public ObjectiveTracker(
      PlanRepository plans,
      ObjectiveRepository objectives,
      AccountMetricsRepository metrics,
      PlanEvents events,
      KamClock clock,
      PlanHistory history) {
    this.plans = plans;
    this.objectives = objectives;
    this.metrics = metrics;
    this.events = events;
    this.clock = clock;
    this.history = history;
  }

  /** After new values for {@code accountId}: every bound objective of its open plans. */
  public void refreshAccount(UUID accountId) {
    Map<UUID, Plan> open =
        plans.openOf(accountId).stream().collect(Collectors.toMap(p -> p.id, Function.identity()));
    if (open.isEmpty()) {
      return;
    }
    AccountMetrics latest = metrics.findById(accountId);
    List<Objective> bound =
        objectives.list("planId in ?1 and metric is not null", Sort.by("id"), open.keySet());
    for (Objective o : bound) {
      ObjectiveStatus before = o.status;
      refresh(o, open.get(o.planId), latest);
      history.changed(o.planId, PlanHistory.Part.OBJECTIVE, o.id, "status", before, o.status, null);
    }
  }

  /** Recomputes one objective from what is known of its account. */
  public void refresh(Objective o, Plan plan) {
    refresh(o, plan, metrics.findById(plan.accountId));
  }

  private void refresh(Objective o, Plan plan, AccountMetrics latest) {
    if (!o.isBound()) {
      o.actual = null;
      o.progress = null;
    } else {
      o.actual = o.metric.valueIn(latest);
      o.progress = ObjectiveProgress.of(o.baseline, o.target, o.actual);
      boolean reachable = o.status == ObjectiveStatus.OPEN || o.status == ObjectiveStatus.MISSED;
      if (reachable && plan.status.isOpen() && ObjectiveProgress.isComplete(o.progress)) {
        o.status = ObjectiveStatus.ACHIEVED;
      }
    }
    if (o.status == ObjectiveStatus.OPEN && plan.status.isLive() && o.isPastDue(clock.today())) {
      o.status = ObjectiveStatus.MISSED;
    }
    announceIfFirstAchieved(o, plan);
    announceIfMissed(o, plan);
  }

  /** An objective MISSED (by its due date or by hand) is announced once per due date. */
  public void announceIfMissed(Objective o, Plan plan) {
    if (o.status == ObjectiveStatus.MISSED
        && (o.missedAt == null || !Objects.equals(o.missedDueDate, o.dueDate))) {
      o.missedAt = clock.now();
      o.missedDueDate = o.dueDate;
      events.objectiveMissed(plan, o);
    }
  }

  /** An objective marked ACHIEVED (by progress or by hand) is announced once in its life. */
  public void announceIfFirstAchieved(Objective o, Plan plan) {
    if (o.status == ObjectiveStatus.ACHIEVED && o.achievedAt == null) {
      o.achievedAt = clock.now();
      events.objectiveAchieved(plan, o);
    }
  }
}

package io.kam.planning.domain;

import io.kam.chassis.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What planning publishes on kam.plan.events (docs/events.md), always through the outbox in the
 * transaction of the change; the subject is the account. Schemas: resources/events/*.schema.json.
 */
@ApplicationScoped
public class PlanEvents {

  public static final String TOPIC = "kam.plan.events";
  public static final String CREATED = "kam.plan.created.v1";
  public static final String STATUS_CHANGED = "kam.plan.status-changed.v1";
  public static final String OBJECTIVE_ACHIEVED = "kam.plan.objective-achieved.v1";
  public static final String OBJECTIVE_MISSED = "kam.plan.objective-missed.v1";
  public static final String ACTION_OVERDUE = "kam.plan.action-overdue.v1";

  private final Outbox outbox;

  public PlanEvents(Outbox outbox) {
    this.outbox = outbox;
  }

  public record PlanStatusData(
      UUID planId,
      UUID accountId,
      PlanStatus status,
      PlanStatus previousStatus,
      String ownerId,
      StatusReason reason) {}

  public record ObjectiveAchievedData(
      UUID planId,
      UUID accountId,
      UUID objectiveId,
      String metric,
      BigDecimal target,
      BigDecimal actual) {}

  public record ObjectiveMissedData(
      UUID planId,
      UUID accountId,
      UUID objectiveId,
      String metric,
      BigDecimal target,
      BigDecimal actual,
      BigDecimal progress,
      LocalDate dueDate) {}

  public record ActionOverdueData(
      UUID planId, UUID accountId, UUID actionId, String ownerId, LocalDate dueDate) {}

  public void created(Plan plan, StatusReason reason) {
    outbox.add(
        TOPIC,
        CREATED,
        plan.accountId.toString(),
        new PlanStatusData(plan.id, plan.accountId, plan.status, null, plan.ownerId, reason));
  }

  public void statusChanged(Plan plan, PlanStatus previous, StatusReason reason) {
    outbox.add(
        TOPIC,
        STATUS_CHANGED,
        plan.accountId.toString(),
        new PlanStatusData(plan.id, plan.accountId, plan.status, previous, plan.ownerId, reason));
  }

  public void objectiveAchieved(Plan plan, Objective o) {
    outbox.add(
        TOPIC,
        OBJECTIVE_ACHIEVED,
        plan.accountId.toString(),
        new ObjectiveAchievedData(
            plan.id,
            plan.accountId,
            o.id,
            o.metric == null ? null : o.metric.name(),
            o.target,
            o.actual));
  }

  public void objectiveMissed(ObjectiveMissedData data) {
    outbox.add(TOPIC, OBJECTIVE_MISSED, data.accountId().toString(), data);
  }

  public void objectiveMissed(Plan plan, Objective o) {
    objectiveMissed(
        new ObjectiveMissedData(
            plan.id,
            plan.accountId,
            o.id,
            o.metric == null ? null : o.metric.name(),
            o.target,
            o.actual,
            o.progress,
            o.dueDate));
  }

  public void actionOverdue(ActionOverdueData data) {
    outbox.add(TOPIC, ACTION_OVERDUE, data.accountId().toString(), data);
  }
}

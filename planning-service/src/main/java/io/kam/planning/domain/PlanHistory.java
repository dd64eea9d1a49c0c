package io.kam.planning.domain;

import io.kam.chassis.security.Caller;
import io.kam.chassis.sql.Jdbc;
import io.kam.chassis.sql.SqlParams;
import io.kam.chassis.time.KamClock;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The audit trail of a plan and its parts, newest first, written in the transaction of each change.
 * Values are kept as text ("2026-10-05", "MISSED", "12.5"). Who: the caller's origin, or "system"
 * for the sweeps and the reactions to other services' events. Actuals and progress that follow the
 * KPIs are not history; the status changes they cause are.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PlanHistory {

  public static final String SYSTEM = "system";

  public enum Part {
    PLAN,
    OBJECTIVE,
    ACTION,
    RISK,
    OPPORTUNITY,
    REVIEW
  }

  public enum Operation {
    CREATED,
    UPDATED,
    DELETED
  }

  /**
   * One change; {@code partId} null for the plan itself, {@code field} null for CREATED/DELETED.
   */
  public record Entry(
      long id,
      Instant changedAt,
      String changedBy,
      Part part,
      UUID partId,
      Operation operation,
      String field,
      String from,
      String to,
      StatusReason reason) {}

  private record Line(
      UUID planId,
      Part part,
      UUID partId,
      Operation operation,
      String field,
      String from,
      String to,
      StatusReason reason) {}

  private final Jdbc jdbc;
  private final Caller caller;
  private final KamClock clock;
  private final PlanRepository plans;

  public PlanHistory(Jdbc jdbc, Caller caller, KamClock clock, PlanRepository plans) {
    this.jdbc = jdbc;
    this.caller = caller;
    this.clock = clock;
    this.plans = plans;
  }

  /** A new plan or part; {@code label} names it (title, description, product line, summary). */
  public void created(UUID planId, Part part, UUID partId, String label) {
    write(List.of(new Line(planId, part, partId, Operation.CREATED, null, null, label, null)));
  }

  public void deleted(UUID planId, Part part, UUID partId, String label) {
    write(List.of(new Line(planId, part, partId, Operation.DELETED, null, label, null, null)));
  }

  /** One UPDATED row per field whose value differs between the two snapshots. */
  public void updated(
      UUID planId, Part part, UUID partId, Map<String, ?> before, Map<String, ?> after) {
    List<Line> lines = new ArrayList<>();
    for (Map.Entry<String, ?> e : after.entrySet()) {
      String from = text(before.get(e.getKey()));
      String to = text(e.getValue());
      if (!Objects.equals(from, to)) {
        lines.add(new Line(planId, part, partId, Operation.UPDATED, e.getKey(), from, to, null));
      }
    }
    write(lines);
  }

  /** One field of a plan or part changed, with why (a status change, a sweep). */
  public void changed(
      UUID planId,
      Part part,
      UUID partId,
      String field,
      Object from,
      Object to,
      StatusReason reason) {
    if (!Objects.equals(text(from), text(to))) {
      write(
          List.of(
              new Line(
                  planId, part, partId, Operation.UPDATED, field, text(from), text(to), reason)));
    }
  }

  /** Entries older than {@code beforeId} (null: the newest), at most {@code limit}. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Entry> page(UUID planId, Long beforeId, int limit) {
    plans.get(planId);
    return jdbc.list(
        "select id, changed_at, changed_by, part, part_id, operation, field, old_value, new_value,"
            + " reason from plan_history where plan_id = :plan and id < :before"
            + " order by id desc limit :limit",
        SqlParams.of(
            "plan", planId, "before", beforeId == null ? Long.MAX_VALUE : beforeId, "limit", limit),
        row -> {
          String reason = row.string("reason");
          return new Entry(
              row.longValue("id"),
              row.instant("changed_at"),
              row.string("changed_by"),
              Part.valueOf(row.string("part")),
              row.uuid("part_id"),
              Operation.valueOf(row.string("operation")),
              row.string("field"),
              row.string("old_value"),
              row.string("new_value"),
              reason == null ? null : StatusReason.valueOf(reason));
        });
  }

  private void write(List<Line> lines) {
    if (lines.isEmpty()) {
      return;
    }
    Instant at = clock.now();
    String who = who();
    jdbc.batch(
        "insert into plan_history (plan_id, changed_at, changed_by, part, part_id, operation,"
            + " field, old_value, new_value, reason) values (:plan, :at, :who, :part, :partId,"
            + " :operation, :field, :from, :to, :reason)",
        lines,
        (l, p) ->
            p.set("plan", l.planId())
                .set("at", at)
                .set("who", who)
                .set("part", l.part().name())
                .set("partId", l.partId())
                .set("operation", l.operation().name())
                .set("field", l.field())
                .set("from", l.from())
                .set("to", l.to())
                .set("reason", l.reason() == null ? null : l.reason().name()));
  }

  /** The caller's origin in a request; the sweeps and event reactions have none: "system". */
  private String who() {
    if (Arc.container().requestContext().isActive() && !caller.isAnonymous()) {
      return caller.origin();
    }
    return SYSTEM;
  }

  static String text(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof BigDecimal d) {
      return d.stripTrailingZeros().toPlainString();
    }
    return value.toString();
  }
}

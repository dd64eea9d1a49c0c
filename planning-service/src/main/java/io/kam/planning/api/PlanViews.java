package io.kam.planning.api;

import io.kam.planning.domain.ActionStatus;
import io.kam.planning.domain.Metric;
import io.kam.planning.domain.ObjectiveStatus;
import io.kam.planning.domain.OpportunityKind;
import io.kam.planning.domain.PlanStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The shapes planning answers with. */
public final class PlanViews {

  private PlanViews() {}

  public record PlanView(
      UUID id,
      UUID accountId,
      String title,
      PlanRequest.Period period,
      String ownerId,
      int reviewEveryDays,
      Instant nextReviewAt,
      PlanStatus status,
      long version,
      Instant createdAt,
      Instant updatedAt,
      List<ObjectiveView> objectives,
      List<ActionView> actions,
      List<RiskView> risks,
      List<OpportunityView> opportunities,
      BigDecimal weightedPipeline) {}

  public record PlanSummary(
      UUID id,
      UUID accountId,
      String title,
      PlanRequest.Period period,
      String ownerId,
      int reviewEveryDays,
      Instant nextReviewAt,
      PlanStatus status,
      long version,
      Instant createdAt,
      Instant updatedAt) {}

  public record Kpi(Metric metric, BigDecimal baseline, BigDecimal target) {}

  public record ObjectiveView(
      UUID id,
      UUID planId,
      String title,
      Kpi kpi,
      LocalDate dueDate,
      ObjectiveStatus status,
      BigDecimal actual,
      BigDecimal progress,
      Instant achievedAt,
      long version) {}

  public record ActionView(
      UUID id,
      UUID planId,
      UUID accountId,
      String title,
      String ownerId,
      LocalDate dueDate,
      ActionStatus status,
      UUID objectiveId,
      boolean overdue,
      long version) {}

  public record RiskView(
      UUID id,
      UUID planId,
      String description,
      int likelihood,
      int impact,
      int severity,
      String mitigation,
      long version) {}

  public record OpportunityView(
      UUID id,
      UUID planId,
      String productLine,
      OpportunityKind kind,
      BigDecimal estimatedValue,
      BigDecimal probability,
      BigDecimal weightedValue,
      LocalDate expectedClose,
      long version) {}

  public record ReviewView(
      UUID id,
      UUID planId,
      String summary,
      List<String> decisions,
      Instant reviewedAt,
      String reviewedBy) {}
}

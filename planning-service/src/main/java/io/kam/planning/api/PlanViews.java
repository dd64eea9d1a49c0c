package io.kam.planning.api;

import io.kam.planning.domain.ActionStatus;
import io.kam.planning.domain.Metric;
import io.kam.planning.domain.ObjectiveStatus;
import io.kam.planning.domain.OpportunityKind;
import io.kam.planning.domain.PlanHistory;
import io.kam.planning.domain.PlanStatus;
import io.kam.planning.domain.ReviewReason;
import io.kam.planning.domain.StatusReason;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
      @Schema(
              description =
                  "why it is UNDER_REVIEW (null otherwise): HIGH_RISK needs a kam-manager's review")
          ReviewReason reviewReason,
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
      @Schema(
              description =
                  "why it is UNDER_REVIEW (null otherwise): HIGH_RISK needs a kam-manager's review")
          ReviewReason reviewReason,
      long version,
      Instant createdAt,
      Instant updatedAt,
      @Schema(description = "the account's name as planning last heard it (null: not known)")
          String accountName,
      ObjectiveRollup objectives,
      @Schema(description = "sum of estimated value x probability of its opportunities")
          BigDecimal weightedPipeline) {}

  @Schema(
      description =
          "Objectives that count (not CANCELLED): how many, achieved, missed, and the mean progress"
              + " (ACHIEVED counts 100; objectives without a progress are left out; null: none has one)")
  public record ObjectiveRollup(int total, int achieved, int missed, BigDecimal averageProgress) {}

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
      @Schema(description = "when it was last found MISSED (kept when it is achieved late)")
          Instant missedAt,
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

  @Schema(
      description =
          "One change of a plan or one of its parts; partId null for the plan itself, field null"
              + " for CREATED and DELETED (to / from then name the part), values as text, reason"
              + " for status changes")
  public record PlanHistoryEntry(
      long id,
      Instant changedAt,
      @Schema(description = "user:<id>, api-key:<name>, or system (sweeps, reactions to events)")
          String changedBy,
      PlanHistory.Part part,
      UUID partId,
      PlanHistory.Operation operation,
      String field,
      String from,
      String to,
      StatusReason reason) {}

  public record ReviewView(
      UUID id,
      UUID planId,
      String summary,
      List<String> decisions,
      Instant reviewedAt,
      String reviewedBy) {}
}

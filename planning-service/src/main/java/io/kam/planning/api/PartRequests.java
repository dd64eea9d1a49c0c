package io.kam.planning.api;

import io.kam.planning.domain.ActionStatus;
import io.kam.planning.domain.Metric;
import io.kam.planning.domain.ObjectiveStatus;
import io.kam.planning.domain.OpportunityKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What clients write for the parts of a plan (create, and the merged result of a merge patch). */
public final class PartRequests {

  private PartRequests() {}

  public record ObjectiveRequest(
      @NotBlank @Size(max = 500) String title, @Valid KpiBinding kpi, LocalDate dueDate, ObjectiveStatus status) {}

  public record KpiBinding(@NotNull Metric metric, @NotNull BigDecimal baseline, @NotNull BigDecimal target) {}

  public record ActionRequest(
      @NotBlank @Size(max = 500) String title, @Size(max = 200) String ownerId, @NotNull LocalDate dueDate,
      ActionStatus status, UUID objectiveId) {}

  public record RiskRequest(
      @NotBlank @Size(max = 2000) String description,
      @NotNull @Min(1) @Max(5) Integer likelihood,
      @NotNull @Min(1) @Max(5) Integer impact,
      @Size(max = 2000) String mitigation) {}

  public record OpportunityRequest(
      @NotBlank @Size(max = 200) String productLine,
      @NotNull OpportunityKind kind,
      @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal estimatedValue,
      @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal probability,
      LocalDate expectedClose) {}

  public record ReviewRequest(@NotBlank @Size(max = 5000) String summary, List<@NotBlank String> decisions) {}
}

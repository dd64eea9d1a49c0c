package io.kam.planning.api;

import io.kam.planning.domain.ActionStatus;
import io.kam.planning.domain.Metric;
import io.kam.planning.domain.ObjectiveStatus;
import io.kam.planning.domain.OpportunityKind;
import io.kam.planning.domain.PartCommands.ActionCommand;
import io.kam.planning.domain.PartCommands.ObjectiveCommand;
import io.kam.planning.domain.PartCommands.OpportunityCommand;
import io.kam.planning.domain.PartCommands.ReviewCommand;
import io.kam.planning.domain.PartCommands.RiskCommand;
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

/**
 * What clients write for the parts of a plan (create, and the merged result of a merge patch), each
 * mapped to the domain's command once it is valid.
 */
public final class PartRequests {

  private PartRequests() {}

  public record ObjectiveRequest(
      @NotBlank @Size(max = 500) String title,
      @Valid KpiBinding kpi,
      LocalDate dueDate,
      ObjectiveStatus status) {

    ObjectiveCommand command() {
      return kpi == null
          ? new ObjectiveCommand(title, null, null, null, dueDate, status)
          : new ObjectiveCommand(
              title, kpi.metric(), kpi.baseline(), kpi.target(), dueDate, status);
    }
  }

  public record KpiBinding(
      @NotNull Metric metric, @NotNull BigDecimal baseline, @NotNull BigDecimal target) {}

  public record ActionRequest(
      @NotBlank @Size(max = 500) String title,
      @Size(max = 200) String ownerId,
      @NotNull LocalDate dueDate,
      ActionStatus status,
      UUID objectiveId) {

    ActionCommand command() {
      return new ActionCommand(title, ownerId, dueDate, status, objectiveId);
    }
  }

  public record RiskRequest(
      @NotBlank @Size(max = 2000) String description,
      @NotNull @Min(1) @Max(5) Integer likelihood,
      @NotNull @Min(1) @Max(5) Integer impact,
      @Size(max = 2000) String mitigation) {

    RiskCommand command() {
      return new RiskCommand(description, likelihood, impact, mitigation);
    }
  }

  public record OpportunityRequest(
      @NotBlank @Size(max = 200) String productLine,
      @NotNull OpportunityKind kind,
      @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal estimatedValue,
      @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal probability,
      LocalDate expectedClose) {

    OpportunityCommand command() {
      return new OpportunityCommand(productLine, kind, estimatedValue, probability, expectedClose);
    }
  }

  public record ReviewRequest(
      @NotBlank @Size(max = 5000) String summary, List<@NotBlank String> decisions) {

    ReviewCommand command() {
      return new ReviewCommand(summary, decisions);
    }
  }
}

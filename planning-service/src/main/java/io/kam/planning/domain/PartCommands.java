package io.kam.planning.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What a write asks of each kind of plan part, whoever makes it (the API maps its requests to
 * these).
 */
public final class PartCommands {

  private PartCommands() {}

  /** {@code metric} null: not bound to a KPI (baseline and target are then null too). */
  public record ObjectiveCommand(
      String title,
      Metric metric,
      BigDecimal baseline,
      BigDecimal target,
      LocalDate dueDate,
      ObjectiveStatus status) {}

  /** {@code ownerId} null: the plan's owner; {@code status} null: OPEN. */
  public record ActionCommand(
      String title, String ownerId, LocalDate dueDate, ActionStatus status, UUID objectiveId) {}

  public record RiskCommand(String description, int likelihood, int impact, String mitigation) {}

  public record OpportunityCommand(
      String productLine,
      OpportunityKind kind,
      BigDecimal estimatedValue,
      BigDecimal probability,
      LocalDate expectedClose) {}

  public record ReviewCommand(String summary, List<String> decisions) {}
}

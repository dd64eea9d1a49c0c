package io.kam.planning.api;

import io.kam.planning.domain.PlanCommand;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A plan as a client writes it (create, and the merged result of a merge patch). */
public record PlanRequest(
    @NotNull UUID accountId,
    @NotBlank @Size(max = 200) String title,
    @NotNull @Valid Period period,
    @Size(max = 200) String ownerId,
    @Min(1) @Max(3660) Integer reviewEveryDays,
    Instant nextReviewAt) {

  public record Period(@NotNull LocalDate start, @NotNull LocalDate end) {}

  PlanCommand command() {
    return new PlanCommand(
        accountId, title, period.start(), period.end(), ownerId, reviewEveryDays, nextReviewAt);
  }
}

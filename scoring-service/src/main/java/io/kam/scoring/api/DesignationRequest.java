package io.kam.scoring.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * PUT /accounts/{id}/designation: KEY designates, STANDARD excludes; endsOn is the first day
 * without it.
 */
public record DesignationRequest(
    @NotNull DesignatedTier tier, @NotBlank @Size(max = 1000) String reason, LocalDate endsOn) {

  public enum DesignatedTier {
    KEY,
    STANDARD
  }
}

package io.kam.scoring.api;

import io.kam.scoring.domain.StaleInput;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One account of GET /scores/stale: which of its inputs are stale and how old they are. */
public record StaleInputsView(UUID accountId, String name, String ownerId, List<Stale> stale) {

  @Schema(name = "StaleInputAge")
  public record Stale(
      StaleInput input,
      @Schema(
              description =
                  "the input's last month (REVENUE, YYYY-MM) or date (YYYY-MM-DD); null: never",
              nullable = true)
          String last,
      @Schema(
              description =
                  "whole months since then (REVENUE: counted to the last complete month);"
                      + " null: never",
              nullable = true)
          Integer ageMonths) {}
}

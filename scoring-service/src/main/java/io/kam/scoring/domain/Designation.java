package io.kam.scoring.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A manager's KEY designation or exclusion (STANDARD). It is in force before {@code endsOn}: on
 * that date it has ended, so "ends on 2026-10-15" means the 15th is the first day without it.
 */
public record Designation(String tier, String reason, LocalDate endsOn, String by, Instant at) {

  public boolean inForceOn(LocalDate today) {
    return endsOn == null || today.isBefore(endsOn);
  }
}

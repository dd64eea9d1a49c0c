package io.kam.planning.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.util.UUID;

/** Anything that belongs to one plan (a part or a review): found only through its plan. */
@MappedSuperclass
public abstract class PlanChild {
  @Id public UUID id;

  @Column(name = "plan_id")
  public UUID planId;
}

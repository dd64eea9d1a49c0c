package io.kam.planning.domain;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A part of a plan a client edits (objective, action, risk, opportunity): it carries its own
 * version (its ETag), so changing a part never changes the plan's.
 */
@MappedSuperclass
public abstract class PlanPart extends PlanChild {
  @Column(name = "created_at")
  public Instant createdAt;

  @Version public long version;
}

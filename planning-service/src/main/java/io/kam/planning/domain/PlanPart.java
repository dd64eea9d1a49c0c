package io.kam.planning.domain;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Map;

/**
 * A part of a plan a client edits (objective, action, risk, opportunity): it carries its own
 * version (its ETag), so changing a part never changes the plan's.
 */
@MappedSuperclass
public abstract class PlanPart extends PlanChild {
  @Column(name = "created_at")
  public Instant createdAt;

  @Version public long version;

  /** How the plan history names it when it is created or deleted. */
  public abstract String label();

  /** The fields the plan history follows, by name (insertion ordered). */
  public abstract Map<String, Object> trail();
}

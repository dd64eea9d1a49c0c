package io.kam.planning.domain;

import java.util.Set;

/** The lifecycle of DOMAIN.md; ACTIVE and UNDER_REVIEW are the "live" states. */
public enum PlanStatus {
  DRAFT,
  ACTIVE,
  UNDER_REVIEW,
  COMPLETED,
  ARCHIVED;

  public static final Set<PlanStatus> LIVE = Set.of(ACTIVE, UNDER_REVIEW);

  /** Plans whose parts may still change and whose objectives still follow the KPIs. */
  public static final Set<PlanStatus> OPEN = Set.of(DRAFT, ACTIVE, UNDER_REVIEW);

  public boolean isLive() {
    return LIVE.contains(this);
  }

  public boolean isOpen() {
    return OPEN.contains(this);
  }
}

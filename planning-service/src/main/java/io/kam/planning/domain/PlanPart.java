package io.kam.planning.domain;

import java.util.UUID;

/** What every part of a plan (objective, action, risk, opportunity) has for the HTTP layer: an id and a version. */
public interface PlanPart {

  UUID partId();

  long partVersion();
}

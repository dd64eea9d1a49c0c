package io.kam.planning.domain;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

/** Risks, listed by severity (likelihood x impact), highest first. */
@ApplicationScoped
public class RiskRepository implements PartRepository<Risk> {

  private static final Sort ORDER =
      Sort.by("severity", Sort.Direction.Descending).and("createdAt").and("id");

  @Override
  public String noun() {
    return "risk";
  }

  @Override
  public Sort order() {
    return ORDER;
  }
}

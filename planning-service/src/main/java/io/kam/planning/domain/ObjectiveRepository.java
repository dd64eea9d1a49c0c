package io.kam.planning.domain;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

/** Objectives, listed in the order they were added. */
@ApplicationScoped
public class ObjectiveRepository implements PartRepository<Objective> {

  private static final Sort ORDER = Sort.by("createdAt").and("id");

  @Override
  public String noun() {
    return "objective";
  }

  @Override
  public Sort order() {
    return ORDER;
  }
}

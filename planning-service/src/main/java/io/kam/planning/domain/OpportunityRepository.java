package io.kam.planning.domain;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

/** Opportunities (whitespace), listed in the order they were added. */
@ApplicationScoped
public class OpportunityRepository implements PartRepository<Opportunity> {

  private static final Sort ORDER = Sort.by("createdAt").and("id");

  @Override
  public String noun() {
    return "opportunity";
  }

  @Override
  public Sort order() {
    return ORDER;
  }
}

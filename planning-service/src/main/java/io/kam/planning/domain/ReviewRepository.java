package io.kam.planning.domain;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

/** Reviews, oldest first; they are never changed. */
@ApplicationScoped
public class ReviewRepository implements PartRepository<Review> {

  private static final Sort ORDER = Sort.by("reviewedAt").and("writtenSeq");

  @Override
  public String noun() {
    return "review";
  }

  @Override
  public Sort order() {
    return ORDER;
  }
}

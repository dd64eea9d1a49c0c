package io.kam.planning.domain;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The operations every kind of plan part offers, so the HTTP layer handles the four kinds with
 * one implementation. {@code R} is what a client writes for the part.
 */
public interface PartService<E extends PlanPart, R> {

  E create(UUID planId, R req);

  List<E> list(UUID planId);

  E get(UUID planId, UUID id);

  /** 404 / 403 unless the caller may write this plan's parts (before any precondition is checked). */
  void checkWritable(UUID planId);

  /**
   * Replaces the part with {@code edit} of it as locked by this write (a merge patch is computed
   * there, so even {@code If-Match: *} never undoes a concurrent change).
   */
  E update(UUID planId, UUID id, String ifMatch, Function<E, R> edit);

  void delete(UUID planId, UUID id, String ifMatch);
}

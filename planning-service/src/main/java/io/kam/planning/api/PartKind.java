package io.kam.planning.api;

import io.kam.planning.domain.PartService;
import io.kam.planning.domain.PlanPart;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * How one kind of plan part is served: its path segment, its service, and the mappings between its
 * entity {@code E}, its command {@code C}, what clients write ({@code R}) and see ({@code V}).
 * Entities and commands stay in here: the resources see only requests and views.
 */
final class PartKind<E extends PlanPart, C, R, V> {

  /** A part as answered: its view, and the id and version its Location and ETag name. */
  record Shown<V>(UUID id, long version, V view) {}

  private final String segment;
  private final PartService<E, C> service;
  private final Function<E, V> view;
  private final Function<E, R> editable;
  private final Function<R, C> command;
  private final Class<R> requestType;

  PartKind(
      String segment,
      PartService<E, C> service,
      Function<E, V> view,
      Function<E, R> editable,
      Function<R, C> command,
      Class<R> requestType) {
    this.segment = segment;
    this.service = service;
    this.view = view;
    this.editable = editable;
    this.command = command;
    this.requestType = requestType;
  }

  String segment() {
    return segment;
  }

  Class<R> requestType() {
    return requestType;
  }

  Shown<V> create(UUID planId, R request) {
    return show(service.create(planId, command.apply(request)));
  }

  List<V> list(UUID planId) {
    return service.list(planId).stream().map(view).toList();
  }

  Shown<V> get(UUID planId, UUID id) {
    return show(service.get(planId, id));
  }

  void checkWritable(UUID planId) {
    service.checkWritable(planId);
  }

  /**
   * {@code merge} turns the part's writable fields, as locked by the write, into what is stored.
   */
  Shown<V> update(UUID planId, UUID id, String ifMatch, UnaryOperator<R> merge) {
    return show(
        service.update(
            planId, id, ifMatch, part -> command.apply(merge.apply(editable.apply(part)))));
  }

  void delete(UUID planId, UUID id, String ifMatch) {
    service.delete(planId, id, ifMatch);
  }

  private Shown<V> show(E part) {
    return new Shown<>(part.id, part.version, view.apply(part));
  }
}

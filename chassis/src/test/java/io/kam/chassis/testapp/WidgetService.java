package io.kam.chassis.testapp;

import io.kam.chassis.messaging.Outbox;
import io.kam.chassis.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class WidgetService {

  private final EntityManager em;
  private final Outbox outbox;

  public WidgetService(EntityManager em, Outbox outbox) {
    this.em = em;
    this.outbox = outbox;
  }

  public WidgetView create(WidgetRequest req) {
    // A rule checked inside the transaction, so a failing action is a real rollback in the tests.
    if (req.name().startsWith("unique-")
        && !em.createQuery("from Widget w where w.name = :n", Widget.class)
            .setParameter("n", req.name())
            .getResultList()
            .isEmpty()) {
      throw ProblemException.conflict("a widget is already named " + req.name());
    }
    Widget w = new Widget();
    w.id = UUID.randomUUID();
    apply(w, req);
    em.persist(w);
    em.flush();
    outbox.add(
        "kam.plan.events", "test.widget.created.v1", w.id.toString(), Map.of("name", w.name));
    return WidgetView.of(w);
  }

  public WidgetView get(UUID id) {
    return WidgetView.of(find(id));
  }

  public WidgetView replace(UUID id, WidgetRequest req) {
    Widget w = find(id);
    apply(w, req);
    em.flush();
    return WidgetView.of(w);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<WidgetView> after(UUID after, int limit) {
    return em
        .createQuery("from Widget w where w.id > :after order by w.id", Widget.class)
        .setParameter("after", after == null ? new UUID(0, 0) : after)
        .setMaxResults(limit)
        .getResultList()
        .stream()
        .map(WidgetView::of)
        .toList();
  }

  private Widget find(UUID id) {
    Widget w = em.find(Widget.class, id);
    if (w == null) {
      throw ProblemException.notFound("no widget " + id);
    }
    return w;
  }

  private static void apply(Widget w, WidgetRequest req) {
    w.name = req.name();
    w.rating = req.rating();
    w.color = req.color() == null ? null : req.color().name();
  }
}

package io.kam.chassis.testapp;

import io.kam.chassis.messaging.CloudEvent;
import io.kam.chassis.messaging.EventHandler;
import io.kam.chassis.messaging.EventKind;
import io.kam.chassis.messaging.SubjectNotKnownYet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Handles kam.account.events in the test app: "test.known.v1" makes a subject known, events with
 * data.fail=true always fail, those with data.crash=true lose their database connection in the
 * middle of their first application, others need a known subject and are recorded as applied.
 */
@ApplicationScoped
public class TestEventHandler implements EventHandler {

  /**
   * Ids of events whose first application crashed (the crash must outlive the rolled back
   * transaction).
   */
  public static final Set<String> CRASHED = ConcurrentHashMap.newKeySet();

  private final EntityManager em;

  public TestEventHandler(EntityManager em) {
    this.em = em;
  }

  @Override
  public String topic() {
    return "kam.account.events";
  }

  @Override
  public Map<String, EventKind> types() {
    return Map.of(
        "test.known.v1",
        EventKind.STATE,
        "test.changed.v1",
        EventKind.STATE,
        "test.fact.v1",
        EventKind.FACT);
  }

  @Override
  public void apply(CloudEvent event) {
    if (event.data().path("crash").asBoolean(false) && CRASHED.add(event.id())) {
      // The first time: write the effect, then lose the database connection mid-transaction, as
      // a database restart or a network cut would; nothing of this attempt may survive.
      em.createNativeQuery(
              "insert into applied_event (event_id, subject, sequence, type) values (?1, ?2, ?3, ?4)")
          .setParameter(1, event.id())
          .setParameter(2, event.subject())
          .setParameter(3, event.sequence())
          .setParameter(4, event.type())
          .executeUpdate();
      em.createNativeQuery("select pg_terminate_backend(pg_backend_pid())").getResultList();
    }
    if (event.type().equals("test.known.v1")) {
      em.createNativeQuery("insert into known_subject (subject) values (?1) on conflict do nothing")
          .setParameter(1, event.subject())
          .executeUpdate();
    } else if (em.createNativeQuery("select count(*) from known_subject where subject = ?1")
                .setParameter(1, event.subject())
                .getSingleResult()
            instanceof Number n
        && n.longValue() == 0) {
      throw new SubjectNotKnownYet(event.subject());
    }
    if (event.data().path("fail").asBoolean(false)) {
      throw new IllegalStateException("this event always fails");
    }
    em.createNativeQuery(
            "insert into applied_event (event_id, subject, sequence, type) values (?1, ?2, ?3, ?4)")
        .setParameter(1, event.id())
        .setParameter(2, event.subject())
        .setParameter(3, event.sequence())
        .setParameter(4, event.type())
        .executeUpdate();
  }
}

package io.kam.chassis.testapp;

import io.kam.chassis.events.CloudEvent;
import io.kam.chassis.events.EventHandler;
import io.kam.chassis.events.SubjectNotKnownYet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Handles kam.account.events in the test app: "test.known.v1" makes a subject known, events
 * with data.fail=true always fail, others need a known subject and are recorded as applied.
 */
@ApplicationScoped
public class TestEventHandler implements EventHandler {

  private final EntityManager em;

  public TestEventHandler(EntityManager em) {
    this.em = em;
  }

  @Override
  public String topic() {
    return "kam.account.events";
  }

  @Override
  public void apply(CloudEvent event) {
    if (event.data().path("fail").asBoolean(false)) {
      throw new IllegalStateException("this event always fails");
    }
    if (event.type().equals("test.known.v1")) {
      em.createNativeQuery("insert into known_subject (subject) values (?1) on conflict do nothing")
          .setParameter(1, event.subject()).executeUpdate();
    } else if (em.createNativeQuery("select count(*) from known_subject where subject = ?1")
            .setParameter(1, event.subject()).getSingleResult() instanceof Number n && n.longValue() == 0) {
      throw new SubjectNotKnownYet(event.subject());
    }
    em.createNativeQuery("insert into applied_event (event_id, subject, sequence, type) values (?1, ?2, ?3, ?4)")
        .setParameter(1, event.id()).setParameter(2, event.subject()).setParameter(3, event.sequence())
        .setParameter(4, event.type()).executeUpdate();
  }
}

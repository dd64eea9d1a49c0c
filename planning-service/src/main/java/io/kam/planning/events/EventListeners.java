package io.kam.planning.events;

import io.kam.chassis.events.EventConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The three topics planning consumes; the chassis applies each record once, through the inbox. */
@ApplicationScoped
public class EventListeners {

  private final EventConsumer consumer;

  public EventListeners(EventConsumer consumer) {
    this.consumer = consumer;
  }

  @Incoming("account-events")
  @Blocking
  public void onAccount(ConsumerRecord<String, String> r) {
    consumer.consume(r);
  }

  @Incoming("kpi-events")
  @Blocking
  public void onKpi(ConsumerRecord<String, String> r) {
    consumer.consume(r);
  }

  @Incoming("score-events")
  @Blocking
  public void onScore(ConsumerRecord<String, String> r) {
    consumer.consume(r);
  }
}

package io.kam.planning.events;

import io.kam.chassis.messaging.EventConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The three topics planning consumes; the chassis applies each polled batch, every record once,
 * through the inbox.
 */
@ApplicationScoped
public class EventListeners {

  private final EventConsumer consumer;

  public EventListeners(EventConsumer consumer) {
    this.consumer = consumer;
  }

  @Incoming("account-events")
  @Blocking
  public void onAccount(ConsumerRecords<String, String> r) {
    consumer.consumeBatch(r);
  }

  @Incoming("kpi-events")
  @Blocking
  public void onKpi(ConsumerRecords<String, String> r) {
    consumer.consumeBatch(r);
  }

  @Incoming("score-events")
  @Blocking
  public void onScore(ConsumerRecords<String, String> r) {
    consumer.consumeBatch(r);
  }
}

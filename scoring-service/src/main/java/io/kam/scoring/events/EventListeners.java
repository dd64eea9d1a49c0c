package io.kam.scoring.events;

import io.kam.chassis.events.EventConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The Kafka channels scoring listens to; the chassis applies each record exactly once. */
@ApplicationScoped
public class EventListeners {

  private final EventConsumer consumer;

  public EventListeners(EventConsumer consumer) {
    this.consumer = consumer;
  }

  @Incoming("account-events")
  @Blocking
  public void onAccountEvent(ConsumerRecord<String, String> record) {
    consumer.consume(record);
  }

  @Incoming("kpi-events")
  @Blocking
  public void onKpiEvent(ConsumerRecord<String, String> record) {
    consumer.consume(record);
  }
}

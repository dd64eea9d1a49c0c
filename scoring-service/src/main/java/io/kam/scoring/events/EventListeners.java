package io.kam.scoring.events;

import io.kam.chassis.messaging.EventConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The Kafka channels scoring listens to; the chassis applies each polled batch, every record
 * exactly once.
 */
@ApplicationScoped
public class EventListeners {

  private final EventConsumer consumer;

  public EventListeners(EventConsumer consumer) {
    this.consumer = consumer;
  }

  @Incoming("account-events")
  @Blocking
  public void onAccountEvent(ConsumerRecords<String, String> record) {
    consumer.consumeBatch(record);
  }

  @Incoming("kpi-events")
  @Blocking
  public void onKpiEvent(ConsumerRecords<String, String> record) {
    consumer.consumeBatch(record);
  }
}

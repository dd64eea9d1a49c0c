package io.kam.kpi.events;

import io.kam.chassis.messaging.EventConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

@ApplicationScoped
public class AccountEventsListener {

  private final EventConsumer consumer;

  public AccountEventsListener(EventConsumer consumer) {
    this.consumer = consumer;
  }

  @Incoming("account-events")
  @Blocking
  public void on(ConsumerRecords<String, String> record) {
    consumer.consumeBatch(record);
  }
}

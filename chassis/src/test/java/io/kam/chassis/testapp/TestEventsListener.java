package io.kam.chassis.testapp;

import io.kam.chassis.messaging.EventConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

@ApplicationScoped
public class TestEventsListener {

  private final EventConsumer consumer;

  public TestEventsListener(EventConsumer consumer) {
    this.consumer = consumer;
  }

  @Incoming("test-events")
  @Blocking
  public void onEvent(ConsumerRecords<String, String> record) {
    consumer.consumeBatch(record);
  }
}

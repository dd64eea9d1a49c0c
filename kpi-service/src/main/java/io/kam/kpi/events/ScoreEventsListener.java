package io.kam.kpi.events;

import io.kam.chassis.messaging.EventConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

@ApplicationScoped
public class ScoreEventsListener {

  private final EventConsumer consumer;

  public ScoreEventsListener(EventConsumer consumer) {
    this.consumer = consumer;
  }

  @Incoming("score-events")
  @Blocking
  public void on(ConsumerRecords<String, String> record) {
    consumer.consumeBatch(record);
  }
}

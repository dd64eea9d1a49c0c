package io.kam.gateway.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.kam.chassis.messaging.CloudEvent;
import io.kam.chassis.messaging.EventJson;
import io.kam.gateway.webhook.EventIntake;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The four services' topics, read by the gateway's own consumer group for outbound webhooks. Each
 * polled batch is taken in one transaction before it is acknowledged (so its offsets are committed
 * only then); while the database fails the batch waits and is retried, so none is lost. A record
 * that is not a complete CloudEvent is skipped: the services' own consumers dead-letter it already.
 */
@ApplicationScoped
public class WebhookEventListeners {

  private static final String ACCOUNT_TOPIC = "kam.account.events";

  private final EventIntake intake;
  private volatile boolean stopping;

  public WebhookEventListeners(EventIntake intake) {
    this.intake = intake;
  }

  void stop(@Observes ShutdownEvent event) {
    stopping = true;
  }

  @Incoming("webhook-account-events")
  @Blocking
  public void onAccountEvent(ConsumerRecords<String, String> records) {
    take(records);
  }

  @Incoming("webhook-score-events")
  @Blocking
  public void onScoreEvent(ConsumerRecords<String, String> records) {
    take(records);
  }

  @Incoming("webhook-kpi-events")
  @Blocking
  public void onKpiEvent(ConsumerRecords<String, String> records) {
    take(records);
  }

  @Incoming("webhook-plan-events")
  @Blocking
  public void onPlanEvent(ConsumerRecords<String, String> records) {
    take(records);
  }

  private void take(ConsumerRecords<String, String> records) {
    List<EventIntake.Incoming> events = new ArrayList<>(records.count());
    for (ConsumerRecord<String, String> record : records) {
      EventIntake.Incoming event = parse(record);
      if (event == null) {
        Log.warnf(
            "webhooks skip %s-%d@%d: not a complete CloudEvent",
            record.topic(), record.partition(), record.offset());
      } else {
        events.add(event);
      }
    }
    if (events.isEmpty()) {
      return;
    }
    long backoff = 100;
    while (true) {
      try {
        intake.takeAll(events);
        return;
      } catch (RuntimeException e) {
        if (stopping) {
          throw e; // not acknowledged: the next consumer of the partition takes it again
        }
        Log.warnf(
            "webhook intake of %d events waits for the database: %s",
            events.size(), e.getMessage());
        try {
          Thread.sleep(backoff);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
        backoff = Math.min(backoff * 2, 5_000);
      }
    }
  }

  static EventIntake.Incoming parse(ConsumerRecord<String, String> record) {
    try {
      CloudEvent e = record.value() == null ? null : EventJson.read(record.value());
      if (e == null || e.id() == null || e.type() == null || e.subject() == null) {
        return null;
      }
      boolean account = ACCOUNT_TOPIC.equals(record.topic());
      JsonNode owner = e.data() == null ? null : e.data().get("ownerId");
      return new EventIntake.Incoming(
          e.id(),
          e.type(),
          e.subject(),
          record.value(),
          account,
          owner == null || !owner.isTextual() ? null : owner.asText());
    } catch (Exception malformed) {
      return null;
    }
  }
}

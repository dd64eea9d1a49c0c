package io.kam.chassis.messaging;

import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The whole path as services use it: an event written to the outbox is relayed to Kafka with its
 * CloudEvents content type and consumed by a SmallRye @Incoming channel through the inbox.
 */
@QuarkusTest
class RelayToConsumerTest {

  @Inject Outbox outbox;
  @Inject AgroalDataSource ds;

  @Test
  void anEventRelayedFromTheOutboxIsConsumedAndAppliedOnce() {
    String subject = UUID.randomUUID().toString();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              outbox.add("kam.account.events", "test.known.v1", subject, Map.of("name", "relayed"));
              outbox.add("kam.account.events", "test.changed.v1", subject, Map.of());
            });
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                Db.count(ds, "select count(*) from applied_event where subject = ?", subject) == 2);
    await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(3))
        .until(
            () ->
                Db.count(ds, "select count(*) from applied_event where subject = ?", subject) == 2);
  }
}

package io.kam.chassis.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.kam.platform.TestKafka;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A second relay over the same outbox (as a second instance of the service would run) competes with
 * the application's own while writers add events for a few accounts: every account's events still
 * appear on the topic in sequence order, each once.
 */
@QuarkusTest
class TwoRelaysTest {

  static final String TOPIC = "kam.plan.events";

  @Inject Outbox outbox;
  @Inject AgroalDataSource ds;
  @Inject EventsConfig config;

  @Test
  void perAccountOrderHoldsWithTwoRelays() throws Exception {
    EventProducer secondProducer = new EventProducer(TestKafka.bootstrap(), "second-instance");
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    OutboxRelay second =
        new OutboxRelay(
            ds, secondProducer, config, new EventMetrics(meters), new OutboxQuarantine(ds, meters));
    AtomicBoolean running = new AtomicBoolean(true);
    Thread competitor =
        new Thread(
            () -> {
              while (running.get()) {
                try {
                  second.relayOnce();
                } catch (Exception e) {
                  // keep competing
                }
              }
            });
    competitor.start();
    List<String> accounts = List.of(uuid(), uuid(), uuid(), uuid());
    int perAccount = 40;
    ExecutorService writers = Executors.newFixedThreadPool(4);
    for (String account : accounts) {
      writers.submit(
          () -> {
            for (int i = 0; i < perAccount; i++) {
              int n = i;
              QuarkusTransaction.requiringNew()
                  .run(() -> outbox.add(TOPIC, "test.tick.v1", account, Map.of("n", n)));
            }
          });
    }
    writers.shutdown();
    writers.awaitTermination(60, TimeUnit.SECONDS);
    List<ConsumerRecord<String, String>> records =
        TestKafka.readUntil(
            TOPIC,
            rs ->
                rs.stream().filter(r -> accounts.contains(r.key())).count()
                    >= (long) perAccount * accounts.size(),
            Duration.ofSeconds(60));
    running.set(false);
    competitor.join();
    secondProducer.producer().close();

    Map<String, Long> last = new HashMap<>();
    Map<String, Integer> counts = new HashMap<>();
    for (ConsumerRecord<String, String> r : records) {
      if (!accounts.contains(r.key())) {
        continue;
      }
      long seq = EventJson.read(r.value()).sequence();
      long previous = last.getOrDefault(r.key(), 0L);
      assertEquals(
          previous + 1, seq, "account " + r.key() + " out of order on partition " + r.partition());
      last.put(r.key(), seq);
      counts.merge(r.key(), 1, Integer::sum);
    }
    accounts.forEach(a -> assertEquals(perAccount, counts.get(a)));
  }

  private static String uuid() {
    return UUID.randomUUID().toString();
  }
}

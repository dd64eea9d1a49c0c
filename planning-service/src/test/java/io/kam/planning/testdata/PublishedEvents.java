package io.kam.planning.testdata;

import com.fasterxml.jackson.databind.JsonNode;
import io.kam.platform.TestKafka;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What planning published on kam.plan.events, read back from Kafka. */
public final class PublishedEvents {

  private PublishedEvents() {}

  /**
   * Events of {@code type} about {@code accountId}, once at least {@code atLeast} arrived (or the
   * timeout).
   */
  public static List<JsonNode> of(UUID accountId, String type, int atLeast) {
    return of(accountId, type, atLeast, Duration.ofSeconds(20));
  }

  public static List<JsonNode> of(UUID accountId, String type, int atLeast, Duration timeout) {
    List<ConsumerRecord<String, String>> records =
        TestKafka.readUntil(
            "kam.plan.events", all -> matching(all, accountId, type).size() >= atLeast, timeout);
    return matching(records, accountId, type);
  }

  /**
   * Waits a little beyond the first events to be sure no more arrive: for "exactly once" checks.
   */
  public static List<JsonNode> settled(UUID accountId, String type, int expected) {
    List<JsonNode> first = of(accountId, type, expected);
    if (first.size() < expected) {
      return first;
    }
    return of(accountId, type, expected + 1, Duration.ofSeconds(3));
  }

  private static List<JsonNode> matching(
      List<ConsumerRecord<String, String>> all, UUID accountId, String type) {
    return all.stream()
        .filter(r -> accountId.toString().equals(r.key()))
        .map(r -> read(r.value()))
        .filter(e -> type.equals(e.path("type").asText()))
        .toList();
  }

  private static JsonNode read(String value) {
    try {
      return Producer.JSON.readTree(value);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}

package io.kam.kpi.testdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kam.platform.TestKafka;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads what kpi-service published on kam.kpi.events about one account, in order. */
public final class SnapshotEvents {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SnapshotEvents() {}

  /** The account's events once at least {@code count} are there (or after 30 s). */
  public static List<JsonNode> awaitCount(UUID accountId, int count) {
    String key = accountId.toString();
    List<ConsumerRecord<String, String>> records =
        TestKafka.readUntil(
            "kam.kpi.events",
            all -> all.stream().filter(r -> key.equals(r.key())).count() >= count,
            Duration.ofSeconds(30));
    return records.stream().filter(r -> key.equals(r.key())).map(r -> parse(r.value())).toList();
  }

  private static JsonNode parse(String value) {
    try {
      return JSON.readTree(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}

package io.kam.scoring.testdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kam.platform.TestKafka;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What scoring published on kam.score.events about one account, in order. */
public final class ScoreEventLog {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ScoreEventLog() {}

  /** Reads the account's events until {@code done} holds (or 30 s), then returns them. */
  public static List<JsonNode> until(UUID accountId, Predicate<List<JsonNode>> done) {
    return parse(
        accountId,
        TestKafka.readUntil(
            "kam.score.events", r -> done.test(parse(accountId, r)), Duration.ofSeconds(30)));
  }

  /**
   * The account's events after the topic has been quiet for {@code quiet} (to check nothing more
   * came).
   */
  public static List<JsonNode> settled(UUID accountId, Duration quiet) {
    return parse(accountId, TestKafka.readUntil("kam.score.events", r -> false, quiet));
  }

  public static List<JsonNode> ofType(List<JsonNode> events, String type) {
    return events.stream().filter(e -> e.path("type").asText().equals(type)).toList();
  }

  public static Predicate<List<JsonNode>> has(String type, int count) {
    return events -> ofType(events, type).size() >= count;
  }

  private static List<JsonNode> parse(
      UUID accountId, List<ConsumerRecord<String, String>> records) {
    return records.stream()
        .filter(r -> accountId.toString().equals(r.key()))
        .map(r -> read(r.value()))
        .toList();
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}

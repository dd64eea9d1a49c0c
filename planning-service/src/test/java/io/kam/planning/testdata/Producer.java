package io.kam.planning.testdata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kam.platform.TestKafka;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Puts events on a topic as another service would: its source, per-subject increasing sequence. */
public final class Producer {

  static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

  private final String topic;
  private final String source;
  private final Map<UUID, AtomicLong> sequences = new ConcurrentHashMap<>();

  private Producer(String topic, String source) {
    this.topic = topic;
    this.source = source;
  }

  public static Producer accountService() {
    return new Producer("kam.account.events", "/account-service");
  }

  public static Producer kpiService() {
    return new Producer("kam.kpi.events", "/kpi-service");
  }

  public static Producer scoringService() {
    return new Producer("kam.score.events", "/scoring-service");
  }

  /** A new event (new id, next sequence of the subject), not sent yet. */
  public Sent next(String type, UUID subject, Object data) {
    long seq = sequences.computeIfAbsent(subject, s -> new AtomicLong()).incrementAndGet();
    return new Sent(UUID.randomUUID().toString(), type, subject, seq, json(data));
  }

  /** Publishes a new event and returns it (to send again as a redelivery). */
  public Sent publish(String type, UUID subject, Object data) {
    return send(next(type, subject, data));
  }

  public Sent send(Sent e) {
    TestKafka.send(
        topic,
        e.subject().toString(),
        TestKafka.cloudEvent(
            e.id(), e.type(), source, e.subject().toString(), e.sequence(), e.data()));
    return e;
  }

  /** An event as it went out: sending it again is a redelivery of the same id. */
  public record Sent(String id, String type, UUID subject, long sequence, String data) {}

  static String json(Object data) {
    try {
      return JSON.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}

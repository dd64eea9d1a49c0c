package io.kam.chassis.messaging;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Which topics' consumers are waiting for a transient failure to pass, since when and why. */
@Singleton
public class ConsumerPauses {

  public record Pause(Instant since, String reason) {}

  private final Map<String, Pause> paused = new ConcurrentHashMap<>();

  void paused(String topic, String reason) {
    paused.compute(
        topic,
        (t, p) -> p == null ? new Pause(Instant.now(), reason) : new Pause(p.since(), reason));
  }

  void resumed(String topic) {
    paused.remove(topic);
  }

  public Map<String, Pause> current() {
    return Map.copyOf(paused);
  }
}

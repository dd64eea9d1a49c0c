package io.kam.chassis.http;

import com.fasterxml.jackson.core.type.TypeReference;
import io.kam.chassis.messaging.EventJson;
import io.kam.chassis.problem.Problem;
import io.kam.chassis.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a write published, for read-your-writes across services: the producer (CloudEvent {@code
 * source}), its topic, and per subject (account) the last {@code sequence} the write's events
 * carry. A consumer has applied the write when its position for every subject is at least that.
 * Opaque to clients: base64url JSON; a malformed one is 400.
 */
public record ConsistencyToken(String producer, String topic, Map<String, Long> subjects) {

  public static final String HEADER = "KAM-Consistency-Token";
  private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();

  public String encode() {
    Map<String, Object> json = new TreeMap<>();
    json.put("p", producer);
    json.put("t", topic);
    json.put("s", new TreeMap<>(subjects));
    return ENC.encodeToString(EventJson.write(json).getBytes(StandardCharsets.UTF_8));
  }

  public static ConsistencyToken decode(String token) {
    if (token == null || token.isBlank() || token.length() > 64_000) {
      throw invalid();
    }
    try {
      Map<String, Object> json =
          EventJson.MAPPER.readValue(
              Base64.getUrlDecoder().decode(token.trim()),
              new TypeReference<Map<String, Object>>() {});
      Map<String, Long> subjects =
          EventJson.MAPPER.convertValue(json.get("s"), new TypeReference<Map<String, Long>>() {});
      if (!(json.get("p") instanceof String p)
          || !(json.get("t") instanceof String t)
          || subjects == null) {
        throw invalid();
      }
      return new ConsistencyToken(p, t, subjects);
    } catch (IllegalArgumentException | java.io.IOException e) {
      throw invalid();
    }
  }

  private static ProblemException invalid() {
    return new ProblemException(
        400,
        "Bad request",
        "token: not a consistency token this API issued",
        List.of(new Problem.FieldError("write", "not a consistency token this API issued")),
        Map.of());
  }
}

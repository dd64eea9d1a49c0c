package io.kam.chassis.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A CloudEvent 1.0 in structured JSON mode, with the KAM extensions {@code sequence} (per
 * producer and subject, strictly increasing) and {@code traceparent}. Consumers read tolerantly.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CloudEvent(
    String specversion,
    String id,
    String type,
    String source,
    String subject,
    Instant time,
    Long sequence,
    String datacontenttype,
    String traceparent,
    JsonNode data) {

  public static final String CONTENT_TYPE = "application/cloudevents+json";

  /** Whether the attributes a consumer relies on are present. */
  public boolean isComplete() {
    return id != null && type != null && source != null && subject != null && sequence != null && data != null;
  }
}

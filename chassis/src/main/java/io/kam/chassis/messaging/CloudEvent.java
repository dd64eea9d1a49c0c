package io.kam.chassis.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A CloudEvent 1.0 in structured JSON mode, with the KAM extensions {@code sequence} (per producer
 * and subject, strictly increasing) and {@code traceparent}. Consumers read tolerantly.
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

  /**
   * The payload read as {@code type} (a record of the fields the consumer needs; other fields are
   * ignored, a number may arrive as a JSON string). A payload that cannot be read so is a {@link
   * PermanentEventFailure} naming the field: retrying cannot fix it.
   */
  public <T> T data(Class<T> type) {
    if (data == null || data.isNull()) {
      throw new PermanentEventFailure("malformed: the event has no data");
    }
    try {
      return EventJson.MAPPER.treeToValue(data, type);
    } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
      StringBuilder field = new StringBuilder("data");
      for (com.fasterxml.jackson.databind.JsonMappingException.Reference ref : e.getPath()) {
        field.append(
            ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]");
      }
      throw new PermanentEventFailure("malformed: " + field + " has the wrong type or format");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new PermanentEventFailure("malformed: the event's data cannot be read");
    }
  }

  /** Whether the attributes a consumer relies on are present. */
  public boolean isComplete() {
    return id != null
        && type != null
        && source != null
        && subject != null
        && sequence != null
        && data != null;
  }
}

package io.kam.chassis.messaging;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The producers' JSON Schemas of event data, read from the classpath ({@code
 * events/<type>.schema.json}; each service's build copies the schemas of the producers it consumes,
 * and a test keeps the copies equal to the producers'). Loaded once per type.
 */
final class EventSchemas {

  static final String LOCATION = "events/";

  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
  private static final Map<String, Optional<JsonSchema>> SCHEMAS = new ConcurrentHashMap<>();

  private EventSchemas() {}

  /** Whether a schema for {@code type} is on the classpath. */
  static boolean known(String type) {
    return schema(type).isPresent();
  }

  /**
   * Throws {@link PermanentEventFailure} naming the first violations when the event's data does not
   * satisfy its type's schema; an event of a type without a schema passes.
   */
  static void validate(CloudEvent event) {
    Optional<JsonSchema> schema = schema(event.type());
    if (schema.isEmpty()) {
      return;
    }
    Set<ValidationMessage> errors = schema.get().validate(event.data());
    if (!errors.isEmpty()) {
      String detail =
          errors.stream()
              .map(ValidationMessage::getMessage)
              .sorted()
              .limit(5)
              .collect(Collectors.joining("; "));
      throw new PermanentEventFailure(
          "schema: the data of " + event.type() + " violates its schema: " + detail);
    }
  }

  private static Optional<JsonSchema> schema(String type) {
    return SCHEMAS.computeIfAbsent(type, EventSchemas::load);
  }

  private static Optional<JsonSchema> load(String type) {
    if (!type.matches("[A-Za-z0-9._-]+")) {
      return Optional.empty();
    }
    ClassLoader loader =
        Thread.currentThread().getContextClassLoader() != null
            ? Thread.currentThread().getContextClassLoader()
            : EventSchemas.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(LOCATION + type + ".schema.json")) {
      return in == null ? Optional.empty() : Optional.of(FACTORY.getSchema(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package io.kam.planning.events;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The schemas this service validates consumed events with are its producers' own, byte for byte:
 * a producer that changes a schema changes what its consumers check, or this fails.
 */
class ConsumedSchemasTest {

  static final List<String> PRODUCERS = List.of("account-service", "kpi-service", "scoring-service");

  @Test
  void everyProducersSchemaIsOnTheClasspathUnchanged() throws IOException {
    for (String producer : PRODUCERS) {
      Path dir = Path.of("..", producer, "src", "main", "resources", "events");
      List<Path> schemas;
      try (Stream<Path> files = Files.list(dir)) {
        schemas = files.filter(f -> f.toString().endsWith(".schema.json")).toList();
      }
      assertFalse(schemas.isEmpty(), producer + " publishes schemas");
      for (Path schema : schemas) {
        try (InputStream copy = getClass().getClassLoader()
            .getResourceAsStream("events/" + schema.getFileName())) {
          assertNotNull(copy, schema.getFileName() + " of " + producer + " is on the classpath");
          assertArrayEquals(Files.readAllBytes(schema), copy.readAllBytes(), schema.getFileName().toString());
        }
      }
    }
  }
}

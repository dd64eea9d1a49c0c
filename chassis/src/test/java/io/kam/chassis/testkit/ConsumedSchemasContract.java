package io.kam.chassis.testkit;

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
 * The schemas a service validates consumed events with are its producers' own, byte for byte: a
 * producer that changes a schema changes what its consumers check, or this fails. A consuming
 * service subclasses it and names its producers (their module folders next to its own).
 */
public abstract class ConsumedSchemasContract {

  private final List<String> producers;

  protected ConsumedSchemasContract(String... producers) {
    this.producers = List.of(producers);
  }

  @Test
  void everyProducersSchemaIsOnTheClasspathUnchanged() throws IOException {
    for (String producer : producers) {
      Path dir = Path.of("..", producer, "src", "main", "resources", "events");
      List<Path> schemas;
      try (Stream<Path> files = Files.list(dir)) {
        schemas = files.filter(f -> f.toString().endsWith(".schema.json")).toList();
      }
      assertFalse(schemas.isEmpty(), producer + " publishes schemas");
      for (Path schema : schemas) {
        // The subclass's loader: the consuming service's classpath, not the chassis's.
        try (InputStream copy =
            getClass().getClassLoader().getResourceAsStream("events/" + schema.getFileName())) {
          assertNotNull(copy, schema.getFileName() + " of " + producer + " is on the classpath");
          assertArrayEquals(
              Files.readAllBytes(schema), copy.readAllBytes(), schema.getFileName().toString());
        }
      }
    }
  }
}

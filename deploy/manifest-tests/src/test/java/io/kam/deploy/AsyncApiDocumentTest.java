package io.kam.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/asyncapi.yaml names every event type a producer has a JSON Schema for, on its producer's
 * topic, with that very schema as its data: the catalogue cannot drift from what is validated.
 */
class AsyncApiDocumentTest {

  static final Path DOC = Repo.ROOT.resolve("docs/asyncapi.yaml");
  static final Map<String, String> TOPIC_OF_PRODUCER =
      Map.of(
          "account-service", "kam.account.events",
          "kpi-service", "kam.kpi.events",
          "scoring-service", "kam.score.events",
          "planning-service", "kam.plan.events");

  @Test
  void everyProducerSchemaIsAMessageOnItsProducersChannelWithThatSchemaAsData() {
    JsonNode doc = Repo.yamlDocs(DOC).get(0);
    assertEquals("3.0.0", doc.path("asyncapi").asText());
    Map<String, String> expected = producerSchemas();
    Map<String, String> documented = new TreeMap<>();
    doc.path("channels")
        .forEach(
            channel -> {
              String topic = channel.path("address").asText();
              channel
                  .path("messages")
                  .forEach(
                      ref -> {
                        JsonNode message = resolve(doc, ref.path("$ref").asText());
                        String type = message.path("name").asText();
                        JsonNode data =
                            message
                                .path("payload")
                                .path("allOf")
                                .get(1)
                                .path("properties")
                                .path("data");
                        Path schema =
                            DOC.getParent().resolve(data.path("$ref").asText()).normalize();
                        assertTrue(
                            Files.isRegularFile(schema),
                            type + ": its data schema does not exist: " + schema);
                        documented.put(type, topic + " " + Repo.ROOT.relativize(schema));
                      });
            });
    assertEquals(expected, documented);
  }

  @Test
  void everyOperationSendsOnlyMessagesOfItsChannel() {
    JsonNode doc = Repo.yamlDocs(DOC).get(0);
    Set<String> problems = new TreeSet<>();
    doc.path("operations")
        .fields()
        .forEachRemaining(
            op -> {
              String channel = op.getValue().path("channel").path("$ref").asText();
              resolve(doc, channel);
              op.getValue()
                  .path("messages")
                  .forEach(
                      m -> {
                        String ref = m.path("$ref").asText();
                        if (!ref.startsWith(channel + "/messages/")) {
                          problems.add(op.getKey() + " sends " + ref);
                        }
                        resolve(doc, ref);
                      });
            });
    assertTrue(problems.isEmpty(), problems.toString());
    assertEquals(TOPIC_OF_PRODUCER.size(), doc.path("operations").size());
  }

  /** type -> "topic path-of-schema" for every schema a producer keeps. */
  static Map<String, String> producerSchemas() {
    Map<String, String> m = new TreeMap<>();
    TOPIC_OF_PRODUCER.forEach(
        (service, topic) -> {
          Path dir = Repo.ROOT.resolve(service).resolve("src/main/resources/events");
          try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().endsWith(".schema.json"))
                .forEach(
                    p ->
                        m.put(
                            p.getFileName().toString().replace(".schema.json", ""),
                            topic + " " + Repo.ROOT.relativize(p)));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
    assertTrue(m.size() >= 12, "producer schemas not found: " + m.keySet());
    return m;
  }

  static JsonNode resolve(JsonNode doc, String localRef) {
    assertTrue(localRef.startsWith("#/"), "not a local reference: " + localRef);
    JsonNode n = doc.at(localRef.substring(1));
    assertTrue(!n.isMissingNode(), "reference does not resolve: " + localRef);
    return n;
  }
}

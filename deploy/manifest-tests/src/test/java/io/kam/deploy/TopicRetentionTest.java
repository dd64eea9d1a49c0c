package io.kam.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A read model is rebuilt by replaying its topics from the beginning, and a restored database
 * catches up the same way: every topic a service declares as feeding a read model must keep all of
 * its events (retention.ms -1) and must not be compacted (compaction keeps only the last event per
 * account: the replay would see gaps and lose FACT events such as deletions' predecessors), in the
 * Kubernetes manifests, in docker compose and in the embedded platform of tests and local runs.
 */
class TopicRetentionTest {

  private static final Pattern FEED = Pattern.compile("new Feed\\(\\s*\"([a-z.]+)\"");

  /** The topics named by a read model's feeds in any service. */
  static List<String> readModelTopics() throws IOException {
    try (Stream<Path> files = Files.walk(Repo.ROOT)) {
      return files
          .filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/java/"))
          .map(Repo::read)
          .filter(src -> src.contains("implements ReadModel"))
          .flatMap(
              src -> {
                Matcher m = FEED.matcher(src);
                List<String> topics = new java.util.ArrayList<>();
                while (m.find()) {
                  topics.add(m.group(1));
                }
                return topics.stream();
              })
          .distinct()
          .toList();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void everyEventTopicKeepsEverythingAndNoneIsCompacted(String overlay) throws IOException {
    Map<String, JsonNode> config = new HashMap<>();
    for (ObjectNode r : Kustomize.build(Repo.DEPLOY.resolve("k8s/overlays/" + overlay))) {
      if ("KafkaTopic".equals(r.path("kind").asText())) {
        config.put(r.path("spec").path("topicName").asText(), r.path("spec").path("config"));
      }
    }
    Problems p = new Problems();
    config.forEach(
        (topic, c) ->
            p.check(
                "delete".equals(c.path("cleanup.policy").asText()),
                overlay + " " + topic + ": cleanup.policy delete, never compact"));
    List<String> feeds = readModelTopics();
    p.check(!feeds.isEmpty(), "no service declares a read model");
    for (String topic : feeds) {
      JsonNode c = config.get(topic);
      p.check(
          c != null && c.path("retention.ms").asLong() == -1,
          overlay + " " + topic + " feeds a read model: retention.ms must be -1");
    }
    p.assertNone();
  }

  @Test
  void composeAndTheEmbeddedPlatformKeepEventTopicsForEver() {
    for (String file : List.of("compose/docker-compose.yml", "compose/docker-compose.secure.yml")) {
      String compose = Repo.read(Repo.DEPLOY.resolve(file));
      assertTrue(
          compose.contains(
              "--topic \"$$t\" --partitions 12 --replication-factor 1 --config retention.ms=-1"),
          file + ": event topics keep everything");
      assertTrue(!compose.contains("compact"), file + ": no compacted topic");
    }
    String platform =
        Repo.read(
            Repo.DEPLOY.resolve("platform/src/main/java/io/kam/platform/EmbeddedPlatform.java"));
    assertTrue(
        platform.contains("\"cleanup.policy\",\n        \"delete\"")
            && platform.contains("name.endsWith(\".dlq\") ? \"2592000000\" : \"-1\""),
        "the embedded platform creates event topics that keep everything, uncompacted");
  }
}

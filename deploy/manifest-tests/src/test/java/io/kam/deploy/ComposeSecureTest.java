package io.kam.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * deploy/compose/docker-compose.secure.yml: the compose option of Kafka with SCRAM and ACLs, held
 * to the same rules as the KafkaUsers of the Kubernetes manifests (KafkaAccessTest).
 */
class ComposeSecureTest {

  static final Path FILE = Repo.COMPOSE.resolve("docker-compose.secure.yml");
  static final ObjectNode SECURE = Repo.yaml(FILE);
  static final JsonNode SERVICES = SECURE.path("services");

  static Map<String, String> env(String service) {
    Map<String, String> m = new HashMap<>();
    SERVICES
        .path(service)
        .path("environment")
        .fields()
        .forEachRemaining(f -> m.put(f.getKey(), f.getValue().asText()));
    return m;
  }

  @Test
  void overridesOnlyServicesOfTheComposeFileWithKnownFields() {
    Problems p = new Problems();
    SERVICES
        .fields()
        .forEachRemaining(
            s -> {
              p.check(
                  ComposeTest.SERVICES.has(s.getKey()),
                  "secure override of " + s.getKey() + ", which docker-compose.yml does not have");
              s.getValue()
                  .fieldNames()
                  .forEachRemaining(
                      f ->
                          p.check(
                              ComposeTest.SERVICE_FIELDS.contains(f) || f.equals("network_mode"),
                              s.getKey() + ": unknown field " + f));
            });
    p.assertNone();
  }

  @Test
  void theBrokerAuthenticatesEveryClientAndListensWithoutAuthenticationOnlyOnLoopback() {
    Map<String, String> kafka = env("kafka");
    Map<String, String> protocols = new HashMap<>();
    for (String pair : kafka.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").split(",")) {
      protocols.put(pair.split(":")[0], pair.split(":")[1]);
    }
    for (String listener : kafka.get("KAFKA_LISTENERS").split(",")) {
      String name = listener.substring(0, listener.indexOf("://"));
      String address = listener.substring(listener.indexOf("://") + 3);
      String protocol = protocols.get(name);
      assertTrue(
          protocol.startsWith("SASL_") || address.startsWith("127.0.0.1:"),
          listener + " (" + protocol + ") accepts unauthenticated clients from the network");
    }
    assertEquals("SCRAM-SHA-512", kafka.get("KAFKA_SASL_ENABLED_MECHANISMS"));
    assertTrue(kafka.get("KAFKA_AUTHORIZER_CLASS_NAME").endsWith("StandardAuthorizer"));
    assertEquals("false", kafka.get("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND"));
    assertEquals(
        "service:kafka",
        SERVICES.path("kafka-init").path("network_mode").asText(),
        "kafka-init reaches the loopback admin listener");
  }

  @Test
  void everyProcessLogsInAsItsOwnUserWithAPasswordFromEnv() {
    Problems p = new Problems();
    Properties example = ServiceConfig.load(Repo.COMPOSE.resolve(".env.example"));
    Pattern jaas =
        Pattern.compile(
            "org\\.apache\\.kafka\\.common\\.security\\.scram\\.ScramLoginModule required"
                + " username=\"([a-z-]+)\" password=\"\\$\\{(KAFKA_[A-Z]+_PASSWORD):\\?[^}]*}\";");
    for (ServiceConfig.Process proc : ServiceConfig.PROCESSES.values()) {
      String service = proc.isGateway() ? "gateway" : proc.name();
      Map<String, String> env = env(service);
      p.check(
          "SASL_PLAINTEXT".equals(env.get("KAFKA_SECURITY_PROTOCOL")),
          service + ": KAFKA_SECURITY_PROTOCOL");
      p.check("SCRAM-SHA-512".equals(env.get("KAFKA_SASL_MECHANISM")), service + ": mechanism");
      Matcher m = jaas.matcher(env.getOrDefault("KAFKA_SASL_JAAS_CONFIG", ""));
      p.check(
          m.matches(), service + ": KAFKA_SASL_JAAS_CONFIG " + env.get("KAFKA_SASL_JAAS_CONFIG"));
      if (m.matches()) {
        p.check(proc.module().equals(m.group(1)), service + ": logs in as " + m.group(1));
        p.check(example.containsKey(m.group(2)), m.group(2) + " is not in .env.example");
      }
    }
    p.assertNone();
  }

  @Test
  void kafkaInitGrantsEachUserWhatItsKafkaUserGrantsOnKubernetes() {
    String init = SERVICES.path("kafka-init").path("command").get(0).asText();
    Map<String, Set<String>> writes = new HashMap<>();
    Map<String, Set<String>> reads = new HashMap<>();
    Map<String, Set<String>> groups = new HashMap<>();
    Set<String> users = new TreeSet<>();
    for (String line : init.lines().map(String::trim).toList()) {
      String[] w = line.split("\\s+");
      switch (w[0]) {
        case "user" -> users.add(w[1]);
        case "produce" ->
            writes
                .computeIfAbsent(w[1], k -> new TreeSet<>())
                .addAll(Arrays.asList(w).subList(2, w.length));
        case "consume" -> {
          groups.computeIfAbsent(w[1], k -> new TreeSet<>()).add(w[2]);
          reads
              .computeIfAbsent(w[1], k -> new TreeSet<>())
              .addAll(Arrays.asList(w).subList(3, w.length));
        }
        default -> {}
      }
    }
    Problems p = new Problems();
    for (ServiceConfig.Process proc : ServiceConfig.PROCESSES.values()) {
      String u = proc.module();
      p.check(users.contains(u), "no SCRAM user " + u);
      p.check(
          writes.getOrDefault(u, Set.of()).equals(KafkaAccessTest.expectedWrites(proc)),
          u + " writes " + writes.get(u) + ", must write " + KafkaAccessTest.expectedWrites(proc));
      p.check(
          reads.getOrDefault(u, Set.of()).equals(KafkaAccessTest.consumed(proc)),
          u + " reads " + reads.get(u) + ", must read " + KafkaAccessTest.consumed(proc));
      p.check(
          groups.getOrDefault(u, Set.of()).equals(KafkaAccessTest.groups(proc)),
          u + " groups " + groups.get(u) + ", its consumers use " + KafkaAccessTest.groups(proc));
    }
    p.assertNone();
  }
}

package io.kam.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * deploy/compose: the whole platform on one Docker host, checked against the services'
 * configuration.
 */
class ComposeTest {

  static final Path FILE = Repo.COMPOSE.resolve("docker-compose.yml");
  static final ObjectNode COMPOSE = Repo.yaml(FILE);
  static final JsonNode SERVICES = COMPOSE.path("services");
  static final Set<String> TOP_LEVEL =
      Set.of("name", "services", "volumes", "secrets", "networks", "configs");
  static final Set<String> SERVICE_FIELDS =
      Set.of(
          "image",
          "hostname",
          "environment",
          "volumes",
          "healthcheck",
          "deploy",
          "restart",
          "depends_on",
          "entrypoint",
          "command",
          "secrets",
          "ports",
          "user",
          "read_only",
          "tmpfs");
  static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Z0-9_]+)(:?[-?])?([^}]*)}");

  static Map<String, String> env(String service) {
    Map<String, String> m = new HashMap<>();
    JsonNode e = SERVICES.path(service).path("environment");
    assertTrue(e.isObject() || e.isMissingNode(), service + ": environment as a mapping");
    e.fields().forEachRemaining(f -> m.put(f.getKey(), f.getValue().asText()));
    return m;
  }

  @Test
  void onlyKnownComposeFieldsAreUsed() {
    Problems p = new Problems();
    COMPOSE
        .fieldNames()
        .forEachRemaining(f -> p.check(TOP_LEVEL.contains(f), "unknown top-level field " + f));
    SERVICES
        .fields()
        .forEachRemaining(
            s ->
                s.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        f ->
                            p.check(
                                SERVICE_FIELDS.contains(f), s.getKey() + ": unknown field " + f)));
    p.assertNone();
  }

  @Test
  void kafkaRunsInKraftModeFromTheOfficialImageAndEveryTopicIsCreated() {
    assertTrue(
        SERVICES.path("kafka").path("image").asText().startsWith("apache/kafka:"),
        "official apache/kafka image");
    Map<String, String> env = env("kafka");
    assertTrue(
        env.get("KAFKA_PROCESS_ROLES").contains("controller")
            && env.get("KAFKA_PROCESS_ROLES").contains("broker"),
        "KRaft roles");
    assertTrue(env.containsKey("KAFKA_CONTROLLER_QUORUM_VOTERS"), "KRaft quorum");
    assertTrue(env.keySet().stream().noneMatch(k -> k.contains("ZOOKEEPER")), "no ZooKeeper");
    assertEquals("false", env.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE"));
    assertTrue(env.get("KAFKA_ADVERTISED_LISTENERS").contains("PLAINTEXT://kafka:9092"));

    String init = SERVICES.path("kafka-init").path("command").toString();
    Set<String> created = new TreeSet<>();
    Matcher m = Pattern.compile("kam\\.[a-z]+\\.events").matcher(init);
    while (m.find()) {
      created.add(m.group());
    }
    assertEquals(ServiceConfig.topics(), created, "kafka-init creates the topics of the contract");
    assertTrue(init.contains("--topic \\\"$$t.dlq\\\""), "and their dead-letter twins");
    assertTrue(
        init.contains("--partitions 12") && init.contains("retention.ms="),
        "partitions and retention stated");
  }

  @Test
  void postgresCreatesOneDatabaseAndRolePerProcess() throws Exception {
    JsonNode pg = SERVICES.path("postgres");
    assertTrue(pg.path("image").asText().matches("postgres:1[5-9].*"), "PostgreSQL 15+");
    String mount = null;
    for (JsonNode v : pg.path("volumes")) {
      if (v.asText().contains("/docker-entrypoint-initdb.d/")) {
        mount = v.asText();
      }
    }
    assertTrue(mount != null, "an init script is mounted");
    Path script = Repo.COMPOSE.resolve(mount.substring(0, mount.indexOf(':')));
    assertTrue(Files.isRegularFile(script), script + " exists");
    assertTrue(Files.isExecutable(script), script + " is executable");
    String text = Repo.read(script);
    Matcher m = Pattern.compile("for db in ([a-z ]+);").matcher(text);
    assertTrue(m.find(), "the script loops over the databases");
    Set<String> dbs = new TreeSet<>(Set.of(m.group(1).trim().split("\\s+")));
    Set<String> expected = new TreeSet<>();
    ServiceConfig.PROCESSES.values().forEach(p -> expected.add(p.database()));
    assertEquals(expected, dbs);
    Map<String, String> env = env("postgres");
    for (String db : dbs) {
      assertTrue(
          env.containsKey(db.toUpperCase() + "_DB_PASSWORD"),
          "postgres gets the password of role " + db);
    }
  }

  @Test
  void everyProcessIsConfiguredWithVariablesItReadsOnItsRealPortAndDatabase() {
    Problems p = new Problems();
    for (ServiceConfig.Process proc : ServiceConfig.PROCESSES.values()) {
      String s = proc.name();
      JsonNode svc = SERVICES.path(s);
      if (svc.isMissingNode()) {
        p.add("no compose service " + s);
        continue;
      }
      p.check(
          svc.path("image").asText().startsWith("kam/" + proc.module() + ":"),
          s + ": image " + svc.path("image").asText());
      Map<String, String> env = env(s);
      for (String name : env.keySet()) {
        p.check(
            ServiceConfig.whoReads(name) != null,
            s + ": " + name + " is read by no property, placeholder or code");
      }
      p.check(
          String.valueOf(proc.port()).equals(env.get("KAM_HTTP_PORT")),
          s + ": KAM_HTTP_PORT must be " + proc.port());
      p.check(
          ("jdbc:postgresql://postgres:5432/" + proc.database()).equals(env.get("KAM_DB_URL")),
          s + ": KAM_DB_URL " + env.get("KAM_DB_URL"));
      p.check(proc.database().equals(env.get("KAM_DB_USER")), s + ": its own database role");
      p.check(
          ("${" + proc.database().toUpperCase() + "_DB_PASSWORD")
              .equals(String.valueOf(env.get("KAM_DB_PASSWORD")).split(":")[0]),
          s + ": its own role's password");
      p.check(
          "kafka:9092".equals(env.get("KAFKA_BOOTSTRAP_SERVERS")), s + ": KAFKA_BOOTSTRAP_SERVERS");
      String health = svc.path("healthcheck").path("test").toString();
      p.check(
          String.valueOf(proc.managementPort()).equals(env.get("KAM_MANAGEMENT_PORT")),
          s + ": KAM_MANAGEMENT_PORT must be " + proc.managementPort());
      int mp = proc.managementPort();
      p.check(
          health.contains("/" + mp + " ") || health.contains(":" + mp + "/"),
          s + ": healthcheck on the management port " + mp);
      p.check(health.contains("/q/health/ready"), s + ": healthcheck on readiness");
      p.check(
          svc.path("depends_on")
              .path("postgres")
              .path("condition")
              .asText()
              .equals("service_healthy"),
          s + ": waits for postgres");
      p.check(
          svc.path("depends_on").path("kafka").path("condition").asText().equals("service_healthy"),
          s + ": waits for kafka");
      // Keys: mounted from the secrets directory exactly where the variables point.
      Set<String> targets = new HashSet<>();
      svc.path("secrets").forEach(x -> targets.add(x.path("target").asText()));
      for (Map.Entry<String, String> e : env.entrySet()) {
        if (e.getKey().startsWith("KAM_KEYS_")) {
          p.check(
              targets.contains(e.getValue()),
              s + ": " + e.getKey() + "=" + e.getValue() + " is not mounted");
        }
      }
      if (proc.isGateway()) {
        for (ServiceConfig.Process up : ServiceConfig.PROCESSES.values()) {
          if (!up.isGateway()) {
            p.check(
                ("http://" + up.name() + ":" + up.port())
                    .equals(env.get("KAM_" + up.name().toUpperCase() + "_URL")),
                "gateway: KAM_" + up.name().toUpperCase() + "_URL");
            p.check(
                svc.path("depends_on")
                    .path(up.name())
                    .path("condition")
                    .asText()
                    .equals("service_healthy"),
                "gateway waits for " + up.name());
          }
        }
        p.check(
            svc.path("ports").toString().contains(proc.port() + ":" + proc.port()),
            "gateway: published on " + proc.port());
      } else {
        p.check(
            targets.stream().noneMatch(t -> t.contains("private")),
            s + ": must not see the gateway's private key");
        p.check(svc.path("ports").isMissingNode(), s + ": only the gateway is published");
      }
    }
    p.assertNone();
  }

  @Test
  void everyContainerHasAHealthcheckAMemoryLimitAndWaitsForHealthyDependencies() {
    Problems p = new Problems();
    SERVICES
        .fields()
        .forEachRemaining(
            e -> {
              String s = e.getKey();
              JsonNode svc = e.getValue();
              p.check(svc.path("healthcheck").path("test").isArray(), s + ": no healthcheck");
              p.check(
                  svc.path("deploy")
                      .path("resources")
                      .path("limits")
                      .path("memory")
                      .asText()
                      .matches("\\d+[mg]"),
                  s + ": no memory limit");
              svc.path("depends_on")
                  .fields()
                  .forEachRemaining(
                      d -> {
                        String cond = d.getValue().path("condition").asText();
                        JsonNode dep = SERVICES.path(d.getKey());
                        p.check(!dep.isMissingNode(), s + ": depends on unknown " + d.getKey());
                        boolean oneShot = "no".equals(dep.path("restart").asText());
                        p.check(
                            oneShot
                                ? cond.equals("service_completed_successfully")
                                : cond.equals("service_healthy"),
                            s + " -> " + d.getKey() + ": condition " + cond);
                      });
            });
    p.assertNone();
  }

  @Test
  void noSecretIsCommittedAndEveryRequiredVariableIsInEnvExample() throws Exception {
    Problems p = new Problems();
    String text = Repo.read(FILE) + "\n" + Repo.read(ComposeSecureTest.FILE);
    Properties example = ServiceConfig.load(Repo.COMPOSE.resolve(".env.example"));
    Set<String> used = new TreeSet<>();
    Matcher m = INTERPOLATION.matcher(text);
    while (m.find()) {
      used.add(m.group(1));
      boolean hasDefault = "-".equals(m.group(2)) || ":-".equals(m.group(2));
      if (!hasDefault) {
        p.check(
            example.containsKey(m.group(1)),
            "${" + m.group(1) + "} is required but not in .env.example");
      }
    }
    for (Object k : example.keySet()) {
      p.check(
          used.contains(k.toString()),
          ".env.example: " + k + " is used nowhere in docker-compose.yml");
    }
    SERVICES
        .fields()
        .forEachRemaining(
            s ->
                env(s.getKey())
                    .forEach(
                        (k, v) -> {
                          if (KubernetesManifestsTest.SENSITIVE.matcher(k).matches()
                              && !k.startsWith("KAM_KEYS_")) {
                            p.check(
                                v.startsWith("${") && v.endsWith("}"),
                                s.getKey() + ": " + k + " must be a ${VARIABLE} from .env");
                          }
                        }));
    COMPOSE
        .path("secrets")
        .fields()
        .forEachRemaining(
            s ->
                p.check(
                    s.getValue().path("file").asText().startsWith("${KAM_KEYS_DIR"),
                    "secret " + s.getKey() + " comes from KAM_KEYS_DIR"));
    String ignored = Repo.read(Repo.COMPOSE.resolve(".gitignore"));
    p.check(
        ignored.lines().anyMatch(".env"::equals) && ignored.lines().anyMatch("keys/"::equals),
        ".env and keys/ are git-ignored");
    p.assertNone();
  }
}

package io.kam.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * deploy/CONFIGURATION.md and deploy/OPERATIONS.md say only what is true of the code and the
 * manifests.
 */
class DocsTest {

  static final Path CONFIGURATION = Repo.DEPLOY.resolve("CONFIGURATION.md");
  static final Path OPERATIONS = Repo.DEPLOY.resolve("OPERATIONS.md");
  static final Pattern VARIABLE = Pattern.compile("`((?:KAM|QUARKUS|KAFKA|JAVA)_[A-Z0-9_]+)`");

  /** Image internals the Dockerfiles set for the base image's launcher; not deployment settings. */
  static final Set<String> IMAGE_INTERNALS = Set.of("JAVA_APP_JAR", "LANGUAGE");

  static Set<String> documented() {
    Set<String> s = new TreeSet<>();
    for (Path doc : new Path[] {Repo.ROOT.resolve("README.md"), CONFIGURATION}) {
      Matcher m = VARIABLE.matcher(Repo.read(doc));
      while (m.find()) {
        s.add(m.group(1));
      }
    }
    return s;
  }

  @Test
  void everyVariableTheDeploymentsSetIsDocumented() {
    Set<String> set = new TreeSet<>();
    ComposeTest.SERVICES
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().path("image").asText().startsWith("kam/")) {
                e.getValue().path("environment").fieldNames().forEachRemaining(set::add);
              }
            });
    for (Deployment d : KubernetesManifestsTest.render("prod").all(Deployment.class)) {
      d.getSpec()
          .getTemplate()
          .getSpec()
          .getContainers()
          .forEach(c -> c.getEnv().stream().map(EnvVar::getName).forEach(set::add));
    }
    for (Path f : Repo.files(Repo.DEPLOY.resolve("docker"))) {
      for (String i : DockerfilesTest.instructions(f)) {
        Matcher m = Pattern.compile("^ENV ([A-Z_][A-Z0-9_]*)=").matcher(i);
        if (m.find()) {
          set.add(m.group(1));
        }
      }
    }
    set.removeAll(IMAGE_INTERNALS);
    set.removeAll(documented());
    assertTrue(
        set.isEmpty(),
        "set by the deployments but documented neither in README.md nor deploy/CONFIGURATION.md: "
            + set);
  }

  @Test
  void everyVariableTheConfigurationTextNamesIsReadByTheProcessesOrIsAComposeSetting() {
    Properties envExample = ServiceConfig.load(Repo.COMPOSE.resolve(".env.example"));
    Set<String> unknown = new TreeSet<>();
    Matcher m = VARIABLE.matcher(Repo.read(CONFIGURATION));
    while (m.find()) {
      String v = m.group(1);
      if (ServiceConfig.whoReads(v) == null && !envExample.containsKey(v)) {
        unknown.add(v);
      }
    }
    assertTrue(
        unknown.isEmpty(), "deploy/CONFIGURATION.md names variables nothing reads: " + unknown);
  }

  @Test
  void theOperationsTextNamesRealTablesEndpointsMetricsTopicsAndGroups() {
    String ops = Repo.read(OPERATIONS);
    String chassisSql =
        Repo.read(Repo.ROOT.resolve("chassis/src/main/resources/db/chassis/V1__chassis.sql"));
    Problems p = new Problems();
    Matcher t = Pattern.compile("kam_chassis\\.([a-z_]+)").matcher(ops);
    int tables = 0;
    while (t.find()) {
      tables++;
      p.check(
          chassisSql.contains("create table " + t.group(1) + " ("),
          "kam_chassis." + t.group(1) + " is no chassis table");
    }
    p.check(tables >= 4, "the replay procedure names the chassis tables");

    String deadLetters =
        Repo.read(
            Repo.ROOT.resolve("chassis/src/main/java/io/kam/chassis/api/DeadLetterResource.java"));
    p.check(
        deadLetters.contains("@Path(\"/api/v1/admin/{service}/dead-letters\")")
            && deadLetters.contains("@Path(\"/{id}/replay\")"),
        "the dead-letter endpoints moved");
    Matcher dl = Pattern.compile("/api/v1/admin/([a-z]+)/dead-letters").matcher(ops);
    while (dl.find()) {
      p.check(
          ServiceConfig.PROCESSES.containsKey(dl.group(1)),
          "dead letters of unknown service " + dl.group(1));
    }
    String deadLetterSource =
        Repo.read(
            Repo.ROOT.resolve("chassis/src/main/java/io/kam/chassis/messaging/DeadLetters.java"));
    Matcher h = Pattern.compile("`(dead-letter-[a-z]+)`").matcher(ops);
    while (h.find()) {
      p.check(
          deadLetterSource.contains("\"" + h.group(1) + "\""),
          "header " + h.group(1) + " is not set by the chassis");
    }

    Set<String> metrics = ObservabilityFilesTest.chassisMetrics();
    Matcher km = Pattern.compile("\\b(kam_(?!chassis\\b)[a-z_]+)\\b").matcher(ops);
    while (km.find()) {
      p.check(metrics.contains(km.group(1)), km.group(1) + " is no chassis metric");
    }
    Matcher topic = Pattern.compile("\\bkam\\.[a-z]+\\.events\\b").matcher(ops);
    while (topic.find()) {
      p.check(ServiceConfig.topics().contains(topic.group()), topic.group() + " is no topic");
    }
    // Consumer groups are the application names, producers the events' sources.
    Matcher group = Pattern.compile("--group ([a-z-]+)").matcher(ops);
    while (group.find()) {
      String g = group.group(1);
      p.check(
          ServiceConfig.PROCESSES.values().stream()
              .anyMatch(pr -> g.equals(pr.properties().getProperty("quarkus.application.name"))),
          "consumer group " + g + " is no application name");
    }
    p.check(
        ServiceConfig.CHASSIS
            .getProperty("mp.messaging.connector.smallrye-kafka.group.id")
            .equals("${quarkus.application.name}"),
        "consumer groups are no longer the application names");
    p.check(
        Repo.read(Repo.ROOT.resolve("chassis/src/main/java/io/kam/chassis/messaging/Outbox.java"))
            .contains("\"/\" + service + \"-service\""),
        "event sources are no longer /<service>-service");
    Matcher consumer = Pattern.compile("consumer = '([a-z]+)'").matcher(ops);
    while (consumer.find()) {
      String c = consumer.group(1);
      p.check(
          ServiceConfig.PROCESSES.values().stream()
              .anyMatch(pr -> c.equals(pr.properties().getProperty("kam.service.name"))),
          "consumer " + c + " is no kam.service.name");
    }
    p.assertNone();
  }
}

package io.kam.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CloudNativePG resources, checked by structure (no Java model of them is published): one
 * Cluster per process that owns a database, its scheduled backups, the object store they go to, and
 * the Deployment's connection settings pointing at the right cluster and Secret.
 */
class CloudNativePgTest {

  static final Set<String> CLUSTER_SPEC =
      Set.of(
          "instances",
          "imageName",
          "primaryUpdateStrategy",
          "bootstrap",
          "storage",
          "walStorage",
          "postgresql",
          "resources",
          "plugins",
          "backup",
          "affinity",
          "monitoring",
          "enableSuperuserAccess",
          "description",
          "managed",
          "minSyncReplicas",
          "maxSyncReplicas");
  static final Set<String> BACKUP_SPEC =
      Set.of(
          "schedule",
          "immediate",
          "backupOwnerReference",
          "cluster",
          "method",
          "pluginConfiguration",
          "suspend",
          "target",
          "online");
  static final Pattern SIX_FIELD_CRON = Pattern.compile("^\\S+( \\S+){5}$");
  static final String BARMAN_PLUGIN = "barman-cloud.cloudnative-pg.io";

  @ParameterizedTest
  @ValueSource(strings = {"base", "dev", "prod"})
  void everyDatabaseIsAClusterWithScheduledBackupsToAnObjectStore(String overlay) {
    KubernetesManifestsTest.Rendered r = KubernetesManifestsTest.render(overlay);
    Problems p = new Problems();
    Map<String, ObjectNode> clusters = new HashMap<>();
    for (ObjectNode c : r.structural("Cluster")) {
      String name = c.path("metadata").path("name").asText();
      String where = overlay + " Cluster " + name;
      p.check(
          c.path("apiVersion").asText().equals("postgresql.cnpg.io/v1"),
          where + ": apiVersion " + c.path("apiVersion"));
      clusters.put(name, c);
      JsonNode spec = c.path("spec");
      spec.fieldNames()
          .forEachRemaining(
              f -> p.check(CLUSTER_SPEC.contains(f), where + ": unknown spec field " + f));
      int instances = spec.path("instances").asInt(0);
      p.check(instances >= 1, where + ": spec.instances");
      if (overlay.equals("prod")) {
        p.check(instances >= 3, where + ": production runs a primary and two standbys");
      }
      p.check(
          spec.path("storage").path("size").asText().matches("\\d+(Mi|Gi|Ti)"),
          where + ": spec.storage.size");
      p.check(
          spec.path("imageName").asText().startsWith("ghcr.io/cloudnative-pg/postgresql:"),
          where + ": imageName");
      JsonNode initdb = spec.path("bootstrap").path("initdb");
      p.check(
          initdb.path("database").isTextual() && initdb.path("owner").isTextual(),
          where + ": bootstrap.initdb.database/owner");
      p.check(
          !initdb.has("secret") || initdb.path("secret").path("name").isTextual(),
          where + ": initdb.secret");
      p.check(spec.path("resources").path("limits").has("memory"), where + ": memory limit");
      // WAL archiving (needed for point-in-time recovery) through the Barman Cloud plugin.
      boolean archiver = false;
      for (JsonNode plugin : spec.path("plugins")) {
        if (plugin.path("name").asText().equals(BARMAN_PLUGIN)
            && plugin.path("isWALArchiver").asBoolean(false)) {
          archiver = true;
          String store = plugin.path("parameters").path("barmanObjectName").asText();
          p.check(
              r.structural("ObjectStore").stream()
                  .anyMatch(o -> o.path("metadata").path("name").asText().equals(store)),
              where + ": object store " + store + " does not exist");
        }
      }
      p.check(archiver || spec.has("backup"), where + ": no WAL archiving (plugins or backup)");
    }
    for (ObjectNode o : r.structural("ObjectStore")) {
      String where = overlay + " ObjectStore " + o.path("metadata").path("name").asText();
      p.check(
          o.path("apiVersion").asText().equals("barmancloud.cnpg.io/v1"), where + ": apiVersion");
      p.check(
          o.path("spec")
              .path("configuration")
              .path("destinationPath")
              .asText()
              .matches("(s3|gs|https)://.+"),
          where + ": destinationPath");
      p.check(
          o.path("spec").path("retentionPolicy").asText().matches("\\d+[dwm]"),
          where + ": retentionPolicy");
      JsonNode creds = o.path("spec").path("configuration").path("s3Credentials");
      for (String k : List.of("accessKeyId", "secretAccessKey")) {
        p.check(
            creds.path(k).path("name").isTextual() && creds.path(k).path("key").isTextual(),
            where + ": " + k + " from a Secret");
      }
    }

    // One cluster per process, with the database name the process's JDBC URL uses.
    Set<String> expected = new TreeSet<>();
    for (ServiceConfig.Process proc : ServiceConfig.PROCESSES.values()) {
      String name = proc.name() + "-db";
      expected.add(name);
      ObjectNode c = clusters.get(name);
      if (c == null) {
        continue;
      }
      JsonNode initdb = c.path("spec").path("bootstrap").path("initdb");
      p.check(
          proc.database().equals(initdb.path("database").asText()),
          overlay
              + " "
              + name
              + ": database "
              + initdb.path("database").asText()
              + ", the service uses "
              + proc.database());

      Container app =
          r.one(Deployment.class, proc.module())
              .getSpec()
              .getTemplate()
              .getSpec()
              .getContainers()
              .get(0);
      Map<String, EnvVar> env = new HashMap<>();
      app.getEnv().forEach(e -> env.put(e.getName(), e));
      p.check(
          ("jdbc:postgresql://" + name + "-rw:5432/" + proc.database())
              .equals(env.get("KAM_DB_URL").getValue()),
          overlay
              + " "
              + proc.module()
              + ": KAM_DB_URL "
              + env.get("KAM_DB_URL").getValue()
              + " is not the primary of "
              + name);
      String appSecret =
          initdb.has("secret") ? initdb.path("secret").path("name").asText() : name + "-app";
      for (String[] v :
          new String[][] {{"KAM_DB_USER", "username"}, {"KAM_DB_PASSWORD", "password"}}) {
        var ref =
            env.get(v[0]).getValueFrom() == null
                ? null
                : env.get(v[0]).getValueFrom().getSecretKeyRef();
        p.check(
            ref != null && ref.getName().equals(appSecret) && ref.getKey().equals(v[1]),
            overlay + " " + proc.module() + ": " + v[0] + " must be " + appSecret + "/" + v[1]);
      }
    }
    assertEquals(expected, new TreeSet<>(clusters.keySet()), overlay + ": one Cluster per process");

    // Connections: every instance the autoscaler may start opens up to its pool size.
    int defaultPool =
        Integer.parseInt(ServiceConfig.CHASSIS.getProperty("quarkus.datasource.jdbc.max-size"));
    for (ServiceConfig.Process proc : ServiceConfig.PROCESSES.values()) {
      ObjectNode c = clusters.get(proc.name() + "-db");
      int maxConnections =
          Integer.parseInt(
              c.path("spec")
                  .path("postgresql")
                  .path("parameters")
                  .path("max_connections")
                  .asText("100"));
      Container app =
          r.one(Deployment.class, proc.module())
              .getSpec()
              .getTemplate()
              .getSpec()
              .getContainers()
              .get(0);
      int pool =
          app.getEnv().stream()
              .filter(e -> e.getName().equals("QUARKUS_DATASOURCE_JDBC_MAX_SIZE"))
              .map(e -> Integer.parseInt(e.getValue()))
              .findFirst()
              .orElse(defaultPool);
      int maxReplicas =
          r
              .all(io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class)
              .stream()
              .filter(h -> h.getSpec().getScaleTargetRef().getName().equals(proc.module()))
              .mapToInt(h -> h.getSpec().getMaxReplicas())
              .max()
              .orElse(1);
      p.check(
          maxReplicas * pool <= maxConnections - 10,
          overlay
              + " "
              + proc.module()
              + ": "
              + maxReplicas
              + " instances x "
              + pool
              + " connections exceed max_connections "
              + maxConnections
              + " (10 kept for replication and the operator)");
    }

    // Scheduled backups of every cluster.
    Set<String> backedUp = new TreeSet<>();
    for (ObjectNode b : r.structural("ScheduledBackup")) {
      String where = overlay + " ScheduledBackup " + b.path("metadata").path("name").asText();
      JsonNode spec = b.path("spec");
      p.check(
          b.path("apiVersion").asText().equals("postgresql.cnpg.io/v1"), where + ": apiVersion");
      spec.fieldNames()
          .forEachRemaining(
              f -> p.check(BACKUP_SPEC.contains(f), where + ": unknown spec field " + f));
      p.check(
          SIX_FIELD_CRON.matcher(spec.path("schedule").asText()).matches(),
          where + ": schedule must be a six-field cron (seconds first)");
      String cluster = spec.path("cluster").path("name").asText();
      p.check(clusters.containsKey(cluster), where + ": cluster " + cluster + " does not exist");
      backedUp.add(cluster);
      if (spec.path("method").asText().equals("plugin")) {
        p.check(
            spec.path("pluginConfiguration").path("name").asText().equals(BARMAN_PLUGIN),
            where + ": plugin name");
      } else {
        p.check(
            Set.of("barmanObjectStore", "volumeSnapshot").contains(spec.path("method").asText()),
            where + ": method");
      }
    }
    assertEquals(
        new TreeSet<>(clusters.keySet()), backedUp, overlay + ": clusters with a ScheduledBackup");
    p.assertNone();
  }
}

package io.kam.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * deploy/k8s: the Kustomize base and overlays, parsed with their real models and checked against
 * the services.
 */
class KubernetesManifestsTest {

  static final Path BASE = Repo.K8S.resolve("base");
  static final Pattern SENSITIVE =
      Pattern.compile(".*(PASSWORD|SECRET|PRIVATE|TOKEN|CREDENTIAL|JAAS).*");
  static final int PARTITIONS_MIN = 12;

  /** An overlay rendered and parsed, resource by resource. */
  record Rendered(String overlay, List<ObjectNode> docs, List<HasMetadata> typed) {
    <T extends HasMetadata> List<T> all(Class<T> type) {
      return typed.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> T one(Class<T> type, String name) {
      return all(type).stream()
          .filter(r -> r.getMetadata().getName().equals(name))
          .findFirst()
          .orElseThrow(
              () -> new AssertionError(overlay + ": no " + type.getSimpleName() + " " + name));
    }

    List<ObjectNode> structural(String kind) {
      return docs.stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
    }
  }

  static Rendered render(String overlay) {
    Path dir = overlay.equals("base") ? BASE : Repo.K8S.resolve("overlays").resolve(overlay);
    return parsed(overlay, Kustomize.build(dir));
  }

  /** Rendered documents (possibly changed by a test) parsed with their models. */
  static Rendered parsed(String overlay, List<ObjectNode> docs) {
    List<HasMetadata> typed = new ArrayList<>();
    for (ObjectNode d : docs) {
      HasMetadata h = Models.parse(d, overlay + " (rendered)");
      if (h != null) {
        typed.add(h);
      }
    }
    return new Rendered(overlay, docs, typed);
  }

  // ------------------------------------------------------------------------------------------
  // Parsing

  @Test
  void everyManifestFileParsesWithItsModelAndHasNoUnknownField() {
    Problems p = new Problems();
    List<Path> files = Repo.files(Repo.K8S, ".yaml", ".yml");
    assertTrue(files.size() >= 15, "manifests found: " + files);
    int typed = 0;
    for (Path f : files) {
      for (ObjectNode doc : Repo.yamlDocs(f)) {
        p.run(
            Repo.rel(f),
            () -> {
              Models.parse(doc, Repo.rel(f));
              if (Models.kindOf(doc).kind().equals("Kustomization")) {
                doc.fieldNames()
                    .forEachRemaining(
                        n ->
                            p.check(
                                Kustomize.KNOWN_FIELDS.contains(n),
                                Repo.rel(f) + ": unknown field " + n));
              }
            });
        typed++;
      }
    }
    p.assertNone();
    assertTrue(typed > 40, "documents parsed: " + typed);
  }

  @Test
  void aMisspeltFieldIsReportedByTheTypedParse() {
    ObjectNode deployment =
        Repo.yamlDocs(BASE.resolve("apps/account-service.yaml")).get(0).deepCopy();
    ObjectNode container =
        (ObjectNode)
            deployment.path("spec").path("template").path("spec").path("containers").get(0);
    container.set("readinesProbe", container.get("readinessProbe"));
    AssertionError e = assertThrows(AssertionError.class, () -> Models.parse(deployment, "test"));
    assertTrue(e.getMessage().contains("readinesProbe"), e.getMessage());

    ObjectNode topic = Repo.yamlDocs(BASE.resolve("kafka/topics.yaml")).get(0).deepCopy();
    ((ObjectNode) topic.get("spec")).put("partition", 12);
    e = assertThrows(AssertionError.class, () -> Models.parse(topic, "test"));
    assertTrue(e.getMessage().contains("partition"), e.getMessage());

    ObjectNode wrongKind = topic.deepCopy().put("apiVersion", "kafka.strimzi.io/v1beta3");
    assertThrows(AssertionError.class, () -> Models.parse(wrongKind, "test"));
  }

  @Test
  void everyFileOfTheBaseAndOverlaysIsUsedByAKustomization() {
    Set<Path> used = new HashSet<>();
    for (Path k : Repo.files(Repo.K8S, "kustomization.yaml")) {
      used.add(k.normalize());
      ObjectNode doc = Repo.yaml(k);
      doc.path("resources").forEach(r -> used.add(k.getParent().resolve(r.asText()).normalize()));
      doc.path("patches")
          .forEach(
              r -> {
                if (r.has("path")) {
                  used.add(k.getParent().resolve(r.get("path").asText()).normalize());
                }
              });
    }
    List<String> unused =
        Repo.files(Repo.K8S, ".yaml", ".yml").stream()
            .filter(f -> !used.contains(f.normalize()))
            .map(Repo::rel)
            .toList();
    assertEquals(List.of(), unused, "manifest files no kustomization uses");
  }

  @ParameterizedTest
  @ValueSource(strings = {"base", "dev", "prod"})
  void rendersWithoutDuplicates(String overlay) {
    Rendered r = render(overlay);
    Set<String> ids = new HashSet<>();
    for (ObjectNode d : r.docs()) {
      String id = d.path("kind").asText() + "/" + d.path("metadata").path("name").asText();
      assertTrue(ids.add(id), overlay + ": " + id + " twice");
    }
    if (!overlay.equals("base")) {
      String ns =
          Repo.yaml(Repo.K8S.resolve("overlays").resolve(overlay).resolve("kustomization.yaml"))
              .path("namespace")
              .asText();
      assertTrue(
          r.all(io.fabric8.kubernetes.api.model.Namespace.class).stream()
              .anyMatch(n -> n.getMetadata().getName().equals(ns)),
          overlay + " creates its namespace " + ns);
    }
  }

  /** Where kubectl is installed, our small kustomize must render exactly what kubectl does. */
  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void rendersLikeKubectlKustomizeWhereKubectlIsInstalled(String overlay) throws Exception {
    Path dir = Repo.K8S.resolve("overlays").resolve(overlay);
    Process proc;
    try {
      proc =
          new ProcessBuilder("kubectl", "kustomize", dir.toString())
              .redirectErrorStream(false)
              .start();
    } catch (IOException e) {
      Assumptions.abort("kubectl is not installed here");
      return;
    }
    byte[] out = proc.getInputStream().readAllBytes();
    String err = new String(proc.getErrorStream().readAllBytes());
    assertTrue(proc.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, proc.exitValue(), "kubectl kustomize " + overlay + ": " + err);
    Path tmp = Files.createTempFile("kustomize-" + overlay, ".yaml");
    Files.write(tmp, out);
    Map<String, JsonNode> kubectl = new HashMap<>();
    Repo.yamlDocs(tmp)
        .forEach(
            d ->
                kubectl.put(
                    d.path("kind").asText() + "/" + d.path("metadata").path("name").asText(), d));
    Files.delete(tmp);
    Map<String, JsonNode> ours = new HashMap<>();
    render(overlay)
        .docs()
        .forEach(
            d ->
                ours.put(
                    d.path("kind").asText() + "/" + d.path("metadata").path("name").asText(), d));
    assertEquals(new TreeSet<>(kubectl.keySet()), new TreeSet<>(ours.keySet()));
    for (String id : ours.keySet()) {
      assertEquals(
          kubectl.get(id), ours.get(id), overlay + ": " + id + " differs from kubectl kustomize");
    }
  }

  // ------------------------------------------------------------------------------------------
  // Deployments

  @ParameterizedTest
  @ValueSource(strings = {"base", "dev", "prod"})
  void everyProcessRunsWithProbesOnItsRealHealthPathsPortsAndResources(String overlay) {
    Rendered r = render(overlay);
    Problems p = new Problems();
    assertEquals(
        ServiceConfig.NAMES.size(),
        r.all(Deployment.class).size(),
        overlay + ": one Deployment per process");
    for (ServiceConfig.Process proc : ServiceConfig.PROCESSES.values()) {
      Deployment d = r.one(Deployment.class, proc.module());
      String where = overlay + " " + proc.module();
      var pod = d.getSpec().getTemplate().getSpec();
      p.check(
          d.getSpec().getSelector().getMatchLabels().entrySet().stream()
              .allMatch(
                  e ->
                      e.getValue()
                          .equals(
                              d.getSpec().getTemplate().getMetadata().getLabels().get(e.getKey()))),
          where + ": the selector does not select the pod template");
      p.check(
          Boolean.TRUE.equals(pod.getSecurityContext().getRunAsNonRoot()),
          where + ": runAsNonRoot");
      p.check(
          pod.getSecurityContext().getRunAsUser() != null
              && pod.getSecurityContext().getRunAsUser() != 0,
          where + ": runs as root");
      p.check(
          Boolean.FALSE.equals(pod.getEnableServiceLinks()),
          where + ": enableServiceLinks must be false (KAM_*_PORT variables from Services)");
      p.check(pod.getContainers().size() == 1, where + ": one container");
      Container c = pod.getContainers().get(0);
      p.check(
          c.getImage().contains("/" + proc.module() + ":")
              || c.getImage().startsWith(proc.module() + ":")
              || c.getImage().contains("kam/" + proc.module() + ":"),
          where + ": image " + c.getImage());
      Map<String, Integer> ports = new HashMap<>();
      c.getPorts().forEach(cp -> ports.put(cp.getName(), cp.getContainerPort()));
      p.check(
          Objects.equals(ports.get("http"), proc.port()),
          where + ": container port http must be " + proc.port() + ", is " + ports);
      p.check(
          String.valueOf(proc.port()).equals(envValue(c, "KAM_HTTP_PORT")),
          where + ": KAM_HTTP_PORT must be " + proc.port());
      // Health and metrics are served on the management port only (the API port answers 404).
      p.check(
          Objects.equals(ports.get("management"), proc.managementPort()),
          where + ": container port management must be " + proc.managementPort() + ", is " + ports);
      p.check(
          String.valueOf(proc.managementPort()).equals(envValue(c, "KAM_MANAGEMENT_PORT")),
          where + ": KAM_MANAGEMENT_PORT must be " + proc.managementPort());
      checkProbe(
          p,
          where + " startupProbe",
          c.getStartupProbe(),
          "/q/health/started",
          ports,
          proc.managementPort());
      checkProbe(
          p,
          where + " livenessProbe",
          c.getLivenessProbe(),
          "/q/health/live",
          ports,
          proc.managementPort());
      checkProbe(
          p,
          where + " readinessProbe",
          c.getReadinessProbe(),
          "/q/health/ready",
          ports,
          proc.managementPort());
      var res = c.getResources();
      for (String kind : List.of("cpu", "memory")) {
        p.check(
            res.getRequests() != null && res.getRequests().containsKey(kind),
            where + ": no " + kind + " request");
        p.check(
            res.getLimits() != null && res.getLimits().containsKey(kind),
            where + ": no " + kind + " limit");
      }
      String scrapePath =
          d.getSpec().getTemplate().getMetadata().getAnnotations().get("prometheus.io/path");
      String scrapePort =
          d.getSpec().getTemplate().getMetadata().getAnnotations().get("prometheus.io/port");
      p.check(
          ServiceConfig.METRICS_PATH.equals(scrapePath),
          where + ": prometheus.io/path " + scrapePath);
      p.check(
          String.valueOf(proc.managementPort()).equals(scrapePort),
          where + ": prometheus.io/port " + scrapePort);
      p.check(
          c.getSecurityContext() != null
              && Boolean.FALSE.equals(c.getSecurityContext().getAllowPrivilegeEscalation()),
          where + ": allowPrivilegeEscalation must be false");
    }
    p.assertNone();
  }

  private static void checkProbe(
      Problems p, String where, Probe probe, String path, Map<String, Integer> ports, int port) {
    if (probe == null || probe.getHttpGet() == null) {
      p.add(where + ": missing (httpGet " + path + ")");
      return;
    }
    String actual = probe.getHttpGet().getPath();
    p.check(
        ServiceConfig.HEALTH_PATHS.contains(actual),
        where + ": " + actual + " is not a health endpoint of the services");
    p.check(path.equals(actual), where + ": path " + actual + ", expected " + path);
    p.check(
        resolvePort(probe.getHttpGet().getPort(), ports) == port,
        where + ": port " + probe.getHttpGet().getPort() + " is not " + port);
  }

  private static int resolvePort(IntOrString port, Map<String, Integer> named) {
    if (port.getIntVal() != null) {
      return port.getIntVal();
    }
    Integer n = named.get(port.getStrVal());
    return n == null ? -1 : n;
  }

  private static String envValue(Container c, String name) {
    return c.getEnv().stream()
        .filter(e -> e.getName().equals(name))
        .map(EnvVar::getValue)
        .findFirst()
        .orElse(null);
  }

  @ParameterizedTest
  @ValueSource(strings = {"base", "dev", "prod"})
  void everyEnvironmentVariableIsReadByTheProcess(String overlay) {
    Rendered r = render(overlay);
    Problems p = new Problems();
    ConfigMap settings = r.one(ConfigMap.class, "kam-settings");
    for (Deployment d : r.all(Deployment.class)) {
      for (Container c : d.getSpec().getTemplate().getSpec().getContainers()) {
        Set<String> names = new HashSet<>();
        for (EnvVar e : c.getEnv()) {
          String where = overlay + " " + d.getMetadata().getName() + " " + e.getName();
          p.check(names.add(e.getName()), where + ": set twice");
          p.check(
              ServiceConfig.whoReads(e.getName()) != null,
              where + ": no property, placeholder or code of the services reads it");
          if (e.getValueFrom() != null && e.getValueFrom().getConfigMapKeyRef() != null) {
            var ref = e.getValueFrom().getConfigMapKeyRef();
            p.check(
                ref.getName().equals("kam-settings")
                    && settings.getData().containsKey(ref.getKey()),
                where
                    + ": ConfigMap key "
                    + ref.getName()
                    + "/"
                    + ref.getKey()
                    + " does not exist");
          }
          if (isSensitive(e.getName())) {
            p.check(
                e.getValue() == null
                    && e.getValueFrom() != null
                    && e.getValueFrom().getSecretKeyRef() != null,
                where + ": must come from a Secret (secretKeyRef), never a literal value");
          }
        }
        ServiceConfig.Process proc = processOf(d);
        Set<String> required =
            new TreeSet<>(
                Set.of(
                    "KAM_HTTP_PORT",
                    "KAM_DB_URL",
                    "KAM_DB_USER",
                    "KAM_DB_PASSWORD",
                    "KAFKA_BOOTSTRAP_SERVERS",
                    "KAM_CURSOR_SECRET"));
        if (proc.isGateway()) {
          required.addAll(
              Set.of(
                  "KAM_KEYS_INTERNAL_PRIVATE",
                  "KAM_KEYS_CLIENT_PUBLIC",
                  "KAM_JWT_ISSUER",
                  "KAM_JWT_AUDIENCE",
                  "KAM_ACCOUNT_URL",
                  "KAM_SCORING_URL",
                  "KAM_KPI_URL",
                  "KAM_PLANNING_URL"));
        } else {
          required.add("KAM_KEYS_INTERNAL_PUBLIC");
        }
        required.removeAll(names);
        p.check(
            required.isEmpty(),
            overlay + " " + d.getMetadata().getName() + ": missing " + required);
      }
    }
    p.assertNone();
  }

  /** Values that must come from a Secret (KAM_KEYS_* are paths of mounted key files). */
  static boolean isSensitive(String env) {
    return (SENSITIVE.matcher(env).matches() && !env.startsWith("KAM_KEYS_"))
        || env.equals("KAM_DB_USER");
  }

  static ServiceConfig.Process processOf(Deployment d) {
    return ServiceConfig.PROCESSES.values().stream()
        .filter(pr -> pr.module().equals(d.getMetadata().getName()))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "Deployment " + d.getMetadata().getName() + " is no process of the platform"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"base", "dev", "prod"})
  void theGatewayReachesTheServicesThroughTheirServices(String overlay) {
    Rendered r = render(overlay);
    Container gw =
        r.one(Deployment.class, "gateway").getSpec().getTemplate().getSpec().getContainers().get(0);
    for (ServiceConfig.Process proc : ServiceConfig.PROCESSES.values()) {
      Service s = r.one(Service.class, proc.module());
      ServicePort sp = s.getSpec().getPorts().get(0);
      assertEquals(proc.port(), sp.getPort(), overlay + " Service " + proc.module());
      assertEquals(Map.of("app.kubernetes.io/name", proc.module()), s.getSpec().getSelector());
      if (!proc.isGateway()) {
        assertEquals(
            "http://" + proc.module() + ":" + proc.port(),
            envValue(gw, "KAM_" + proc.name().toUpperCase() + "_URL"));
        // /api/v1/system/health reads each service's readiness on its management port.
        ServicePort management =
            s.getSpec().getPorts().stream()
                .filter(x -> "management".equals(x.getName()))
                .findFirst()
                .orElseThrow(
                    () ->
                        new AssertionError(
                            overlay + " Service " + proc.module() + ": no management port"));
        assertEquals(
            proc.managementPort(),
            management.getPort(),
            overlay + " Service " + proc.module() + " management");
        assertEquals(
            "http://" + proc.module() + ":" + proc.managementPort(),
            envValue(gw, "KAM_" + proc.name().toUpperCase() + "_MANAGEMENT_URL"));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"base", "dev", "prod"})
  void keysAreMountedFromSecretsWhereTheProcessesReadThem(String overlay) {
    Rendered r = render(overlay);
    for (Deployment d : r.all(Deployment.class)) {
      ServiceConfig.Process proc = processOf(d);
      var pod = d.getSpec().getTemplate().getSpec();
      Container c = pod.getContainers().get(0);
      String mount =
          c.getVolumeMounts().stream()
              .filter(m -> m.getName().equals("keys"))
              .findFirst()
              .orElseThrow(() -> new AssertionError(d.getMetadata().getName() + ": no keys mount"))
              .getMountPath();
      Volume v =
          pod.getVolumes().stream()
              .filter(x -> x.getName().equals("keys"))
              .findFirst()
              .orElseThrow();
      Set<String> files = new HashSet<>();
      if (v.getSecret() != null) {
        v.getSecret().getItems().forEach(i -> files.add(i.getPath()));
      } else {
        v.getProjected()
            .getSources()
            .forEach(
                s -> {
                  assertTrue(
                      s.getSecret() != null,
                      d.getMetadata().getName() + ": keys only from Secrets");
                  s.getSecret().getItems().forEach(i -> files.add(i.getPath()));
                });
      }
      List<String> keyVars =
          proc.isGateway()
              ? List.of("KAM_KEYS_INTERNAL_PRIVATE")
              : List.of("KAM_KEYS_INTERNAL_PUBLIC");
      for (String var : keyVars) {
        String path = envValue(c, var);
        assertTrue(
            path != null
                && path.startsWith(mount + "/")
                && files.contains(path.substring(mount.length() + 1)),
            overlay
                + " "
                + d.getMetadata().getName()
                + ": "
                + var
                + "="
                + path
                + " is not a mounted key "
                + files);
      }
      if (!proc.isGateway()) {
        assertEquals(
            Set.of("internal-jwks.json"),
            files,
            d.getMetadata().getName() + " sees only the public keys");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"base", "dev", "prod"})
  void everyDeploymentHasAPodDisruptionBudgetAndAnAutoscalerWithinThePartitions(String overlay) {
    Rendered r = render(overlay);
    Problems p = new Problems();
    for (Deployment d : r.all(Deployment.class)) {
      String name = d.getMetadata().getName();
      Map<String, String> podLabels = d.getSpec().getTemplate().getMetadata().getLabels();
      List<PodDisruptionBudget> pdbs =
          r.all(PodDisruptionBudget.class).stream()
              .filter(b -> selects(b.getSpec().getSelector(), podLabels))
              .toList();
      p.check(pdbs.size() == 1, overlay + " " + name + ": PodDisruptionBudgets " + pdbs.size());
      pdbs.forEach(
          b ->
              p.check(
                  b.getSpec().getMaxUnavailable() != null || b.getSpec().getMinAvailable() != null,
                  name + ": empty PDB"));
      List<HorizontalPodAutoscaler> hpas =
          r.all(HorizontalPodAutoscaler.class).stream()
              .filter(
                  h ->
                      h.getSpec().getScaleTargetRef().getName().equals(name)
                          && h.getSpec().getScaleTargetRef().getKind().equals("Deployment"))
              .toList();
      p.check(hpas.size() == 1, overlay + " " + name + ": HorizontalPodAutoscalers " + hpas.size());
      for (HorizontalPodAutoscaler h : hpas) {
        int min = h.getSpec().getMinReplicas();
        int max = h.getSpec().getMaxReplicas();
        p.check(min >= 1 && min <= max, name + ": replicas " + min + ".." + max);
        p.check(
            max <= PARTITIONS_MIN,
            name + ": more instances (" + max + ") than partitions add no consumer throughput");
        p.check(!h.getSpec().getMetrics().isEmpty(), name + ": HPA without metrics");
        if (overlay.equals("prod")) {
          p.check(min >= 2, name + ": production runs at least two instances");
        }
      }
    }
    p.assertNone();
  }

  static boolean selects(LabelSelector s, Map<String, String> labels) {
    return s != null
        && s.getMatchLabels() != null
        && !s.getMatchLabels().isEmpty()
        && s.getMatchLabels().entrySet().stream()
            .allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
  }

  // ------------------------------------------------------------------------------------------
  // Kafka (Strimzi)

  @ParameterizedTest
  @ValueSource(strings = {"base", "dev", "prod"})
  void kafkaRunsInKraftModeWithATopicForEveryEventStreamAndDeadLetters(String overlay) {
    Rendered r = render(overlay);
    Problems p = new Problems();
    List<Kafka> kafkas = r.all(Kafka.class);
    assertEquals(1, kafkas.size(), "one Kafka cluster");
    Kafka kafka = kafkas.get(0);
    String cluster = kafka.getMetadata().getName();
    List<KafkaNodePool> pools = r.all(KafkaNodePool.class);
    int brokers = 0;
    int controllers = 0;
    for (KafkaNodePool pool : pools) {
      p.check(
          cluster.equals(pool.getMetadata().getLabels().get("strimzi.io/cluster")),
          pool.getMetadata().getName() + ": not labelled for cluster " + cluster);
      if (pool.getSpec().getRoles().contains(ProcessRoles.BROKER)) {
        brokers += pool.getSpec().getReplicas();
      }
      if (pool.getSpec().getRoles().contains(ProcessRoles.CONTROLLER)) {
        controllers += pool.getSpec().getReplicas();
      }
    }
    p.check(
        controllers >= 1 && controllers % 2 == 1,
        overlay + ": KRaft needs an odd number of controllers, has " + controllers);
    switch (overlay) {
      case "prod" -> {
        p.check(brokers == 3, "prod: 3 brokers, has " + brokers);
        p.check(controllers == 3, "prod: 3 controllers, has " + controllers);
        p.check(
            pools.stream().noneMatch(x -> x.getSpec().getRoles().size() > 1),
            "prod: dedicated controllers");
      }
      case "dev" -> p.check(brokers == 1, "dev: one node, has " + brokers);
      default -> p.check(brokers >= 1, "base: brokers");
    }
    Map<String, Object> config = kafka.getSpec().getKafka().getConfig();
    p.check(
        Boolean.FALSE.equals(config.get("auto.create.topics.enable")),
        overlay + ": topics only from KafkaTopics");
    int rf = ((Number) config.get("default.replication.factor")).intValue();
    p.check(
        rf <= brokers, overlay + ": default.replication.factor " + rf + " > brokers " + brokers);
    p.check(
        ((Number) config.get("offsets.topic.replication.factor")).intValue() <= brokers,
        overlay + ": offsets.topic.replication.factor");

    // The services' bootstrap setting names this cluster's TLS listener (the only one:
    // KafkaAccessTest checks the listeners' security).
    GenericKafkaListener tls =
        kafka.getSpec().getKafka().getListeners().stream()
            .filter(GenericKafkaListener::isTls)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no TLS listener"));
    String bootstrap =
        r.one(ConfigMap.class, "kam-settings").getData().get("kafka-bootstrap-servers");
    p.check(
        (cluster + "-kafka-bootstrap:" + tls.getPort()).equals(bootstrap),
        overlay + ": bootstrap " + bootstrap);

    Map<String, KafkaTopic> topics = new HashMap<>();
    for (KafkaTopic t : r.all(KafkaTopic.class)) {
      String name =
          t.getSpec().getTopicName() != null
              ? t.getSpec().getTopicName()
              : t.getMetadata().getName();
      p.check(topics.put(name, t) == null, overlay + ": topic " + name + " twice");
      String where = overlay + " topic " + name;
      p.check(
          cluster.equals(t.getMetadata().getLabels().get("strimzi.io/cluster")),
          where + ": strimzi.io/cluster label");
      p.check(
          t.getSpec().getPartitions() != null && t.getSpec().getPartitions() >= PARTITIONS_MIN,
          where + ": partitions " + t.getSpec().getPartitions());
      int replicas = t.getSpec().getReplicas();
      p.check(replicas <= brokers, where + ": replicas " + replicas + " > brokers " + brokers);
      Object retention =
          t.getSpec().getConfig() == null ? null : t.getSpec().getConfig().get("retention.ms");
      p.check(retention != null, where + ": retention.ms must be stated");
      Object isr =
          t.getSpec().getConfig() == null
              ? null
              : t.getSpec().getConfig().get("min.insync.replicas");
      p.check(
          isr != null && ((Number) isr).intValue() <= replicas,
          where + ": min.insync.replicas " + isr);
      if (overlay.equals("prod")) {
        p.check(
            replicas == 3 && ((Number) isr).intValue() == 2,
            where + ": production replicas 3, min.insync.replicas 2");
      }
      if (!name.endsWith(".dlq")) {
        p.check(
            retention != null && ((Number) retention).longValue() == -1,
            where + ": event topics keep everything so read models can be replayed");
      }
    }
    p.check(
        topics.keySet().equals(ServiceConfig.topicsWithDeadLetters()),
        overlay
            + ": topics "
            + topics.keySet()
            + " differ from the contract "
            + ServiceConfig.topicsWithDeadLetters());
    p.assertNone();
  }

  // ------------------------------------------------------------------------------------------
  // Secrets

  @Test
  void noSecretIsCommittedAnywhereInDeploy() {
    Problems p = new Problems();
    for (Path f : Repo.files(Repo.DEPLOY, ".yaml", ".yml")) {
      if (f.toString().contains("/target/")) {
        continue;
      }
      for (ObjectNode d : Repo.yamlDocs(f)) {
        p.check(!d.path("kind").asText().equals("Secret"), Repo.rel(f) + ": a Secret is committed");
      }
      String text = Repo.read(f);
      p.check(
          !text.contains("BEGIN PRIVATE KEY") && !text.contains("BEGIN RSA PRIVATE KEY"),
          Repo.rel(f) + ": a private key is committed");
    }
    p.assertNone();
  }

  // ------------------------------------------------------------------------------------------
  // NetworkPolicies

  @ParameterizedTest
  @ValueSource(strings = {"base", "dev", "prod"})
  void onlyTheGatewayReachesTheServicesAndOnlyAServiceItsDatabase(String overlay) {
    Rendered r = render(overlay);
    Problems p = new Problems();
    List<NetworkPolicy> policies = r.all(NetworkPolicy.class);
    p.check(
        policies.stream()
            .anyMatch(
                np ->
                    (np.getSpec().getPodSelector().getMatchLabels() == null
                            || np.getSpec().getPodSelector().getMatchLabels().isEmpty())
                        && np.getSpec().getIngress().isEmpty()
                        && np.getSpec().getPolicyTypes().contains("Ingress")),
        overlay + ": no default-deny ingress policy");
    for (ServiceConfig.Process proc : ServiceConfig.PROCESSES.values()) {
      Map<String, String> podLabels =
          r.one(Deployment.class, proc.module()).getSpec().getTemplate().getMetadata().getLabels();
      List<NetworkPolicy> forPod =
          policies.stream()
              .filter(np -> selects(np.getSpec().getPodSelector(), podLabels))
              .toList();
      p.check(
          !forPod.isEmpty(), overlay + " " + proc.module() + ": no NetworkPolicy admits anything");
      for (NetworkPolicy np : forPod) {
        for (NetworkPolicyIngressRule rule : np.getSpec().getIngress()) {
          for (NetworkPolicyPort port : rule.getPorts()) {
            Integer n = port.getPort().getIntVal();
            p.check(
                n != null && (n == proc.port() || n == proc.managementPort()),
                np.getMetadata().getName()
                    + ": port "
                    + port.getPort()
                    + " is neither the HTTP port "
                    + proc.port()
                    + " nor the management port "
                    + proc.managementPort());
          }
          if (!proc.isGateway()) {
            p.check(
                !rule.getFrom().isEmpty(),
                np.getMetadata().getName() + ": admits every pod to " + proc.module());
            for (NetworkPolicyPeer peer : rule.getFrom()) {
              boolean gateway =
                  peer.getNamespaceSelector() == null
                      && peer.getPodSelector() != null
                      && Map.of("app.kubernetes.io/name", "gateway")
                          .equals(peer.getPodSelector().getMatchLabels());
              boolean prometheus =
                  peer.getNamespaceSelector() != null
                      && peer.getPodSelector() != null
                      && "prometheus"
                          .equals(
                              peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/name"));
              p.check(
                  gateway || prometheus,
                  np.getMetadata().getName()
                      + ": "
                      + proc.module()
                      + " admits "
                      + peer
                      + " (only the gateway and Prometheus)");
              if (prometheus) {
                p.check(
                    rule.getPorts().stream()
                        .allMatch(
                            x ->
                                Integer.valueOf(proc.managementPort())
                                    .equals(x.getPort().getIntVal())),
                    np.getMetadata().getName()
                        + ": Prometheus may reach only the management port of "
                        + proc.module());
              }
            }
          }
        }
      }
      // Its database: only this process among the platform's pods.
      String cluster = proc.name() + "-db";
      List<NetworkPolicy> forDb =
          policies.stream()
              .filter(
                  np -> selects(np.getSpec().getPodSelector(), Map.of("cnpg.io/cluster", cluster)))
              .toList();
      p.check(
          forDb.size() == 1, overlay + ": policies for database " + cluster + ": " + forDb.size());
      for (NetworkPolicy np : forDb) {
        for (NetworkPolicyIngressRule rule : np.getSpec().getIngress()) {
          p.check(!rule.getFrom().isEmpty(), np.getMetadata().getName() + ": admits every pod");
          for (NetworkPolicyPeer peer : rule.getFrom()) {
            Map<String, String> sel =
                peer.getPodSelector() == null ? Map.of() : peer.getPodSelector().getMatchLabels();
            String app = sel.get("app.kubernetes.io/name");
            boolean owner = proc.module().equals(app) && peer.getNamespaceSelector() == null;
            boolean ownInstances =
                cluster.equals(sel.get("cnpg.io/cluster")) && peer.getNamespaceSelector() == null;
            boolean operator = peer.getNamespaceSelector() != null && "cloudnative-pg".equals(app);
            p.check(
                owner || ownInstances || operator,
                np.getMetadata().getName() + ": admits " + sel + " to " + cluster);
          }
        }
      }
    }
    p.assertNone();
  }

  // ------------------------------------------------------------------------------------------
  // Alert rules on Kubernetes

  @Test
  void thePrometheusRuleCarriesTheAlertFileUnchanged() {
    JsonNode file = Repo.yaml(Repo.OBSERVABILITY.resolve("prometheus/kam-alerts.yml"));
    ObjectNode rule = render("base").structural("PrometheusRule").get(0);
    assertEquals(file.get("groups"), rule.path("spec").get("groups"));
  }

  @Test
  void thePodMonitorScrapesTheMetricsPathOfEveryProcessWithItsNameAsJob() {
    Rendered r = render("prod");
    List<ObjectNode> monitors = r.structural("PodMonitor");
    assertEquals(1, monitors.size());
    JsonNode spec = monitors.get(0).path("spec");
    String jobLabel = spec.path("jobLabel").asText();
    for (Deployment d : r.all(Deployment.class)) {
      Map<String, String> labels = d.getSpec().getTemplate().getMetadata().getLabels();
      boolean selected = true;
      for (JsonNode e : spec.path("selector").path("matchExpressions")) {
        assertEquals("In", e.path("operator").asText());
        Set<String> values = new HashSet<>();
        e.path("values").forEach(v -> values.add(v.asText()));
        selected &= values.contains(labels.get(e.path("key").asText()));
      }
      for (var e : spec.path("selector").path("matchLabels").properties()) {
        selected &= e.getValue().asText().equals(labels.get(e.getKey()));
      }
      assertTrue(selected, "the PodMonitor selects " + d.getMetadata().getName());
      assertEquals(
          d.getMetadata().getName(), labels.get(jobLabel), "job of " + d.getMetadata().getName());
      Set<String> portNames = new HashSet<>();
      d.getSpec()
          .getTemplate()
          .getSpec()
          .getContainers()
          .get(0)
          .getPorts()
          .forEach(cp -> portNames.add(cp.getName()));
      for (JsonNode ep : spec.path("podMetricsEndpoints")) {
        assertEquals(
            "management",
            ep.path("port").asText(),
            "/q/metrics is served on the management port only");
        assertTrue(
            portNames.contains(ep.path("port").asText()),
            "port " + ep.path("port") + " of " + d.getMetadata().getName());
        assertEquals(ServiceConfig.METRICS_PATH, ep.path("path").asText());
      }
    }
  }
}

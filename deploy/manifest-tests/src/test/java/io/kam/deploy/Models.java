package io.kam.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The typed models of the manifests: fabric8's Kubernetes model and Strimzi's API model. Both keep
 * unknown properties in an "additionalProperties" map instead of failing, so besides
 * FAIL_ON_UNKNOWN_PROPERTIES every parsed object graph is walked and any additional property is
 * reported with its path: a misspelt field is an error, never silently ignored.
 */
final class Models {

  record Kind(String apiVersion, String kind) {}

  static final Map<Kind, Class<? extends HasMetadata>> TYPED =
      Map.ofEntries(
          Map.entry(new Kind("v1", "Namespace"), Namespace.class),
          Map.entry(new Kind("v1", "ConfigMap"), ConfigMap.class),
          Map.entry(new Kind("v1", "Service"), Service.class),
          Map.entry(new Kind("v1", "Secret"), Secret.class),
          Map.entry(new Kind("apps/v1", "Deployment"), Deployment.class),
          Map.entry(new Kind("policy/v1", "PodDisruptionBudget"), PodDisruptionBudget.class),
          Map.entry(
              new Kind("autoscaling/v2", "HorizontalPodAutoscaler"), HorizontalPodAutoscaler.class),
          Map.entry(new Kind("networking.k8s.io/v1", "NetworkPolicy"), NetworkPolicy.class),
          Map.entry(new Kind("kafka.strimzi.io/v1", "Kafka"), Kafka.class),
          Map.entry(new Kind("kafka.strimzi.io/v1", "KafkaNodePool"), KafkaNodePool.class),
          Map.entry(new Kind("kafka.strimzi.io/v1", "KafkaTopic"), KafkaTopic.class),
          Map.entry(new Kind("kafka.strimzi.io/v1", "KafkaUser"), KafkaUser.class),
          Map.entry(new Kind("networking.k8s.io/v1", "Ingress"), Ingress.class));

  /** Custom resources without a Java model here: checked structurally (CnpgStructure). */
  static final Set<Kind> STRUCTURAL =
      Set.of(
          new Kind("postgresql.cnpg.io/v1", "Cluster"),
          new Kind("postgresql.cnpg.io/v1", "ScheduledBackup"),
          new Kind("barmancloud.cnpg.io/v1", "ObjectStore"),
          new Kind("monitoring.coreos.com/v1", "PrometheusRule"),
          new Kind("monitoring.coreos.com/v1", "PodMonitor"),
          new Kind("kustomize.config.k8s.io/v1beta1", "Kustomization"));

  private Models() {}

  static Kind kindOf(JsonNode doc) {
    return new Kind(doc.path("apiVersion").asText(), doc.path("kind").asText());
  }

  /** Parses a document with its typed model; fails on unknown fields. Null for structural kinds. */
  static HasMetadata parse(JsonNode doc, String where) {
    Kind k = kindOf(doc);
    Class<? extends HasMetadata> type = TYPED.get(k);
    if (type == null) {
      if (STRUCTURAL.contains(k)) {
        return null;
      }
      throw new AssertionError(where + ": no model for " + k + " (a typo in apiVersion or kind?)");
    }
    HasMetadata parsed;
    try {
      parsed = Repo.YAML.treeToValue(doc, type);
    } catch (JsonProcessingException e) {
      throw new AssertionError(
          where + ": " + k.kind() + " does not match its model: " + e.getOriginalMessage(), e);
    }
    List<String> unknown = unknownProperties(parsed);
    if (!unknown.isEmpty()) {
      throw new AssertionError(
          where
              + ": "
              + k.kind()
              + " "
              + doc.path("metadata").path("name").asText()
              + " has fields its model does not know: "
              + unknown);
    }
    return parsed;
  }

  static <T> T parse(JsonNode doc, Class<T> type, String where) {
    Object o = parse(doc, where);
    return type.cast(o);
  }

  /** Paths of every entry of an additionalProperties map in the object graph. */
  static List<String> unknownProperties(Object root) {
    List<String> out = new ArrayList<>();
    walk(root, "", out, new IdentityHashMap<>());
    return out;
  }

  private static void walk(
      Object o, String path, List<String> out, IdentityHashMap<Object, Boolean> seen) {
    if (o == null || seen.put(o, Boolean.TRUE) != null) {
      return;
    }
    if (o instanceof Collection<?> c) {
      int i = 0;
      for (Object e : c) {
        walk(e, path + "[" + i++ + "]", out, seen);
      }
      return;
    }
    if (o instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        walk(e.getValue(), path + "." + e.getKey(), out, seen);
      }
      return;
    }
    String pkg = o.getClass().getPackageName();
    if (!pkg.startsWith("io.fabric8.") && !pkg.startsWith("io.strimzi.")) {
      return;
    }
    for (Class<?> c = o.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers())
            || f.getType().isPrimitive()
            || f.getType().isEnum()) {
          continue;
        }
        Object v;
        try {
          f.setAccessible(true);
          v = f.get(o);
        } catch (ReflectiveOperationException | RuntimeException e) {
          continue;
        }
        if (f.getName().equals("additionalProperties") && v instanceof Map<?, ?> extra) {
          for (Object key : extra.keySet()) {
            out.add((path.isEmpty() ? "" : path.substring(1) + ".") + key);
          }
        } else if (!f.getName().equals("config")) {
          // "config" maps (Kafka and topic settings) are free-form by design.
          walk(v, path + "." + f.getName(), out, seen);
        }
      }
    }
  }
}

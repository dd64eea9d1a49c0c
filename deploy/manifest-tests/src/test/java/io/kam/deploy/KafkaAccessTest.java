package io.kam.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.KafkaAuthorizationSimple;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.kafka.listener.KafkaListenerAuthenticationScramSha512;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleClusterResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Who may do what on Kafka (deploy/k8s/base/kafka): only TLS with SCRAM, simple authorization, and
 * per process a KafkaUser whose ACLs follow from the services' configuration: write its own topic
 * (README's topic table) and the dead-letter twins of what it reads, read what its
 * application.properties consumes with its own group; and its Deployment logs in with exactly that
 * user's Secret.
 */
class KafkaAccessTest {

  /** The gateway reads every event topic for outbound webhooks (group: its application name). */
  static Set<String> consumed(ServiceConfig.Process p) {
    Set<String> s = ServiceConfig.consumedTopics(p);
    if (p.isGateway()) {
      s.addAll(ServiceConfig.topics());
    }
    return s;
  }

  static Set<String> groups(ServiceConfig.Process p) {
    Set<String> g = ServiceConfig.consumerGroups(p);
    if (g.isEmpty() && !consumed(p).isEmpty()) {
      g.add(p.properties().getProperty("quarkus.application.name").trim());
    }
    return g;
  }

  static Set<String> expectedWrites(ServiceConfig.Process p) {
    Set<String> s = new TreeSet<>();
    String own = ServiceConfig.producedTopics().get(p.name());
    if (own != null) {
      s.add(own);
    }
    // The chassis dead-letters what a service's consumers give up on; the gateway's webhook intake
    // keeps events itself and writes nothing to Kafka.
    if (!p.isGateway()) {
      ServiceConfig.consumedTopics(p).forEach(t -> s.add(t + ".dlq"));
    }
    return s;
  }

  /** The problems of every KafkaUser against what its process produces and consumes. */
  static List<String> aclProblems(KubernetesManifestsTest.Rendered r) {
    Problems p = new Problems();
    List<String> out = new ArrayList<>();
    for (ServiceConfig.Process proc : ServiceConfig.PROCESSES.values()) {
      String where = r.overlay() + " KafkaUser " + proc.module();
      KafkaUser user;
      try {
        user = r.one(KafkaUser.class, proc.module());
      } catch (AssertionError e) {
        out.add(e.getMessage());
        continue;
      }
      p.check(
          "kam".equals(user.getMetadata().getLabels().get("strimzi.io/cluster")),
          where + ": not labelled for cluster kam");
      p.check(
          user.getSpec().getAuthentication() instanceof KafkaUserScramSha512ClientAuthentication,
          where + ": authentication must be scram-sha-512");
      if (!(user.getSpec().getAuthorization() instanceof KafkaUserAuthorizationSimple simple)) {
        out.add(where + ": authorization must be simple");
        continue;
      }
      Set<String> writes = new TreeSet<>();
      Set<String> reads = new TreeSet<>();
      Set<String> readGroups = new TreeSet<>();
      boolean idempotent = false;
      for (AclRule rule : simple.getAcls()) {
        p.check(
            rule.getType() == null || rule.getType() == AclRuleType.ALLOW,
            where + ": only allow rules");
        Set<AclOperation> ops = new TreeSet<>(rule.getOperations());
        if (rule.getResource() instanceof AclRuleTopicResource t) {
          p.check(
              t.getPatternType() == null || t.getPatternType() == AclResourcePatternType.LITERAL,
              where + ": topic " + t.getName() + " must be a literal name, never a prefix");
          if (ops.contains(AclOperation.WRITE)) {
            writes.add(t.getName());
            p.check(
                ops.equals(Set.of(AclOperation.WRITE, AclOperation.DESCRIBE)),
                where + ": " + t.getName() + " grants " + ops + " (produce: Write, Describe)");
          } else if (ops.contains(AclOperation.READ)) {
            reads.add(t.getName());
            p.check(
                ops.equals(Set.of(AclOperation.READ, AclOperation.DESCRIBE)),
                where + ": " + t.getName() + " grants " + ops + " (consume: Read, Describe)");
          } else {
            p.add(where + ": " + t.getName() + " grants " + ops);
          }
        } else if (rule.getResource() instanceof AclRuleGroupResource g) {
          p.check(
              g.getPatternType() == null || g.getPatternType() == AclResourcePatternType.LITERAL,
              where + ": group " + g.getName() + " must be a literal name");
          p.check(ops.equals(Set.of(AclOperation.READ)), where + ": group grants " + ops);
          readGroups.add(g.getName());
        } else if (rule.getResource() instanceof AclRuleClusterResource) {
          p.check(
              ops.equals(Set.of(AclOperation.IDEMPOTENTWRITE)),
              where + ": on the cluster only IdempotentWrite, not " + ops);
          idempotent = true;
        } else {
          p.add(where + ": unexpected resource " + rule.getResource());
        }
      }
      p.check(
          writes.equals(expectedWrites(proc)),
          where + ": writes " + writes + ", must write exactly " + expectedWrites(proc));
      p.check(
          reads.equals(consumed(proc)),
          where + ": reads " + reads + ", must read exactly " + consumed(proc));
      p.check(
          readGroups.equals(groups(proc)),
          where + ": groups " + readGroups + ", its consumers use " + groups(proc));
      p.check(
          idempotent == !writes.isEmpty(),
          where + ": IdempotentWrite on the cluster exactly when it produces (idempotent relay)");
    }
    try {
      p.assertNone();
    } catch (AssertionError e) {
      out.add(e.getMessage());
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"base", "dev", "prod"})
  void everyProcessHasAKafkaUserThatWritesOnlyItsOwnTopicAndReadsWhatItConsumes(String overlay) {
    KubernetesManifestsTest.Rendered r = render(overlay);
    assertEquals(List.of(), aclProblems(r));
    assertEquals(
        ServiceConfig.PROCESSES.size(), r.all(KafkaUser.class).size(), "one KafkaUser per process");
  }

  @Test
  void aGrantBeyondWhatTheProcessNeedsIsReported() {
    // scoring may not write kpi's topic: a forged KPI event would be applied by its consumers.
    KubernetesManifestsTest.Rendered r = render("base");
    ObjectNode scoring =
        r.docs().stream()
            .filter(
                d ->
                    d.path("kind").asText().equals("KafkaUser")
                        && d.path("metadata").path("name").asText().equals("scoring-service"))
            .findFirst()
            .orElseThrow();
    ArrayNode acls = (ArrayNode) scoring.path("spec").path("authorization").path("acls");
    ObjectNode forged = acls.get(0).deepCopy();
    ((ObjectNode) forged.get("resource")).put("name", "kam.kpi.events");
    acls.add(forged);
    KubernetesManifestsTest.Rendered mutated = KubernetesManifestsTest.parsed("base", r.docs());

    List<String> problems = aclProblems(mutated);

    assertEquals(1, problems.size(), problems.toString());
    assertTrue(
        problems.get(0).contains("1 problem(s)")
            && problems
                .get(0)
                .contains(
                    "KafkaUser scoring-service: writes [kam.account.events.dlq,"
                        + " kam.kpi.events, kam.kpi.events.dlq, kam.score.events]"),
        problems.get(0));
  }

  @ParameterizedTest
  @ValueSource(strings = {"base", "dev", "prod"})
  void theBrokerHasOnlyATlsScramListenerAndSimpleAuthorization(String overlay) {
    KubernetesManifestsTest.Rendered r = render(overlay);
    Kafka kafka = r.all(Kafka.class).get(0);
    List<GenericKafkaListener> listeners = kafka.getSpec().getKafka().getListeners();
    assertTrue(!listeners.isEmpty(), overlay + ": no listener");
    for (GenericKafkaListener l : listeners) {
      assertTrue(l.isTls(), overlay + ": listener " + l.getName() + " is not TLS");
      assertTrue(
          l.getAuth() instanceof KafkaListenerAuthenticationScramSha512,
          overlay + ": listener " + l.getName() + " does not authenticate with SCRAM-SHA-512");
      assertTrue(
          l.getNetworkPolicyPeers() != null && !l.getNetworkPolicyPeers().isEmpty(),
          overlay + ": listener " + l.getName() + " is open to every pod");
    }
    assertTrue(
        kafka.getSpec().getKafka().getAuthorization() instanceof KafkaAuthorizationSimple,
        overlay + ": authorization must be simple (the KafkaUsers' ACLs)");
    assertTrue(
        kafka.getSpec().getEntityOperator().getUserOperator() != null,
        overlay + ": the User Operator creates the users' Secrets");
  }

  @ParameterizedTest
  @ValueSource(strings = {"base", "dev", "prod"})
  void everyDeploymentLogsInWithItsOwnKafkaUsersSecretOverTls(String overlay) {
    KubernetesManifestsTest.Rendered r = render(overlay);
    Problems p = new Problems();
    String cluster = r.all(Kafka.class).get(0).getMetadata().getName();
    for (Deployment d : r.all(Deployment.class)) {
      String name = d.getMetadata().getName();
      var pod = d.getSpec().getTemplate().getSpec();
      Container c = pod.getContainers().get(0);
      String where = overlay + " " + name;
      p.check("SASL_SSL".equals(value(c, "KAFKA_SECURITY_PROTOCOL")), where + ": not SASL_SSL");
      p.check(
          "SCRAM-SHA-512".equals(value(c, "KAFKA_SASL_MECHANISM")),
          where + ": mechanism is not SCRAM-SHA-512");
      EnvVar jaas =
          c.getEnv().stream()
              .filter(e -> e.getName().equals("KAFKA_SASL_JAAS_CONFIG"))
              .findFirst()
              .orElse(null);
      p.check(
          jaas != null
              && jaas.getValueFrom() != null
              && jaas.getValueFrom().getSecretKeyRef() != null
              && name.equals(jaas.getValueFrom().getSecretKeyRef().getName())
              && "sasl.jaas.config".equals(jaas.getValueFrom().getSecretKeyRef().getKey()),
          where + ": KAFKA_SASL_JAAS_CONFIG must come from Secret " + name + " (its KafkaUser)");
      p.check(
          !r.all(KafkaUser.class).stream()
              .filter(u -> u.getMetadata().getName().equals(name))
              .toList()
              .isEmpty(),
          where + ": no KafkaUser " + name);
      // The truststore: the cluster CA Strimzi publishes, mounted where the variable points.
      String location = value(c, "KAFKA_SSL_TRUSTSTORE_LOCATION");
      p.check("PEM".equals(value(c, "KAFKA_SSL_TRUSTSTORE_TYPE")), where + ": truststore type");
      boolean mounted = false;
      for (var m : c.getVolumeMounts()) {
        Volume v =
            pod.getVolumes().stream()
                .filter(x -> x.getName().equals(m.getName()))
                .findFirst()
                .orElseThrow();
        if (v.getSecret() != null
            && (cluster + "-cluster-ca-cert").equals(v.getSecret().getSecretName())
            && location != null) {
          for (var item : v.getSecret().getItems()) {
            mounted |=
                item.getKey().equals("ca.crt")
                    && location.equals(m.getMountPath() + "/" + item.getPath());
          }
        }
      }
      p.check(mounted, where + ": " + location + " is not the mounted cluster CA (ca.crt)");
    }
    p.assertNone();
  }

  private static String value(Container c, String env) {
    return c.getEnv().stream()
        .filter(e -> e.getName().equals(env))
        .map(EnvVar::getValue)
        .findFirst()
        .orElse(null);
  }

  static KubernetesManifestsTest.Rendered render(String overlay) {
    return KubernetesManifestsTest.render(overlay);
  }
}

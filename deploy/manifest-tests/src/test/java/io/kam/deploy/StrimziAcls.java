package io.kam.deploy;

import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleClusterResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTransactionalIdResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleType;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * A Strimzi {@code KafkaUser}'s simple authorization as the Kafka ACL bindings Strimzi's User
 * Operator creates for it (principal {@code User:<name>}). Anything it cannot map exactly throws,
 * so a manifest cannot grow a rule the broker test does not exercise.
 */
final class StrimziAcls {

  private StrimziAcls() {}

  static List<AclBinding> bindings(KafkaUser user) {
    String name = user.getMetadata().getName();
    if (!(user.getSpec().getAuthorization() instanceof KafkaUserAuthorizationSimple simple)) {
      throw new IllegalArgumentException(name + ": authorization is not simple");
    }
    String principal = "User:" + name;
    List<AclBinding> out = new ArrayList<>();
    for (AclRule rule : simple.getAcls()) {
      String where = name + " " + rule.getResource();
      if (rule.getOperation() != null) {
        throw new IllegalArgumentException(where + ": the deprecated single 'operation' field");
      }
      if (rule.getOperations() == null || rule.getOperations().isEmpty()) {
        throw new IllegalArgumentException(where + ": no operations");
      }
      ResourcePattern resource = resource(rule, where);
      String host = rule.getHost() == null ? "*" : rule.getHost();
      AclPermissionType permission =
          rule.getType() == null || rule.getType() == AclRuleType.ALLOW
              ? AclPermissionType.ALLOW
              : AclPermissionType.DENY;
      for (var op : rule.getOperations()) {
        out.add(
            new AclBinding(
                resource,
                new AccessControlEntry(principal, host, operation(op, where), permission)));
      }
    }
    return out;
  }

  private static ResourcePattern resource(AclRule rule, String where) {
    if (rule.getResource() instanceof AclRuleTopicResource t) {
      return new ResourcePattern(
          ResourceType.TOPIC, t.getName(), pattern(t.getPatternType(), where));
    }
    if (rule.getResource() instanceof AclRuleGroupResource g) {
      return new ResourcePattern(
          ResourceType.GROUP, g.getName(), pattern(g.getPatternType(), where));
    }
    if (rule.getResource() instanceof AclRuleTransactionalIdResource x) {
      return new ResourcePattern(
          ResourceType.TRANSACTIONAL_ID, x.getName(), pattern(x.getPatternType(), where));
    }
    if (rule.getResource() instanceof AclRuleClusterResource) {
      // Kafka's one cluster resource is named kafka-cluster.
      return new ResourcePattern(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL);
    }
    throw new IllegalArgumentException(where + ": a resource type the test cannot map");
  }

  private static PatternType pattern(AclResourcePatternType type, String where) {
    if (type == null || type == AclResourcePatternType.LITERAL) {
      return PatternType.LITERAL; // Strimzi's default
    }
    if (type == AclResourcePatternType.PREFIX) {
      return PatternType.PREFIXED;
    }
    throw new IllegalArgumentException(where + ": pattern type " + type);
  }

  private static AclOperation operation(
      io.strimzi.api.kafka.model.user.acl.AclOperation op, String where) {
    return switch (op) {
      case READ -> AclOperation.READ;
      case WRITE -> AclOperation.WRITE;
      case CREATE -> AclOperation.CREATE;
      case DELETE -> AclOperation.DELETE;
      case ALTER -> AclOperation.ALTER;
      case DESCRIBE -> AclOperation.DESCRIBE;
      case CLUSTERACTION -> AclOperation.CLUSTER_ACTION;
      case ALTERCONFIGS -> AclOperation.ALTER_CONFIGS;
      case DESCRIBECONFIGS -> AclOperation.DESCRIBE_CONFIGS;
      case IDEMPOTENTWRITE -> AclOperation.IDEMPOTENT_WRITE;
      case ALL -> AclOperation.ALL;
      default -> throw new IllegalArgumentException(where + ": operation " + op);
    };
  }
}

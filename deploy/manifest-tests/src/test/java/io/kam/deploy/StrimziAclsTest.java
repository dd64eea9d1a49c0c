package io.kam.deploy;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.strimzi.api.kafka.model.user.KafkaUser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrimziAclsTest {

  @Test
  void aRuleTheTestCannotMapExactlyFailsInsteadOfBeingSkipped() {
    KafkaUser user =
        Models.parse(
            Repo.YAML.valueToTree(
                Map.of(
                    "apiVersion",
                    "kafka.strimzi.io/v1",
                    "kind",
                    "KafkaUser",
                    "metadata",
                    Map.of("name", "scoring-service"),
                    "spec",
                    Map.of(
                        "authorization",
                        Map.of(
                            "type",
                            "simple",
                            "acls",
                            List.of(
                                Map.of(
                                    "resource",
                                    Map.of("type", "topic", "name", "kam.kpi.events"),
                                    "operation",
                                    "Write")))))),
            KafkaUser.class,
            "a deprecated single operation");
    assertThrows(IllegalArgumentException.class, () -> StrimziAcls.bindings(user));
  }
}

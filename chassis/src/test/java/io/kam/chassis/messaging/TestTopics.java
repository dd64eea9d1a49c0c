package io.kam.chassis.messaging;

import io.kam.platform.TestKafka;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;

/** Topics of a test's own, with a message size limit the test can raise (as an operator would). */
final class TestTopics {
  private TestTopics() {}

  /** Creates a fresh topic of three partitions accepting records up to {@code maxMessageBytes}. */
  static String create(int maxMessageBytes) {
    String topic = "kam.test-" + UUID.randomUUID() + ".events";
    try (Admin admin = admin()) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(topic, 3, (short) 1)
                      .configs(Map.of("max.message.bytes", String.valueOf(maxMessageBytes)))))
          .all()
          .get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("could not create " + topic, e);
    }
    return topic;
  }

  static void raiseLimit(String topic, int maxMessageBytes) {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    AlterConfigOp op =
        new AlterConfigOp(
            new ConfigEntry("max.message.bytes", String.valueOf(maxMessageBytes)),
            AlterConfigOp.OpType.SET);
    try (Admin admin = admin()) {
      admin.incrementalAlterConfigs(Map.of(resource, List.of(op))).all().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("could not raise the limit of " + topic, e);
    }
  }

  private static Admin admin() {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrap());
    return Admin.create(p);
  }
}

package io.kam.chassis.rebuild;

import io.kam.chassis.messaging.KafkaClientSecurity;
import io.kam.chassis.ops.ConsumerLag;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.eclipse.microprofile.config.Config;

/**
 * How many hosts consume the given topics in this service's groups, from Kafka's view of the
 * groups' members. A rebuild holds the consumers of its own process only: with another instance
 * applying the same topics meanwhile, the replay's positions would be overtaken. The consumers of
 * one process share its host; unknown (Kafka unreachable) counts as one.
 */
final class ConsumerInstances {

  private static final long TIMEOUT_MS = 5000;
  private final Config config;
  private final ConsumerLag groups;

  ConsumerInstances(Config config, ConsumerLag groups) {
    this.config = config;
    this.groups = groups;
  }

  int hostsConsuming(Collection<String> topics) {
    Set<String> wanted = new HashSet<>();
    for (Map.Entry<String, Set<String>> g : groups.subscriptions().entrySet()) {
      if (g.getValue().stream().anyMatch(topics::contains)) {
        wanted.add(g.getKey());
      }
    }
    if (wanted.isEmpty()) {
      return 1;
    }
    Properties p = new Properties();
    p.put(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        config.getOptionalValue("kafka.bootstrap.servers", String.class).orElse("localhost:9092"));
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT_MS);
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT_MS);
    p.put(AdminClientConfig.CLIENT_ID_CONFIG, "kam-read-model-rebuild-check");
    p.putAll(KafkaClientSecurity.from(config));
    try (Admin admin = Admin.create(p)) {
      Set<String> hosts = new HashSet<>();
      admin
          .describeConsumerGroups(wanted)
          .all()
          .get(TIMEOUT_MS, TimeUnit.MILLISECONDS)
          .values()
          .forEach(d -> d.members().stream().map(MemberDescription::host).forEach(hosts::add));
      return Math.max(1, hosts.size());
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return 1;
    }
  }
}

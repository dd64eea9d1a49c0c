package io.kam.chassis.ops;

import io.kam.chassis.messaging.KafkaClientSecurity;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.Config;

/**
 * This service's consumer groups and how far each is behind per topic (end offset minus committed
 * offset, summed over the partitions), from Kafka's admin API with short timeouts, read at most
 * every few seconds. Unknown (Kafka unreachable) is -1: it never fails a caller.
 */
@Singleton
public class ConsumerLag {

  private static final long TIMEOUT_MS = 2000;
  private static final long CACHE_MS = 5000;
  private final Config config;
  private Admin admin;
  private Map<String, Map<String, Long>> last = Map.of();
  private long readAt;

  public ConsumerLag(Config config) {
    this.config = config;
  }

  /** The topics each consumer group of this service reads, from the incoming channels' settings. */
  public Map<String, java.util.Set<String>> subscriptions() {
    Map<String, java.util.Set<String>> groups = new TreeMap<>();
    String defaultGroup =
        config
            .getOptionalValue("mp.messaging.connector.smallrye-kafka.group.id", String.class)
            .orElse(
                config
                    .getOptionalValue("quarkus.application.name", String.class)
                    .orElse("unknown"));
    for (String name : config.getPropertyNames()) {
      if (name.startsWith("mp.messaging.incoming.") && name.endsWith(".topic")) {
        String channel =
            name.substring("mp.messaging.incoming.".length(), name.length() - ".topic".length());
        String group =
            config
                .getOptionalValue("mp.messaging.incoming." + channel + ".group.id", String.class)
                .orElse(defaultGroup);
        String topic = config.getValue(name, String.class);
        groups.computeIfAbsent(group, g -> new java.util.TreeSet<>()).add(topic);
      }
    }
    return groups;
  }

  /**
   * Per consumer group, per topic: the messages not yet consumed (-1 when Kafka cannot tell now).
   */
  public synchronized Map<String, Map<String, Long>> read() {
    return read(CACHE_MS);
  }

  /**
   * As {@link #read()}, with a reading at most {@code maxAgeMs} old: for an answer that must not
   * lag behind what a client just did (e.g. whether an account event is still on its way).
   */
  public synchronized Map<String, Map<String, Long>> read(long maxAgeMs) {
    long now = System.currentTimeMillis();
    if (now - readAt < maxAgeMs) {
      return last;
    }
    Map<String, Map<String, Long>> result = new TreeMap<>();
    subscriptions().forEach((group, topics) -> result.put(group, lagOf(group, topics)));
    last = result;
    readAt = now;
    return result;
  }

  private Map<String, Long> lagOf(String group, java.util.Set<String> topics) {
    Map<String, Long> lag = new TreeMap<>();
    topics.forEach(t -> lag.put(t, -1L));
    try {
      Admin a = admin();
      Map<TopicPartition, OffsetAndMetadata> committed =
          a.listConsumerGroupOffsets(
                  group, new ListConsumerGroupOffsetsOptions().timeoutMs((int) TIMEOUT_MS))
              .partitionsToOffsetAndMetadata()
              .get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
      Map<String, org.apache.kafka.clients.admin.TopicDescription> described =
          a.describeTopics(topics).allTopicNames().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
      Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
      described.forEach(
          (topic, d) ->
              d.partitions()
                  .forEach(
                      p ->
                          ends.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
      var endOffsets =
          a.listOffsets(ends, new ListOffsetsOptions().timeoutMs((int) TIMEOUT_MS))
              .all()
              .get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
      topics.forEach(t -> lag.put(t, 0L));
      endOffsets.forEach(
          (tp, info) -> {
            OffsetAndMetadata c = committed.get(tp);
            long behind = info.offset() - (c == null ? 0 : c.offset());
            lag.merge(tp.topic(), Math.max(0, behind), Long::sum);
          });
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      // Unknown now: left at -1; Kafka's state is reported by the events health check.
    }
    return lag;
  }

  private synchronized Admin admin() {
    if (admin == null) {
      Properties p = new Properties();
      p.put(
          AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
          config
              .getOptionalValue("kafka.bootstrap.servers", String.class)
              .orElse("localhost:9092"));
      p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT_MS);
      p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT_MS);
      p.put(AdminClientConfig.CLIENT_ID_CONFIG, "kam-consumer-lag");
      p.putAll(KafkaClientSecurity.from(config));
      admin = Admin.create(p);
    }
    return admin;
  }

  @PreDestroy
  synchronized void close() {
    if (admin != null) {
      admin.close(java.time.Duration.ofSeconds(2));
    }
  }
}

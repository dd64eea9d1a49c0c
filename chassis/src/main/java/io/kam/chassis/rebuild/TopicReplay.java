package io.kam.chassis.rebuild;

import io.kam.chassis.messaging.KafkaClientSecurity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.Config;

/**
 * Reads a topic from its beginning up to the end offsets it had when the replay started, with a
 * consumer of its own (no group: nothing is committed, the service's group keeps its offsets), and
 * hands each poll's records, per partition in offset order, to the caller. What arrives after the
 * start is left to the live consumer, which resumes from its committed offsets.
 */
final class TopicReplay {

  /** How far a replay is: records handed over and records left up to the end offsets. */
  interface Progress {
    void update(long replayed, long remaining);
  }

  private final Config config;

  TopicReplay(Config config) {
    this.config = config;
  }

  long replay(
      String topic,
      Consumer<List<ConsumerRecord<String, String>>> apply,
      Progress progress,
      long replayedBefore) {
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties())) {
      List<TopicPartition> partitions = new ArrayList<>();
      consumer
          .partitionsFor(topic, Duration.ofSeconds(30))
          .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions));
      long replayed = replayedBefore;
      while (remaining(consumer, ends) > 0) {
        Map<TopicPartition, List<ConsumerRecord<String, String>>> polled = new HashMap<>();
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofSeconds(1))) {
          TopicPartition tp = new TopicPartition(r.topic(), r.partition());
          if (r.offset() < ends.get(tp)) {
            polled.computeIfAbsent(tp, k -> new ArrayList<>()).add(r);
          }
        }
        for (List<ConsumerRecord<String, String>> records : polled.values()) {
          apply.accept(records);
          replayed += records.size();
        }
        progress.update(replayed, remaining(consumer, ends));
      }
      return replayed;
    }
  }

  private static long remaining(
      KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> ends) {
    long left = 0;
    for (Map.Entry<TopicPartition, Long> e : ends.entrySet()) {
      left += Math.max(0, e.getValue() - consumer.position(e.getKey()));
    }
    return left;
  }

  private Properties properties() {
    Properties p = new Properties();
    p.put(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
        config.getOptionalValue("kafka.bootstrap.servers", String.class).orElse("localhost:9092"));
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, "kam-read-model-rebuild");
    p.putAll(KafkaClientSecurity.from(config));
    return p;
  }
}

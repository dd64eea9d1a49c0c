package io.kam.deploy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain producers and consumers logged in as one user, for the ACL enforcement test. */
final class KafkaClients {

  private KafkaClients() {}

  /**
   * Sends one record with the outbox relay's settings (idempotent, acks=all) or a plain forger's.
   */
  static void send(Properties login, boolean idempotent, String topic, String value)
      throws Exception {
    Properties p = new Properties();
    p.putAll(login);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, String.valueOf(idempotent));
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "10000");
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
      producer.send(new ProducerRecord<>(topic, "k", value)).get(20, TimeUnit.SECONDS);
    }
  }

  /**
   * Reads {@code topic} from the beginning to its end offsets: subscribed in {@code group} as the
   * services' connector does, or with no group and every partition assigned, as the chassis's
   * read-model replay does ({@code group} null).
   */
  static List<String> readAll(Properties login, String group, String topic) {
    Properties p = new Properties();
    p.putAll(login);
    if (group != null) {
      p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    }
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    List<String> out = new ArrayList<>();
    try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
      if (group == null) {
        c.assign(
            c.partitionsFor(topic).stream()
                .map(i -> new TopicPartition(topic, i.partition()))
                .toList());
      } else {
        c.subscribe(List.of(topic));
      }
      // Bounded so a hang fails instead of blocking the build; the check is the content, not time.
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (System.nanoTime() < deadline) {
        c.poll(Duration.ofMillis(100)).forEach(r -> out.add(r.value()));
        Set<TopicPartition> assigned = c.assignment();
        if (!assigned.isEmpty()
            && c.endOffsets(assigned).entrySet().stream()
                .allMatch(e -> c.position(e.getKey()) >= e.getValue())) {
          return out;
        }
      }
    }
    throw new AssertionError("group " + group + " did not reach the end of " + topic);
  }

  /** A well-formed account event from {@code source}, its name carrying {@code marker}. */
  static String accountEvent(String source, String marker) {
    // A well-formed account event as the relay writes it: a forger copies the real envelope.
    String account = UUID.randomUUID().toString();
    return "{\"specversion\":\"1.0\",\"id\":\""
        + UUID.randomUUID()
        + "\",\"type\":\"kam.account.updated.v1\",\"source\":\"/"
        + source
        + "\",\"subject\":\""
        + account
        + "\",\"time\":\"2026-10-01T00:00:00Z\",\"sequence\":2,"
        + "\"datacontenttype\":\"application/json\",\"data\":{\"id\":\""
        + account
        + "\",\"name\":\""
        + marker
        + "\"}}";
  }
}

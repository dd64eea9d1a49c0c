package io.kam.platform;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain Kafka clients for tests: read a topic from the start, put raw records on it. */
public final class TestKafka {

  private TestKafka() {}

  public static String bootstrap() {
    String b = System.getProperty("kam.test.kafka.bootstrap");
    if (b == null) {
      throw new IllegalStateException("the platform test resource has not started");
    }
    return b;
  }

  /**
   * Reads {@code topic} from the beginning until {@code done} holds for what was read, or the
   * timeout.
   */
  public static List<ConsumerRecord<String, String>> readUntil(
      String topic, Predicate<List<ConsumerRecord<String, String>>> done, Duration timeout) {
    List<ConsumerRecord<String, String>> all = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = consumer("reader-" + UUID.randomUUID(), false)) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline && !done.test(all)) {
        consumer.poll(Duration.ofMillis(200)).forEach(all::add);
      }
    }
    return all;
  }

  public static KafkaConsumer<String, String> consumer(String group, boolean autoCommit) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, String.valueOf(autoCommit));
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    return new KafkaConsumer<>(p);
  }

  public static void send(String topic, String key, String value) {
    send(topic, key, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
  }

  public static void send(String topic, String key, byte[] value) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
      producer.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("could not send to " + topic, e);
    }
  }

  public static String header(ConsumerRecord<?, ?> record, String name) {
    Header h = record.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  /** A minimal CloudEvent JSON as the producers write it. */
  public static String cloudEvent(
      String id, String type, String source, String subject, long sequence, String dataJson) {
    return "{\"specversion\":\"1.0\",\"id\":\""
        + id
        + "\",\"type\":\""
        + type
        + "\",\"source\":\""
        + source
        + "\",\"subject\":\""
        + subject
        + "\",\"time\":\"2026-10-01T00:00:00Z\",\"sequence\":"
        + sequence
        + ",\"datacontenttype\":\"application/json\",\"data\":"
        + dataJson
        + "}";
  }
}

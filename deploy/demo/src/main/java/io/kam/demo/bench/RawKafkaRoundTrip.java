package io.kam.demo.bench;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The baseline of the event hop: a plain producer (configured and flushed as the outbox relay's)
 * and a plain consumer on a topic of its own on the same broker, at a fixed rate; each message
 * carries its send time, so the consumer measures produce-to-consume in the same JVM with one
 * clock.
 */
final class RawKafkaRoundTrip {

  private final String bootstrap;
  private final String topic;

  RawKafkaRoundTrip(String bootstrap, String run) {
    this.bootstrap = bootstrap;
    this.topic = "kam.bench.raw-" + run;
  }

  /** The size of the newest record of {@code topic} (an event as the consumers get it). */
  static int lastRecordSize(String bootstrap, String topic) {
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(consumerProps(bootstrap, null))) {
      List<TopicPartition> partitions =
          c.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      c.assign(partitions);
      Map<TopicPartition, Long> ends = c.endOffsets(partitions);
      for (TopicPartition tp : partitions) {
        c.seek(tp, Math.max(0, ends.get(tp) - 1));
      }
      int size = 0;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (size == 0 && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(500))) {
          size = Math.max(size, r.serializedValueSize());
        }
      }
      return size == 0 ? 1000 : size;
    }
  }

  /** {@link #run} for a {@code CompletableFuture}. */
  double[] runUnchecked(int rate, int seconds, int bytes) {
    try {
      return run(rate, seconds, bytes);
    } catch (Exception e) {
      throw new IllegalStateException("raw Kafka round trip: " + e.getMessage(), e);
    }
  }

  /** Sends {@code rate} messages a second for {@code seconds}; the latencies in seconds, sorted. */
  double[] run(int rate, int seconds, int bytes) throws Exception {
    int partitions;
    Properties admin = new Properties();
    admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    try (Admin a = Admin.create(admin)) {
      partitions =
          a.describeTopics(List.of(EventHopBench.TOPIC))
              .allTopicNames()
              .get()
              .get(EventHopBench.TOPIC)
              .partitions()
              .size();
      a.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
    }
    int total = rate * seconds;
    List<Double> latencies = Collections.synchronizedList(new ArrayList<>(total));
    AtomicBoolean assigned = new AtomicBoolean();
    Thread consumer =
        new Thread(
            () -> {
              try (KafkaConsumer<byte[], byte[]> c =
                  new KafkaConsumer<>(consumerProps(bootstrap, "bench-raw-" + topic))) {
                c.subscribe(List.of(topic));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds + 120L);
                while (latencies.size() < total && System.nanoTime() < deadline) {
                  var records = c.poll(Duration.ofMillis(100));
                  if (!c.assignment().isEmpty()) {
                    assigned.set(true);
                  }
                  long now = System.nanoTime();
                  for (ConsumerRecord<byte[], byte[]> r : records) {
                    latencies.add((now - ByteBuffer.wrap(r.value()).getLong()) / 1e9);
                  }
                }
              }
            },
            "raw-consumer");
    consumer.start();
    while (!assigned.get()) {
      Thread.sleep(100);
    }
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    // As the relay's producer (EventProducer): acks=all, idempotent, and each send flushed, as
    // the relay flushes each round, so no linger is counted against Kafka.
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "2");
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
      long interval = TimeUnit.SECONDS.toNanos(1) / rate;
      long start = System.nanoTime();
      byte[] key = new byte[16];
      for (int n = 0; n < total; n++) {
        long wait = start + n * interval - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        byte[] value = new byte[Math.max(8, bytes)];
        ByteBuffer.wrap(value).putLong(System.nanoTime());
        ByteBuffer.wrap(key).putInt(n % 1000);
        producer.send(new ProducerRecord<>(topic, key.clone(), value));
        producer.flush();
      }
      producer.flush();
    }
    consumer.join(TimeUnit.SECONDS.toMillis(180));
    double[] out;
    synchronized (latencies) {
      out = latencies.stream().mapToDouble(Double::doubleValue).toArray();
    }
    Arrays.sort(out);
    return out;
  }

  static Properties consumerProps(String bootstrap, String group) {
    Properties c = new Properties();
    c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    if (group != null) {
      c.put(ConsumerConfig.GROUP_ID_CONFIG, group);
      c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    } else {
      c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    }
    c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    return c;
  }
}

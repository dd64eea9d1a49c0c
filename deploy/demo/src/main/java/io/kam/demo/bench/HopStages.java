package io.kam.demo.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;

/**
 * Where the event hop goes, measured exactly on the side: a plain consumer of its own group reads
 * the same topic as the services while the benchmark runs and splits each event's path into the
 * relay's pick-up (outbox row inserted, header {@code kam-outbox-at}, to the relay's send, the
 * record's create timestamp) and Kafka's delivery (send to this consumer's poll). What is left of
 * the consumers' hop is their own poll and transaction. One machine, one clock.
 */
final class HopStages implements AutoCloseable {

  private static final String HEADER = "kam-outbox-at";

  private final List<double[]> samples = Collections.synchronizedList(new ArrayList<>());
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicBoolean assigned = new AtomicBoolean();
  private final Thread thread;

  HopStages(String bootstrap, String topic, String run) {
    thread =
        new Thread(
            () -> {
              try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(props(bootstrap, run))) {
                c.subscribe(List.of(topic));
                while (running.get()) {
                  var records = c.poll(Duration.ofMillis(100));
                  if (!c.assignment().isEmpty()) {
                    assigned.set(true);
                  }
                  long nowMicros = TimeUnit.MILLISECONDS.toMicros(System.currentTimeMillis());
                  for (ConsumerRecord<byte[], byte[]> r : records) {
                    long outboxAt = outboxAt(r);
                    if (outboxAt > 0) {
                      long sentMicros = TimeUnit.MILLISECONDS.toMicros(r.timestamp());
                      samples.add(
                          new double[] {
                            Math.max(0, sentMicros - outboxAt) / 1e6,
                            Math.max(0, nowMicros - sentMicros) / 1e6
                          });
                    }
                  }
                }
              }
            },
            "hop-stages");
    thread.setDaemon(true);
    thread.start();
  }

  /** Waits until the consumer has its partitions (it reads from the end). */
  HopStages ready() throws InterruptedException {
    while (!assigned.get()) {
      Thread.sleep(50);
    }
    return this;
  }

  /** The sorted latencies in seconds of one stage: 0 relay pick-up, 1 Kafka delivery. */
  double[] stage(int index) {
    synchronized (samples) {
      return samples.stream().mapToDouble(s -> s[index]).sorted().toArray();
    }
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    thread.join(5000);
  }

  private static long outboxAt(ConsumerRecord<byte[], byte[]> r) {
    Header h = r.headers().lastHeader(HEADER);
    if (h == null) {
      return -1;
    }
    try {
      return Long.parseLong(new String(h.value(), StandardCharsets.UTF_8).trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The raw round trip's consumer settings, reading from the end: only this run's events. */
  private static Properties props(String bootstrap, String run) {
    Properties c = RawKafkaRoundTrip.consumerProps(bootstrap, "bench-hop-stages-" + run);
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    return c;
  }
}

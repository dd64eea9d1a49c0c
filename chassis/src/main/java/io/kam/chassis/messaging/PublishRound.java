package io.kam.chassis.messaging;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * One publish round under the relay lock, in the lock's transaction. Rows go out in waves: the
 * first unsent row of every subject, then, once Kafka acknowledged it, the subject's next one, and
 * so on. A row is never in flight before its predecessor of the same subject is acknowledged, so
 * when one fails (rejected, or the broker went away mid-round) nothing later of that subject can
 * reach the topic ahead of it, whatever the producer does with its retries; the other subjects go
 * on. Waves cost one round trip each, and only subjects with several rows waiting need more than
 * one.
 */
final class PublishRound {

  record Row(
      long position,
      String topic,
      String key,
      String type,
      String payload,
      String traceparent,
      boolean due,
      String writtenAt) {}

  record Rejection(Row row, PublishFailure failure) {}

  /** What the round did; {@code trouble} is set when the broker failed us (not a single row). */
  record Result(int published, List<Rejection> rejections, PublishFailure trouble) {}

  private static final long ACK_WAIT_MS = 30_000;

  private final Connection connection;
  private final Producer<String, String> producer;
  private final EventMetrics metrics;
  private final int batchSize;
  private final Tracer tracer;

  PublishRound(
      Connection connection,
      Producer<String, String> producer,
      EventMetrics metrics,
      int batchSize,
      Tracer tracer) {
    this.connection = connection;
    this.producer = producer;
    this.metrics = metrics;
    this.batchSize = batchSize;
    this.tracer = tracer;
  }

  Result run() throws SQLException, InterruptedException {
    Map<String, ArrayDeque<Row>> queues = queuesPerSubject(select());
    List<Long> sent = new ArrayList<>();
    List<Rejection> rejections = new ArrayList<>();
    PublishFailure trouble = null;
    List<Row> wave = new ArrayList<>();
    queues.values().forEach(q -> wave.add(q.poll()));
    while (!wave.isEmpty() && trouble == null) {
      List<Row> inFlight = new ArrayList<>();
      List<Future<?>> acks = new ArrayList<>();
      for (Row row : wave) {
        try {
          acks.add(send(row));
          inFlight.add(row);
        } catch (RuntimeException e) {
          PublishFailure f = PublishFailure.of(e);
          if (!f.rejected()) {
            trouble = f; // the broker is the problem: do not pile more records on it
            break;
          }
          rejections.add(new Rejection(row, f));
          queues.remove(row.key());
        }
      }
      producer.flush();
      List<Row> next = new ArrayList<>();
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ACK_WAIT_MS);
      for (int i = 0; i < acks.size(); i++) {
        Row row = inFlight.get(i);
        PublishFailure failure = await(acks.get(i), deadline);
        if (failure == null) {
          sent.add(row.position());
          ArrayDeque<Row> rest = queues.get(row.key());
          if (rest != null && !rest.isEmpty()) {
            next.add(rest.poll());
          }
        } else {
          queues.remove(row.key()); // nothing later of this subject goes out this round
          if (failure.rejected()) {
            rejections.add(new Rejection(row, failure));
          } else if (trouble == null) {
            trouble = failure;
          }
        }
      }
      next.sort(Comparator.comparingLong(Row::position));
      wave.clear();
      wave.addAll(next);
    }
    markSent(sent);
    return new Result(sent.size(), rejections, trouble);
  }

  private List<Row> select() throws SQLException {
    // Rows behind a quarantined row of their subject are not even read; rows waiting for their
    // next attempt are read so that they hold back their subject's later rows.
    try (PreparedStatement ps =
        connection.prepareStatement(
            "select o.position, o.topic, o.event_key, o.event_type, o.payload, o.traceparent,"
                + " o.next_attempt_at is null or o.next_attempt_at <= now(),"
                + " (extract(epoch from o.created_at) * 1000000)::bigint"
                + " from kam_chassis.outbox o where o.sent_at is null and o.quarantined_at is null"
                + " and not "
                + OutboxQuarantine.HELD_BEHIND_QUARANTINE
                + " order by o.position limit ?")) {
      ps.setInt(1, batchSize);
      List<Row> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(
              new Row(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getBoolean(7),
                  rs.getString(8)));
        }
      }
      return rows;
    }
  }

  /** Each subject's rows in position order, up to its first row that is not due yet. */
  private static Map<String, ArrayDeque<Row>> queuesPerSubject(List<Row> rows) {
    Map<String, ArrayDeque<Row>> queues = new LinkedHashMap<>();
    Set<String> waiting = new HashSet<>();
    for (Row row : rows) {
      if (waiting.contains(row.key())) {
        continue;
      }
      if (!row.due()) {
        waiting.add(row.key());
        continue;
      }
      queues.computeIfAbsent(row.key(), k -> new ArrayDeque<>()).add(row);
    }
    return queues;
  }

  private static PublishFailure await(Future<?> ack, long deadline) throws InterruptedException {
    try {
      ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      return null;
    } catch (ExecutionException e) {
      return PublishFailure.of(e.getCause());
    } catch (TimeoutException e) {
      return PublishFailure.noAcknowledgementInTime();
    }
  }

  private Future<?> send(Row row) {
    ProducerRecord<String, String> record =
        new ProducerRecord<>(row.topic(), row.key(), row.payload());
    record.headers().add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
    record.headers().add("ce_type", row.type().getBytes(StandardCharsets.UTF_8));
    // The consumers' spans become children of this one (the header), while the event's own
    // traceparent keeps naming the request that wrote it.
    Span span = Traceparent.publishing(tracer, row.topic(), row.traceparent());
    String traceparent = Traceparent.of(span, row.traceparent());
    if (traceparent != null) {
      record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
    }
    // When the row was inserted, the closest to its commit the database tells: the consumers
    // measure the event hop from it (EventHop).
    if (row.writtenAt() != null) {
      record.headers().add(EventHop.HEADER, row.writtenAt().getBytes(StandardCharsets.UTF_8));
    }
    try {
      return producer.send(
          record,
          (meta, err) -> {
            if (err == null) {
              metrics.published(row.type());
            } else if (span != null) {
              span.setStatus(StatusCode.ERROR);
            }
            if (span != null) {
              span.end();
            }
          });
    } catch (RuntimeException e) {
      if (span != null) {
        span.setStatus(StatusCode.ERROR);
        span.end();
      }
      throw e;
    }
  }

  private void markSent(List<Long> positions) throws SQLException {
    if (positions.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        connection.prepareStatement(
            "update kam_chassis.outbox set sent_at = now() where position = any(?)")) {
      Array array = connection.createArrayOf("bigint", positions.toArray());
      ps.setArray(1, array);
      ps.executeUpdate();
    }
  }
}

package io.kam.chassis.rebuild;

import io.kam.chassis.messaging.EventConsumer;
import io.kam.chassis.messaging.EventJson;
import io.kam.chassis.messaging.TopicGate;
import io.kam.chassis.sql.Jdbc;
import io.kam.chassis.sql.SqlParams;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Rebuilds this service's read models from their topics, one at a time, on a thread of its own:
 * hold the live consumers of the feeding topics ({@link TopicGate}), empty the read model and
 * forget the consumer's positions and parked events of its producers in one transaction, then
 * replay each topic from its beginning through the same inbox as live events, forgetting each
 * replayed event's processed id just before it is applied again. The live consumers resume from
 * their committed offsets afterwards; what they hold again is skipped as already processed. The
 * state is this process's: run a rebuild with the service at one replica (see OPERATIONS.md).
 */
@Singleton
public class ReadModelRebuilds {

  public enum State {
    IDLE,
    WAITING,
    REBUILDING,
    DONE,
    FAILED
  }

  /** Where a read model's last rebuild in this process stands. */
  public record Status(
      String readModel,
      List<String> topics,
      State state,
      Instant startedAt,
      Instant finishedAt,
      long eventsReplayed,
      long eventsRemaining,
      String error) {}

  private final Map<String, ReadModel> models = new TreeMap<>();
  private final Map<String, Status> statuses = new ConcurrentHashMap<>();
  private final TopicGate gate;
  private final EventConsumer consumer;
  private final Jdbc jdbc;
  private final TopicReplay replay;
  private final ConsumerInstances instances;
  private final String service;
  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "kam-read-model-rebuild");
            t.setDaemon(true);
            return t;
          });

  public ReadModelRebuilds(
      Instance<ReadModel> declared,
      TopicGate gate,
      EventConsumer consumer,
      Jdbc jdbc,
      Config config,
      io.kam.chassis.ops.ConsumerLag groups,
      @ConfigProperty(name = "kam.service.name") String service) {
    declared.forEach(m -> models.put(m.name(), m));
    this.gate = gate;
    this.consumer = consumer;
    this.jdbc = jdbc;
    this.replay = new TopicReplay(config);
    this.instances = new ConsumerInstances(config, groups);
    this.service = service;
  }

  public List<Status> all() {
    return models.keySet().stream().map(n -> status(n).orElseThrow()).toList();
  }

  public Optional<Status> status(String name) {
    ReadModel model = models.get(name);
    if (model == null) {
      return Optional.empty();
    }
    return Optional.of(
        statuses.getOrDefault(
            name, new Status(name, topics(model), State.IDLE, null, null, 0, 0, null)));
  }

  /** Starts a rebuild; empty when no such read model, the running one's status when one runs. */
  public synchronized Optional<Started> start(String name) {
    ReadModel model = models.get(name);
    if (model == null) {
      return Optional.empty();
    }
    for (Status s : statuses.values()) {
      if (s.state() == State.WAITING || s.state() == State.REBUILDING) {
        return Optional.of(
            new Started(
                false,
                s,
                "read model " + s.readModel() + " is being rebuilt; wait until it is DONE"));
      }
    }
    int hosts = instances.hostsConsuming(topics(model));
    if (hosts > 1) {
      return Optional.of(
          new Started(
              false,
              status(name).orElseThrow(),
              hosts
                  + " instances consume "
                  + String.join(", ", topics(model))
                  + "; scale "
                  + service
                  + " to one replica first (a rebuild holds the consumers of its own instance)"));
    }
    Status waiting =
        new Status(name, topics(model), State.WAITING, Instant.now(), null, 0, 0, null);
    statuses.put(name, waiting);
    executor.submit(() -> run(model, waiting.startedAt()));
    return Optional.of(new Started(true, waiting, null));
  }

  /** Whether this call started the rebuild, the status it answers with, or why it did not. */
  public record Started(boolean started, Status status, String refusal) {}

  private void run(ReadModel model, Instant startedAt) {
    List<String> topics = topics(model);
    long[] replayed = {0};
    try {
      gate.close(topics);
      try {
        set(model, startedAt, State.REBUILDING, null, 0, 0, null);
        reset(model);
        for (ReadModel.Feed feed : model.feeds()) {
          replayed[0] =
              replay.replay(
                  feed.topic(),
                  this::applyAgain,
                  (n, left) -> set(model, startedAt, State.REBUILDING, null, n, left, null),
                  replayed[0]);
        }
      } finally {
        gate.open(topics);
      }
      set(model, startedAt, State.DONE, Instant.now(), replayed[0], 0, null);
      Log.infof("read model %s rebuilt: %d events replayed", model.name(), replayed[0]);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      set(model, startedAt, State.FAILED, Instant.now(), replayed[0], 0, "interrupted");
    } catch (RuntimeException e) {
      Log.errorf(e, "rebuilding read model %s failed", model.name());
      set(
          model,
          startedAt,
          State.FAILED,
          Instant.now(),
          replayed[0],
          0,
          "the rebuild stopped (" + e.getClass().getSimpleName() + "); see the service's log");
    }
  }

  private void reset(ReadModel model) {
    List<String> producers = model.feeds().stream().map(ReadModel.Feed::producer).toList();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              model.resetStatements().forEach(sql -> jdbc.execute(sql, SqlParams.none()));
              SqlParams p = SqlParams.of("consumer", service).array("producers", "text", producers);
              jdbc.update(
                  "delete from kam_chassis.consumer_position where consumer = :consumer"
                      + " and producer = any(:producers)",
                  p);
              jdbc.update(
                  "delete from kam_chassis.parked_event where consumer = :consumer"
                      + " and producer = any(:producers)",
                  p);
            });
  }

  /** The records' events are applied again: their processed ids are forgotten first. */
  private void applyAgain(List<ConsumerRecord<String, String>> records) {
    List<UUID> ids = new ArrayList<>(records.size());
    for (ConsumerRecord<String, String> r : records) {
      try {
        var event = r.value() == null ? null : EventJson.read(r.value());
        if (event != null && event.id() != null) {
          ids.add(UUID.fromString(event.id()));
        }
      } catch (Exception e) {
        // Malformed: the consumer dead-letters it as it did the first time.
      }
    }
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                jdbc.update(
                    "delete from kam_chassis.processed_event where consumer = :consumer"
                        + " and event_id = any(:ids)",
                    SqlParams.of("consumer", service).array("ids", "uuid", ids)));
    consumer.consumeBatch(records);
  }

  private void set(
      ReadModel model,
      Instant startedAt,
      State state,
      Instant finishedAt,
      long replayed,
      long remaining,
      String error) {
    statuses.put(
        model.name(),
        new Status(
            model.name(), topics(model), state, startedAt, finishedAt, replayed, remaining, error));
  }

  private static List<String> topics(ReadModel model) {
    return model.feeds().stream().map(ReadModel.Feed::topic).toList();
  }

  @PreDestroy
  void stop() {
    executor.shutdownNow();
  }
}

package io.kam.system.journey;

import io.kam.system.SystemUnderTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * "Every event has been delivered and handled": no service has an unsent outbox row or a parked
 * event, and every consumer group has committed the end of every partition it reads, twice in a
 * row. The journey waits for this between its steps, so what one step caused is complete before the
 * next begins, whatever was killed or restarted on the way.
 */
final class Quiescence {

  private static final List<String> SERVICE_DATABASES =
      List.of("account", "scoring", "kpi", "planning");

  /**
   * The consumer groups (each service's application name) and the topics they read, as configured.
   */
  private static final Map<String, List<String>> SUBSCRIPTIONS =
      Map.of(
          "kpi-service", List.of("kam.account.events", "kam.score.events"),
          "scoring-service", List.of("kam.account.events", "kam.kpi.events"),
          "planning-service", List.of("kam.account.events", "kam.kpi.events", "kam.score.events"));

  private final SystemUnderTest sut;

  Quiescence(SystemUnderTest sut) {
    this.sut = sut;
  }

  void await(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    int quietInARow = 0;
    String last = "";
    while (quietInARow < 2) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the system did not settle within " + timeout + ": " + last);
      }
      last = unfinishedWork();
      quietInARow = last.isEmpty() ? quietInARow + 1 : 0;
      Api.sleep(400);
    }
  }

  /** What is still in flight, empty when nothing is. */
  private String unfinishedWork() {
    List<String> busy = new ArrayList<>();
    for (String db : SERVICE_DATABASES) {
      long unsent = count(db, "select count(*) from kam_chassis.outbox where sent_at is null");
      long parked = count(db, "select count(*) from kam_chassis.parked_event");
      if (unsent > 0 || parked > 0) {
        busy.add(db + ": " + unsent + " unsent, " + parked + " parked");
      }
    }
    busy.addAll(consumerLag());
    return String.join("; ", busy);
  }

  private long count(String database, String sql) {
    try (Connection c =
            DriverManager.getConnection(sut.platform().jdbcUrl(database), "postgres", "");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read " + database + ": " + e.getMessage(), e);
    }
  }

  private List<String> consumerLag() {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, sut.platform().bootstrapServers());
    try (Admin admin = Admin.create(p)) {
      Set<String> topics = new TreeSet<>();
      SUBSCRIPTIONS.values().forEach(topics::addAll);
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      admin
          .describeTopics(topics)
          .allTopicNames()
          .get(10, TimeUnit.SECONDS)
          .forEach(
              (topic, d) ->
                  d.partitions()
                      .forEach(
                          pi ->
                              latest.put(
                                  new TopicPartition(topic, pi.partition()), OffsetSpec.latest())));
      Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
          admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
      List<String> lagging = new ArrayList<>();
      for (Map.Entry<String, List<String>> group : SUBSCRIPTIONS.entrySet()) {
        Map<TopicPartition, OffsetAndMetadata> committed =
            admin
                .listConsumerGroupOffsets(group.getKey())
                .partitionsToOffsetAndMetadata()
                .get(10, TimeUnit.SECONDS);
        ends.forEach(
            (tp, end) -> {
              OffsetAndMetadata offset = committed.get(tp);
              // A partition the group never committed on counts from 0: its first events are
              // unhandled.
              if (group.getValue().contains(tp.topic())
                  && end.offset() > (offset == null ? 0 : offset.offset())) {
                lagging.add(group.getKey() + " behind on " + tp);
              }
            });
      }
      return lagging;
    } catch (ExecutionException | TimeoutException e) {
      return List.of("kafka not answering: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}

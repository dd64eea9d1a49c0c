package io.kam.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.strimzi.api.kafka.model.user.KafkaUser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The KafkaUsers of deploy/k8s/base/kafka/users.yaml, applied to a real broker with SCRAM-SHA-512
 * and the standard authorizer, enforce the architecture's topic table (docs/architecture.md): only
 * a topic's producer writes it, its consumers read it with their own group, a consumer writes the
 * dead-letter twin of what it reads, and a forged event never reaches a consumer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaAclEnforcementTest {

  private static final Pattern ROW =
      Pattern.compile(
          "^\\| `(kam\\.[a-z]+\\.events)` \\| ([a-z-]+) \\| ([^|]+) \\|", Pattern.MULTILINE);

  /** The gateway reads every event topic for outbound webhooks (its application.properties). */
  private static final String GATEWAY = "gateway";

  /** topic -> its producer, and topic -> the processes that consume it, from the architecture. */
  private final Map<String, String> producer = new LinkedHashMap<>();

  private final Map<String, Set<String>> consumers = new LinkedHashMap<>();
  private final Set<String> users = new LinkedHashSet<>();
  private final Map<String, String> passwords = new ConcurrentHashMap<>();

  /** Every value a topic's owner wrote: all a consumer may ever read. */
  private final Set<String> legitimate = ConcurrentHashMap.newKeySet();

  private SecureKafka kafka;

  @BeforeAll
  void startASecuredBrokerWithTheManifestsAcls() throws Exception {
    readTheArchitecturesTopicTable();
    kafka = SecureKafka.start();
    try (Admin admin = kafka.admin()) {
      List<KafkaUser> manifest =
          Repo.yamlDocs(Repo.K8S.resolve("base/kafka/users.yaml")).stream()
              .map(d -> Models.parse(d, KafkaUser.class, "users.yaml"))
              .toList();
      Set<String> declared = new LinkedHashSet<>();
      for (KafkaUser u : manifest) {
        String name = u.getMetadata().getName();
        declared.add(name);
        passwords.put(name, UUID.randomUUID().toString());
        kafka.createUser(admin, name, passwords.get(name));
        admin.createAcls(StrimziAcls.bindings(u)).all().get(30, TimeUnit.SECONDS);
      }
      assertEquals(users, declared, "one KafkaUser per process of the architecture");
      List<NewTopic> topics = new ArrayList<>();
      for (String t : producer.keySet()) {
        topics.add(new NewTopic(t, 1, (short) 1));
        topics.add(new NewTopic(t + ".dlq", 1, (short) 1));
      }
      admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
    }
  }

  private void readTheArchitecturesTopicTable() {
    Matcher m = ROW.matcher(Repo.read(Repo.ROOT.resolve("docs/architecture.md")));
    while (m.find()) {
      String topic = m.group(1);
      producer.put(topic, m.group(2));
      Set<String> readers = new LinkedHashSet<>();
      for (String c : m.group(3).split(",")) {
        String s = c.trim();
        if (!s.equals("external consumers")) { // reached through the gateway's webhooks
          readers.add(s.endsWith("-service") ? s : s + "-service");
        }
      }
      readers.add(GATEWAY);
      consumers.put(topic, readers);
      users.add(m.group(2));
      users.addAll(readers);
    }
    assertEquals(4, producer.size(), "the architecture's topic table: " + producer);
  }

  @AfterAll
  void stop() {
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void theOwnerOfEachTopicProducesToItWithTheRelaysIdempotentProducer() throws Exception {
    for (var e : producer.entrySet()) {
      send(e.getValue(), true, e.getKey(), event(e.getValue(), "legit"));
    }
  }

  @Test
  void everyOtherUserIsRefusedAForgedEventAndConsumersReadOnlyTheOwnersRecords() throws Exception {
    for (var e : producer.entrySet()) {
      String topic = e.getKey();
      String owner = e.getValue();
      String real = event(owner, "legit");
      send(owner, true, topic, real);
      for (String forger : users) {
        if (forger.equals(owner)) {
          continue;
        }
        String forged = event(owner, "forged-by-" + forger);
        // Both ways a forger could try: a plain producer, and its own relay's idempotent one
        // (the services hold IdempotentWrite; the gateway has nothing to write with).
        for (boolean idempotent : new boolean[] {false, true}) {
          assertRefused(
              idempotent ? AuthorizationException.class : TopicAuthorizationException.class,
              forger + " producing to " + topic + (idempotent ? " idempotently" : ""),
              () -> send(forger, idempotent, topic, forged));
        }
      }
      for (String reader : consumers.get(topic)) {
        List<String> read = readAll(reader, reader, topic);
        assertTrue(read.contains(real), reader + " did not read " + owner + "'s event on " + topic);
        for (String v : read) {
          assertTrue(
              legitimate.contains(v), reader + " read a record " + owner + " never wrote: " + v);
        }
      }
    }
  }

  @Test
  void eachConsumerReadsItsTopicsWithItsOwnGroupAndNoOtherGroupOrTopic() throws Exception {
    for (String reader : users) {
      boolean triedOtherGroups = false;
      for (String topic : producer.keySet()) {
        if (consumers.get(topic).contains(reader)) {
          readAll(reader, reader, topic);
          // Groups are checked apart from topics: once per reader is enough.
          for (String other : triedOtherGroups ? Set.<String>of() : users) {
            if (!other.equals(reader)) {
              assertRefused(
                  GroupAuthorizationException.class,
                  reader + " reading " + topic + " in group " + other,
                  () -> readAll(reader, other, topic));
            }
          }
          triedOtherGroups = true;
        } else {
          // Even its own topic: a producer writes, never reads. No group, so that the topic is
          // what the broker refuses (not the group some of them do not have).
          assertRefused(
              TopicAuthorizationException.class,
              reader + " reading " + topic,
              () -> readAll(reader, null, topic));
        }
      }
    }
  }

  @Test
  void eachConsumerMeasuresItsLagChecksItsGroupAndReplaysItsTopicsWithoutAGroup() throws Exception {
    // The chassis's ConsumerLag, read-model rebuild check and TopicReplay, with the user's login.
    for (String reader : users) {
      Set<String> topics = new LinkedHashSet<>();
      consumers.forEach(
          (t, readers) -> {
            if (readers.contains(reader)) {
              topics.add(t);
            }
          });
      if (topics.isEmpty()) {
        continue;
      }
      Properties login = kafka.login(reader, passwords.get(reader));
      Properties p = new Properties();
      p.putAll(login);
      try (Admin admin = Admin.create(p)) {
        admin.listConsumerGroupOffsets(reader).partitionsToOffsetAndMetadata().get();
        admin.describeConsumerGroups(List.of(reader)).all().get();
        var described = admin.describeTopics(topics).allTopicNames().get();
        Map<TopicPartition, OffsetSpec> ends = new LinkedHashMap<>();
        described.forEach(
            (t, d) ->
                d.partitions()
                    .forEach(
                        i -> ends.put(new TopicPartition(t, i.partition()), OffsetSpec.latest())));
        assertEquals(ends.keySet(), admin.listOffsets(ends).all().get().keySet());
      }
      for (String topic : topics) {
        KafkaClients.readAll(login, null, topic);
      }
    }
  }

  @Test
  void onlyTheServicesConsumingATopicWriteItsDeadLetterTwin() throws Exception {
    // users.yaml: a service dead-letters what its consumers give up on; the gateway's webhook
    // intake
    // keeps events itself, and a producer never writes its own topic's dead letters.
    for (String topic : producer.keySet()) {
      String dlq = topic + ".dlq";
      for (String user : users) {
        boolean mayWrite = consumers.get(topic).contains(user) && !user.equals(GATEWAY);
        if (mayWrite) {
          send(user, true, dlq, event(user, "dead-letter"));
        } else {
          assertRefused(
              TopicAuthorizationException.class,
              user + " producing to " + dlq,
              () -> send(user, false, dlq, event(user, "dlq")));
        }
      }
    }
  }

  @Test
  void aClientWithAWrongPasswordOrNoAccountIsRefused() {
    String owner = producer.get("kam.account.events");
    assertRefused(
        SaslAuthenticationException.class,
        owner + " with a wrong password",
        () -> KafkaClients.send(kafka.login(owner, "wrong"), true, "kam.account.events", "x"));
    assertRefused(
        SaslAuthenticationException.class,
        "a user with no credential",
        () ->
            KafkaClients.send(kafka.login("intruder", "secret"), false, "kam.account.events", "x"));
  }

  private static String event(String source, String marker) {
    return KafkaClients.accountEvent(source, marker);
  }

  private void send(String user, boolean idempotent, String topic, String value) throws Exception {
    KafkaClients.send(kafka.login(user, passwords.get(user)), idempotent, topic, value);
    if (producer.get(topic) != null) {
      legitimate.add(value); // reached only when the broker accepted it
    }
  }

  private List<String> readAll(String user, String group, String topic) {
    return KafkaClients.readAll(kafka.login(user, passwords.get(user)), group, topic);
  }

  private interface Action {
    void run() throws Exception;
  }

  private static void assertRefused(
      Class<? extends Exception> expected, String what, Action action) {
    Throwable thrown =
        assertThrows(Throwable.class, action::run, what + " was allowed; expected " + expected);
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (expected.isInstance(t)) {
        return;
      }
    }
    fail(what + ": expected " + expected.getSimpleName() + " but got " + thrown);
  }
}

package io.kam.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.strimzi.api.kafka.model.user.KafkaUser;
import java.time.Duration;
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
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
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
        assertRefused(TopicAuthorizationException.class, () -> send(forger, false, topic, forged));
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
      for (String topic : producer.keySet()) {
        if (consumers.get(topic).contains(reader)) {
          readAll(reader, reader, topic);
          for (String other : users) {
            if (!other.equals(reader)) {
              assertRefused(GroupAuthorizationException.class, () -> readAll(reader, other, topic));
            }
          }
        } else if (!topic.equals(ownTopic(reader))) {
          assertRefused(TopicAuthorizationException.class, () -> readAll(reader, reader, topic));
        }
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
              TopicAuthorizationException.class, () -> send(user, false, dlq, event(user, "dlq")));
        }
      }
    }
  }

  @Test
  void aClientWithAWrongPasswordOrNoAccountIsRefused() {
    String owner = producer.get("kam.account.events");
    assertRefused(
        SaslAuthenticationException.class,
        () -> send(kafka.login(owner, "wrong"), true, "kam.account.events", "x"));
    assertRefused(
        SaslAuthenticationException.class,
        () -> send(kafka.login("intruder", "secret"), false, "kam.account.events", "x"));
  }

  private String ownTopic(String user) {
    return producer.entrySet().stream()
        .filter(e -> e.getValue().equals(user))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse(null);
  }

  private String event(String source, String marker) {
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

  private void send(String user, boolean idempotent, String topic, String value) throws Exception {
    send(kafka.login(user, passwords.get(user)), idempotent, topic, value);
    if (producer.get(topic) != null) {
      legitimate.add(value); // reached only when the broker accepted it
    }
  }

  /**
   * Sends one record with the outbox relay's settings (idempotent, acks=all) or a plain forger's.
   */
  private static void send(Properties login, boolean idempotent, String topic, String value)
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

  /** Reads {@code topic} from the beginning to its end offsets as {@code user} in {@code group}. */
  private List<String> readAll(String user, String group, String topic) {
    Properties p = new Properties();
    p.putAll(kafka.login(user, passwords.get(user)));
    p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    List<String> out = new ArrayList<>();
    try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
      c.subscribe(List.of(topic));
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
    return fail(user + " in group " + group + " did not reach the end of " + topic);
  }

  private interface Action {
    void run() throws Exception;
  }

  private static void assertRefused(Class<? extends Exception> expected, Action action) {
    Throwable thrown = assertThrows(Throwable.class, action::run, "not refused: " + expected);
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (expected.isInstance(t)) {
        return;
      }
    }
    assertFalse(true, "expected " + expected.getSimpleName() + " but got " + thrown);
  }
}

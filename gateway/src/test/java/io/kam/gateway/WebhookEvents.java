package io.kam.gateway;

import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Publishes CloudEvents on the services' topics as their outbox relays would. */
final class WebhookEvents {

  private WebhookEvents() {}

  /** The event's id. */
  static String publish(String topic, String type, String accountId, long sequence, String data) {
    String id = UUID.randomUUID().toString();
    String json =
        "{\"specversion\":\"1.0\",\"id\":\""
            + id
            + "\",\"type\":\""
            + type
            + "\",\"source\":\"/test\",\"subject\":\""
            + accountId
            + "\",\"time\":\"2026-11-23T10:00:00Z\",\"sequence\":"
            + sequence
            + ",\"datacontenttype\":\"application/json\",\"data\":"
            + data
            + "}";
    Properties p = new Properties();
    p.put(
        "bootstrap.servers",
        ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    p.put("key.serializer", StringSerializer.class.getName());
    p.put("value.serializer", StringSerializer.class.getName());
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
      producer.send(new ProducerRecord<>(topic, accountId, json)).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return id;
  }
}

package io.kam.chassis.messaging;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.config.Config;

/**
 * The Kafka client's security settings (security.protocol, sasl.*, ssl.*) for the clients the
 * chassis creates itself (relay producer, lag admin client), read like the messaging connector
 * reads them: from kafka.* properties and KAFKA_* environment variables (KAFKA_SASL_JAAS_CONFIG is
 * sasl.jaas.config). Without them a secured broker would accept the consumers and refuse the relay.
 */
public final class KafkaClientSecurity {

  private KafkaClientSecurity() {}

  public static Map<String, Object> from(Config config) {
    Map<String, Object> out = new TreeMap<>();
    for (String name : config.getPropertyNames()) {
      String key;
      if (name.startsWith("kafka.")) {
        key = name.substring("kafka.".length());
      } else if (name.startsWith("KAFKA_")) {
        key = name.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.');
      } else {
        continue;
      }
      if (key.equals("security.protocol") || key.startsWith("sasl.") || key.startsWith("ssl.")) {
        config.getOptionalValue(name, String.class).ifPresent(v -> out.put(key, v));
      }
    }
    return out;
  }
}

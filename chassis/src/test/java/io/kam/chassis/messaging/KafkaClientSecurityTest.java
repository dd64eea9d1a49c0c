package io.kam.chassis.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaClientSecurityTest {

  @Test
  void readsTheSecuritySettingsFromKafkaPropertiesAndEnvironmentVariablesOnly() {
    var config =
        new SmallRyeConfigBuilder()
            .addDefaultInterceptors()
            .withSources(
                new PropertiesConfigSource(
                    Map.of(
                        "kafka.bootstrap.servers", "kafka:9093",
                        "kafka.ssl.truststore.type", "PEM",
                        "quarkus.http.ssl.certificate.key-store-password", "not-kafka"),
                    "application.properties",
                    250))
            .withSources(
                new EnvConfigSource(
                    Map.of(
                        "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                        "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                        "KAFKA_SASL_JAAS_CONFIG", "ScramLoginModule required username=\"a\";",
                        "KAM_DB_PASSWORD", "x"),
                    300))
            .build();

    assertEquals(
        Map.of(
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", "ScramLoginModule required username=\"a\";",
            "ssl.truststore.type", "PEM"),
        KafkaClientSecurity.from(config));
  }
}

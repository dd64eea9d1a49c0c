package io.kam.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The source of truth the other tests check against: what the processes really read. */
class ServiceConfigTest {

  @Test
  void readsThePortsAndDatabasesOfEveryProcessFromItsProperties() {
    assertEquals(
        List.of(8081, 8082, 8083, 8084, 8080),
        ServiceConfig.PROCESSES.values().stream().map(ServiceConfig.Process::port).toList());
    assertEquals(
        List.of("account", "scoring", "kpi", "planning", "gateway"),
        ServiceConfig.PROCESSES.values().stream().map(ServiceConfig.Process::database).toList());
  }

  @Test
  void knowsWhichEnvironmentVariablesTheProcessesRead() {
    for (String known :
        List.of(
            "KAM_HTTP_PORT",
            "KAM_DB_URL",
            "KAFKA_BOOTSTRAP_SERVERS",
            "KAM_KEYS_INTERNAL_PUBLIC",
            "KAM_CLOCK_FIXED",
            "KAM_CLOCK_ADJUSTABLE",
            "KAM_CURSOR_SECRET",
            "KAM_EVENTS_RELAY_POLL_INTERVAL",
            "KAM_GATEWAY_SERVICES_ACCOUNT_TIMEOUT",
            "QUARKUS_HTTP_CORS_ORIGINS",
            "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT",
            "QUARKUS_LOG_CONSOLE_JSON_ENABLED")) {
      assertNotNull(ServiceConfig.whoReads(known), known);
    }
    for (String unknown :
        List.of(
            "KAM_CLOCK_FIXD",
            "KAM_DB_URI",
            "KAM_EVENTS_RELAY_POLL",
            "QUARKUS_HTTP_CORS_ORIGINZ",
            "KAFKA_BOOTSTRAP_SERVER",
            "KAM_GATEWAY_RATE_LIMIT_X")) {
      assertNull(ServiceConfig.whoReads(unknown), unknown);
    }
  }

  @Test
  void findsTheTopicsOfTheContract() {
    assertEquals(
        java.util.Set.of(
            "kam.account.events", "kam.kpi.events", "kam.score.events", "kam.plan.events"),
        ServiceConfig.topics());
  }
}

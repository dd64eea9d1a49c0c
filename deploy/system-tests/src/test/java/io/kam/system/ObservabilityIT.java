package io.kam.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every metric the Grafana dashboard and the Prometheus alerts read (deploy/observability) is
 * really exported by the running services: traffic goes through the gateway, an account is created
 * (an event through the outbox to the consumers) and a malformed record is sent to the account
 * topic (a dead letter in every consumer); then each process's /q/metrics is scraped until every
 * referenced name is there. Only metrics that come from elsewhere (Prometheus' own "up",
 * kube-state-metrics) are exempt, each named with its source.
 */
class ObservabilityIT {

  /** Metrics the dashboard and alerts read that no service exports, and who exports them. */
  static final Map<String, String> EXTERNAL =
      Map.of("up", "Prometheus (scrape status)", "kube_pod_status_ready", "kube-state-metrics");

  private static final Set<String> KEYWORDS =
      Set.of(
          "and",
          "or",
          "unless",
          "bool",
          "offset",
          "by",
          "without",
          "on",
          "ignoring",
          "group_left",
          "group_right",
          "inf",
          "nan",
          "atan2");

  static SystemUnderTest sut;

  @BeforeAll
  static void startSystem() {
    sut = SystemUnderTest.get();
  }

  @Test
  void everyMetricTheDashboardAndAlertsReadIsExportedByARunningService() throws Exception {
    Set<String> referenced = referencedMetrics();
    assertTrue(referenced.size() > 10, "metrics found in deploy/observability: " + referenced);

    causeTraffic();
    createAnAccount();
    sendAMalformedEvent();

    Map<String, Set<String>> exported = new LinkedHashMap<>();
    Map<String, String> missing = new TreeMap<>();
    try {
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofSeconds(2))
          .until(
              () -> {
                causeTraffic();
                exported.clear();
                for (String s : SystemUnderTest.SERVICES) {
                  exported.put(s, scrape(sut.service(s).managementUrl()));
                }
                missing.clear();
                for (String m : referenced) {
                  if (!EXTERNAL.containsKey(m)
                      && exported.values().stream().noneMatch(names -> names.contains(m))) {
                    missing.put(m, "exported by none of " + SystemUnderTest.SERVICES);
                  }
                }
                return missing.isEmpty();
              });
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      Map<String, List<String>> kam = new LinkedHashMap<>();
      exported.forEach(
          (s, names) ->
              kam.put(
                  s,
                  names.stream()
                      .filter(n -> n.startsWith("kam_") || n.endsWith("records_lag_max"))
                      .toList()));
      throw new AssertionError(
          "metrics the dashboard or alerts read but no service exports: "
              + missing.keySet()
              + "; event and lag metrics per service: "
              + kam
              + " (kam_events_consumed_total and kam_events_dead_letters_total"
              + " appear once a consumer has handled an event: see the consumers' logs in target/system-logs)",
          e);
    }

    // What every process must export for the per-process panels to be complete.
    for (String s : SystemUnderTest.SERVICES) {
      for (String m :
          List.of(
              "http_server_requests_seconds_count",
              "http_server_requests_seconds_max",
              "jvm_memory_used_bytes")) {
        assertTrue(exported.get(s).contains(m), s + " exports " + m);
      }
    }
    for (String s : List.of("account", "scoring", "kpi", "planning")) {
      for (String m : List.of("kam_outbox_backlog", "kam_outbox_oldest_age_seconds")) {
        assertTrue(exported.get(s).contains(m), s + " exports " + m);
      }
    }
    assertTrue(
        exported.get("account").contains("kam_events_published_total"),
        "account published the event of the created account");
  }

  @Test
  void theMetricNameExtractorReadsMetricsNotFunctionsLabelsOrDurations() {
    assertEquals(
        Set.of("a_total", "b_seconds_count"),
        metricNames(
            "sum by (job, le) (rate(a_total{status=~\"5..\",x=\"y z\"}[5m])) / on (job) group_left (b) b_seconds_count offset 1h > 0.5e3"));
  }

  // ------------------------------------------------------------------------------------------

  private static void causeTraffic() {
    String admin = "Bearer " + sut.token("admin", "admin");
    for (String s : List.of("account", "scoring", "kpi", "planning")) {
      given()
          .header("Authorization", admin)
          .get(sut.gatewayUrl() + "/api/v1/admin/" + s + "/dead-letters")
          .then()
          .statusCode(200);
    }
    given().get(sut.gatewayUrl() + "/api/v1/accounts").then().statusCode(401);
  }

  /**
   * An account created through the gateway: an event through account's outbox to every consumer.
   */
  private static void createAnAccount() {
    String admin = "Bearer " + sut.token("admin", "admin");
    int status =
        given()
            .header("Authorization", admin)
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .contentType("application/json")
            .body("{\"name\": \"Observability Test GmbH\", \"ownerId\": \"admin\"}")
            .post(sut.gatewayUrl() + "/api/v1/accounts")
            .then()
            .extract()
            .statusCode();
    assertEquals(
        201, status, "creating an account through the gateway (the event this test needs)");
  }

  /** A record no consumer can parse: each consumer of the topic dead-letters it and moves on. */
  private static void sendAMalformedEvent() throws Exception {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, sut.platform.bootstrapServers());
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
      producer
          .send(
              new ProducerRecord<>(
                  "kam.account.events",
                  UUID.randomUUID().toString(),
                  "{\"not\": \"a cloud event\""))
          .get();
    }
  }

  /** Metric names (without labels) of one Prometheus scrape. */
  static Set<String> scrape(String url) {
    String body = given().get(url + "/q/metrics").then().statusCode(200).extract().asString();
    Set<String> names = new TreeSet<>();
    for (String line : body.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      Matcher m = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)").matcher(line);
      if (m.find()) {
        names.add(m.group(1));
      }
    }
    return names;
  }

  /** Every metric name in the dashboard's queries and variables and in the alert expressions. */
  static Set<String> referencedMetrics() throws IOException {
    Path root =
        Path.of(System.getProperty("kam.repo.root", "../..")).resolve("deploy/observability");
    List<String> exprs = new ArrayList<>();
    JsonNode dashboard =
        new ObjectMapper().readTree(root.resolve("grafana/kam-dashboard.json").toFile());
    collectTargets(dashboard.path("panels"), exprs);
    for (JsonNode v : dashboard.path("templating").path("list")) {
      Matcher m = Pattern.compile("label_values\\((\\w+)").matcher(v.path("definition").asText());
      if (m.find()) {
        exprs.add(m.group(1));
      }
    }
    JsonNode alerts =
        new ObjectMapper(new YAMLFactory())
            .readTree(root.resolve("prometheus/kam-alerts.yml").toFile());
    for (JsonNode g : alerts.path("groups")) {
      for (JsonNode r : g.path("rules")) {
        exprs.add(r.path("expr").asText());
      }
    }
    Set<String> names = new TreeSet<>();
    exprs.forEach(e -> names.addAll(metricNames(e)));
    return names;
  }

  private static void collectTargets(JsonNode panels, List<String> out) {
    for (JsonNode p : panels) {
      for (JsonNode t : p.path("targets")) {
        out.add(t.path("expr").asText());
      }
      collectTargets(p.path("panels"), out);
    }
  }

  /** The metric names a PromQL expression reads (not functions, labels, durations or keywords). */
  static Set<String> metricNames(String expr) {
    String s = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
    s = s.replaceAll("\\{[^}]*}", " ");
    s = s.replaceAll("\\[[^\\]]*]", " ");
    s = s.replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
    Set<String> out = new TreeSet<>();
    Matcher m = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*").matcher(s);
    while (m.find()) {
      String token = m.group();
      int before = m.start() - 1;
      if (before >= 0
          && (Character.isDigit(s.charAt(before))
              || s.charAt(before) == '.'
              || s.charAt(before) == '$')) {
        continue;
      }
      int after = m.end();
      while (after < s.length() && s.charAt(after) == ' ') {
        after++;
      }
      if ((after < s.length() && s.charAt(after) == '(') || KEYWORDS.contains(token)) {
        continue;
      }
      out.add(token);
    }
    return out;
  }
}

package io.kam.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard and the Prometheus alert rules: valid files, the alerts the operations
 * need, and only metrics the services export. The chassis's own metrics are taken from its
 * Micrometer calls here; that every name is really scraped from running services is
 * ObservabilityIT's job (deploy/system-tests).
 */
class ObservabilityFilesTest {

  static final Path DASHBOARD = Repo.OBSERVABILITY.resolve("grafana/kam-dashboard.json");
  static final Path ALERTS = Repo.OBSERVABILITY.resolve("prometheus/kam-alerts.yml");

  /** Metrics that come from elsewhere than the services. */
  static final Map<String, String> EXTERNAL =
      Map.of("up", "Prometheus", "kube_pod_status_ready", "kube-state-metrics");

  /**
   * Metric families Quarkus' Micrometer binders export (HTTP server timer, JVM, process, Kafka
   * clients). The HTTP timer's buckets exist because the chassis configures them
   * (ops.LatencyHistograms, checked below).
   */
  static final Pattern MICROMETER =
      Pattern.compile(
          "^(http_server_requests_seconds_(count|sum|max|bucket)|jvm_[a-z_]+|process_[a-z_]+|system_[a-z_]+|kafka_consumer_[a-z_]+|kafka_producer_[a-z_]+)$");

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

  /** The metric names a PromQL expression reads. */
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

  static List<String> alertExpressions() {
    List<String> out = new ArrayList<>();
    for (JsonNode g : Repo.yaml(ALERTS).path("groups")) {
      for (JsonNode r : g.path("rules")) {
        out.add(r.path("expr").asText());
      }
    }
    return out;
  }

  static List<String> dashboardExpressions() {
    List<String> out = new ArrayList<>();
    collect(Repo.json(DASHBOARD).path("panels"), out);
    for (JsonNode v : Repo.json(DASHBOARD).path("templating").path("list")) {
      Matcher m = Pattern.compile("label_values\\((\\w+)").matcher(v.path("definition").asText());
      if (m.find()) {
        out.add(m.group(1));
      }
    }
    return out;
  }

  private static void collect(JsonNode panels, List<String> out) {
    for (JsonNode p : panels) {
      for (JsonNode t : p.path("targets")) {
        out.add(t.path("expr").asText());
      }
      collect(p.path("panels"), out);
    }
  }

  /** kam_* metric names the chassis registers (Micrometer names, Prometheus style). */
  static Set<String> chassisMetrics() {
    Set<String> out = new TreeSet<>();
    Pattern p =
        Pattern.compile(
            "(Counter|Gauge|Timer|DistributionSummary|FunctionCounter)\\.builder\\(\\s*\"([a-z][a-z0-9.]*)\"");
    for (Path src : ServiceConfig.javaSources()) {
      Matcher m = p.matcher(Repo.read(src));
      while (m.find()) {
        String base = m.group(2).replace('.', '_');
        switch (m.group(1)) {
          case "Counter", "FunctionCounter" -> out.add(base + "_total");
          case "Timer" -> {
            out.addAll(
                List.of(base + "_seconds_count", base + "_seconds_sum", base + "_seconds_max"));
            // Buckets only when the builder sets them (up to its register call); the family's
            // own name then names the histogram in the docs.
            String chain = Repo.read(src).substring(m.end());
            int end = chain.indexOf(".register(");
            if (end > 0 && chain.substring(0, end).contains(".serviceLevelObjectives(")) {
              out.addAll(List.of(base + "_seconds_bucket", base + "_seconds"));
            }
          }
          default -> out.add(base);
        }
      }
    }
    return out;
  }

  @Test
  void theMetricExtractorFindsMetricsNotFunctionsLabelsOrDurations() {
    assertEquals(
        Set.of("a_total", "b_seconds_count"),
        metricNames(
            "sum by (job, le) (rate(a_total{status=~\"5..\",x=\"y z\"}[5m])) / on (job) group_left (b) b_seconds_count offset 1h > 0.5e3"));
    assertEquals(
        Set.of("kube_pod_status_ready"),
        metricNames("changes(kube_pod_status_ready{condition=\"true\"}[15m]) > 3"));
  }

  @Test
  void theAlertsCoverWhatOperationsWatch() {
    JsonNode alerts = Repo.yaml(ALERTS);
    Problems p = new Problems();
    Set<String> names = new TreeSet<>();
    for (JsonNode g : alerts.path("groups")) {
      p.check(g.path("name").isTextual(), "a group without a name");
      for (JsonNode r : g.path("rules")) {
        String name = r.path("alert").asText();
        p.check(names.add(name), name + " twice");
        p.check(!r.path("expr").asText().isBlank(), name + ": no expr");
        p.check(
            !r.has("for") || r.path("for").asText().matches("\\d+[smh]"),
            name + ": for " + r.path("for"));
        p.check(
            Set.of("critical", "warning").contains(r.path("labels").path("severity").asText()),
            name + ": severity");
        p.check(
            r.path("annotations").path("summary").isTextual()
                && r.path("annotations").path("description").isTextual(),
            name + ": annotations");
        r.fieldNames()
            .forEachRemaining(
                f ->
                    p.check(
                        Set.of("alert", "expr", "for", "labels", "annotations").contains(f),
                        name + ": field " + f));
      }
    }
    String all = String.join("\n", alertExpressions());
    p.check(
        all.contains("http_server_requests_seconds_count{status=~\"5..\"}"),
        "an alert on the 5xx rate");
    p.check(all.contains("http_server_requests_seconds_bucket"), "an alert on HTTP latency");
    p.check(all.contains("kam_event_hop_seconds_bucket"), "an alert on the event hop");
    for (String metric :
        List.of(
            "kam_outbox_oldest_age_seconds",
            "kam_events_dead_letters_total",
            "kafka_consumer_fetch_manager_records_lag_max",
            "kube_pod_status_ready")) {
      p.check(all.contains(metric), "an alert on " + metric);
    }
    p.check(all.contains("changes(kube_pod_status_ready"), "readiness flapping counts changes");
    p.assertNone();
  }

  @Test
  void theDashboardIsAGrafanaDashboardWithUniquePanelIds() {
    JsonNode d = Repo.json(DASHBOARD);
    assertTrue(
        d.path("uid").isTextual()
            && d.path("title").isTextual()
            && d.path("schemaVersion").asInt() >= 36);
    Set<Integer> ids = new TreeSet<>();
    for (JsonNode p : d.path("panels")) {
      assertTrue(ids.add(p.path("id").asInt()), "panel id " + p.path("id") + " twice");
      assertTrue(
          p.path("gridPos").has("w") && p.path("gridPos").has("h"),
          "panel " + p.path("title") + " has a position");
      if (!p.path("type").asText().equals("row")) {
        assertTrue(p.path("targets").size() > 0, "panel " + p.path("title") + " has queries");
      }
    }
    String all = String.join("\n", dashboardExpressions());
    for (String metric :
        List.of(
            "http_server_requests_seconds_count",
            "kam_outbox_backlog",
            "kam_outbox_oldest_age_seconds",
            "kam_events_published_total",
            "kam_events_consumed_total",
            "kam_events_dead_letters_total",
            "kafka_consumer_fetch_manager_records_lag_max",
            "jvm_memory_used_bytes")) {
      assertTrue(all.contains(metric), "the dashboard shows " + metric);
    }
  }

  /** A maximum, or a metric's max series, read for a latency. */
  static final Pattern LATENCY_MAXIMUM =
      Pattern.compile("[a-z_]+_seconds_max\\b|max_over_time\\([^)]*_seconds");

  @Test
  void latencyIsReadAsQuantilesOfHistogramsNeverAsMaxima() {
    Problems p = new Problems();
    List<String> alerts = alertExpressions();
    List<String> panels = dashboardExpressions();
    List<String> all = new ArrayList<>(alerts);
    all.addAll(panels);
    for (String e : all) {
      p.check(!LATENCY_MAXIMUM.matcher(e).find(), "a latency read as a maximum: " + e);
      if (e.contains("histogram_quantile(")) {
        p.check(
            e.matches(
                "(?s).*histogram_quantile\\(0?\\.\\d+,\\s*sum by \\([^)]*\\ble\\b[^)]*\\) \\(rate\\([a-z_]+_bucket(\\{[^}]*})?\\[5m]\\)\\)\\).*"),
            "a quantile over the 5 minute rate of buckets, summed by le: " + e);
      }
    }
    for (String metric :
        List.of("http_server_requests_seconds_bucket", "kam_event_hop_seconds_bucket")) {
      p.check(
          alerts.stream().anyMatch(e -> e.contains("histogram_quantile(") && e.contains(metric)),
          "an alert on a quantile of " + metric);
      p.check(
          panels.stream().anyMatch(e -> e.contains("histogram_quantile(") && e.contains(metric)),
          "a panel of quantiles of " + metric);
    }
    String histograms =
        ServiceConfig.javaSources().stream()
            .filter(f -> f.getFileName().toString().equals("LatencyHistograms.java"))
            .map(Repo::read)
            .findFirst()
            .orElse("");
    p.check(
        histograms.contains("\"http.server.requests\"")
            && histograms.contains(".serviceLevelObjectives("),
        "the chassis publishes http.server.requests with buckets (ops.LatencyHistograms)");
    p.assertNone();
  }

  @Test
  void everyReferencedMetricIsOneTheServicesExportOrAKnownExternalOne() {
    Set<String> chassis = chassisMetrics();
    assertTrue(
        chassis.containsAll(
            Set.of(
                "kam_outbox_backlog",
                "kam_outbox_oldest_age_seconds",
                "kam_events_published_total",
                "kam_events_consumed_total",
                "kam_events_dead_letters_total")),
        "chassis metrics found: " + chassis);
    Map<String, String> unknown = new TreeMap<>();
    List<String> exprs = new ArrayList<>(alertExpressions());
    exprs.addAll(dashboardExpressions());
    for (String e : exprs) {
      for (String m : metricNames(e)) {
        if (!chassis.contains(m) && !EXTERNAL.containsKey(m) && !MICROMETER.matcher(m).matches()) {
          unknown.put(m, e);
        }
      }
    }
    assertEquals(Map.of(), unknown, "metrics no service exports");
  }

  @Test
  void theComposePrometheusScrapesEveryProcessOnItsManagementPortWithItsNameAsJob() {
    JsonNode prom = Repo.yaml(Repo.OBSERVABILITY.resolve("prometheus/prometheus.yml"));
    Set<String> rules = new TreeSet<>();
    prom.path("rule_files").forEach(f -> rules.add(f.asText()));
    assertEquals(Set.of(ALERTS.getFileName().toString()), rules);
    Map<String, String> jobs = new TreeMap<>();
    for (JsonNode job : prom.path("scrape_configs")) {
      assertEquals("/q/metrics", job.path("metrics_path").asText(), job.path("job_name").asText());
      jobs.put(
          job.path("job_name").asText(),
          job.path("static_configs").get(0).path("targets").get(0).asText());
    }
    Map<String, String> expected = new TreeMap<>();
    for (ServiceConfig.Process p : ServiceConfig.PROCESSES.values()) {
      assertTrue(ComposeTest.SERVICES.has(p.name()), "compose service " + p.name());
      expected.put(
          p.module(), p.name() + ":" + p.managementPort()); // metrics live on the management port
    }
    assertEquals(expected, jobs);
  }
}

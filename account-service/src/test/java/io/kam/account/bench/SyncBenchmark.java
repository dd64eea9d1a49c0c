package io.kam.account.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kam.platform.PlatformKeys;
import io.kam.platform.Tokens;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.postgresql.PGConnection;

/**
 * CRM sync throughput against a RUNNING account-service, next to PostgreSQL's own COPY of the same
 * rows on the same database. Not a test: run it by hand (see account-service/README.md):
 *
 * <pre>
 *   java -cp "account-service/target/test-classes:$(cat /tmp/account-cp.txt)" \
 *     io.kam.account.bench.SyncBenchmark [baseUrl] [keysDir] [jdbcUrl] [accounts] [batch]
 * </pre>
 *
 * Defaults: http://localhost:8081, .kam/data/keys, jdbc:postgresql://localhost:15432/account, 10000
 * accounts, batches of 1000. Three passes: create (all CREATED), update (all UPDATED), re-send (all
 * UNCHANGED).
 */
public final class SyncBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SyncBenchmark() {}

  public static void main(String[] args) throws Exception {
    String url = arg(args, 0, "http://localhost:8081");
    Path keys = Path.of(arg(args, 1, ".kam/data/keys"));
    String jdbc = arg(args, 2, "jdbc:postgresql://localhost:15432/account");
    int accounts = Integer.parseInt(arg(args, 3, "10000"));
    int batch = Integer.parseInt(arg(args, 4, "1000"));
    String token = Tokens.internal(PlatformKeys.inDirectory(keys), "bench", "integration");
    String source = "bench-" + UUID.randomUUID().toString().substring(0, 8);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    List<Map<String, Object>> items = items(source, accounts, "");
    sync(
        http,
        url,
        token,
        items.subList(0, Math.min(batch, 200)).stream()
            .map(i -> withSource(i, source + "-warmup"))
            .toList()); // JIT and pool warm-up, not measured
    report(
        "HTTP sync, create",
        accounts,
        time(() -> syncAll(http, url, token, items, batch, "CREATED")));
    List<Map<String, Object>> changed = items(source, accounts, " (renamed)");
    report(
        "HTTP sync, update",
        accounts,
        time(() -> syncAll(http, url, token, changed, batch, "UPDATED")));
    report(
        "HTTP sync, unchanged",
        accounts,
        time(() -> syncAll(http, url, token, changed, batch, "UNCHANGED")));

    try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres")) {
      try (Statement s = c.createStatement()) {
        s.execute(
            "create temp table bench_copy (like account including defaults including indexes)");
      }
      String csv = csv(items);
      long t0 = System.nanoTime();
      long rows =
          c.unwrap(PGConnection.class)
              .getCopyAPI()
              .copyIn(
                  "copy bench_copy (id, source, external_id, name, search_name, industry, country, region, owner_id,"
                      + " lifecycle, relationship_stage, strategic_alignment, market_influence, fit, partnership,"
                      + " potential_annual_spend, team, created_at, updated_at, version) from stdin with (format csv)",
                  new StringReader(csv));
      report("PostgreSQL COPY (same rows, same indexes)", rows, System.nanoTime() - t0);
    }
  }

  private static Map<String, Object> withSource(Map<String, Object> item, String source) {
    Map<String, Object> m = new LinkedHashMap<>(item);
    m.put("source", source);
    return m;
  }

  private static List<Map<String, Object>> items(String source, int n, String suffix) {
    String[] industries = {"MANUFACTURING", "RETAIL", "PHARMA", "BANKING", "ENERGY"};
    String[] countries = {"DE", "FR", "US", "GB", "JP", "BR"};
    List<Map<String, Object>> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("source", source);
      m.put("externalId", "B-" + i);
      m.put("name", "Bench Account " + i + suffix);
      m.put("industry", industries[i % industries.length]);
      m.put("country", countries[i % countries.length]);
      m.put("region", i % 2 == 0 ? "EMEA" : "AMER");
      m.put("ownerId", "kam-" + (i % 40));
      m.put("lifecycle", "CUSTOMER");
      m.put("relationshipStage", "COOPERATIVE");
      m.put(
          "assessment",
          Map.of(
              "strategicAlignment",
              1 + i % 5,
              "marketInfluence",
              1 + (i / 5) % 5,
              "fit",
              3,
              "partnership",
              2));
      m.put("potentialAnnualSpend", new BigDecimal(100000 + i).add(new BigDecimal("0.25")));
      m.put("team", List.of(Map.of("userId", "se-" + (i % 7), "role", "SOLUTION_ENGINEER")));
      out.add(m);
    }
    return out;
  }

  private static void syncAll(
      HttpClient http,
      String url,
      String token,
      List<Map<String, Object>> items,
      int batch,
      String expected)
      throws Exception {
    for (int from = 0; from < items.size(); from += batch) {
      JsonNode results =
          sync(http, url, token, items.subList(from, Math.min(items.size(), from + batch)));
      for (JsonNode r : results.get("results")) {
        if (!expected.equals(r.get("status").asText())) {
          throw new IllegalStateException("expected " + expected + ", got " + r);
        }
      }
    }
  }

  private static JsonNode sync(
      HttpClient http, String url, String token, List<Map<String, Object>> items) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url + "/api/v1/sync/accounts"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .PUT(
                HttpRequest.BodyPublishers.ofString(
                    JSON.writeValueAsString(Map.of("items", items))))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "sync answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  private static String csv(List<Map<String, Object>> items) throws Exception {
    StringBuilder sb = new StringBuilder();
    String now = Instant.now().toString();
    for (Map<String, Object> m : items) {
      @SuppressWarnings("unchecked")
      Map<String, Object> a = (Map<String, Object>) m.get("assessment");
      String name = (String) m.get("name");
      Object[] row = {
        UUID.randomUUID(),
        m.get("source") + "-copy",
        m.get("externalId"),
        name,
        name.toLowerCase(java.util.Locale.ROOT),
        m.get("industry"),
        m.get("country"),
        m.get("region"),
        m.get("ownerId"),
        m.get("lifecycle"),
        m.get("relationshipStage"),
        a.get("strategicAlignment"),
        a.get("marketInfluence"),
        a.get("fit"),
        a.get("partnership"),
        m.get("potentialAnnualSpend"),
        JSON.writeValueAsString(m.get("team")),
        now,
        now,
        1
      };
      for (int i = 0; i < row.length; i++) {
        sb.append(i == 0 ? "" : ",")
            .append('"')
            .append(String.valueOf(row[i]).replace("\"", "\"\""))
            .append('"');
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private interface Run {
    void run() throws Exception;
  }

  private static long time(Run run) throws Exception {
    long t0 = System.nanoTime();
    run.run();
    return System.nanoTime() - t0;
  }

  private static void report(String what, long rows, long nanos) {
    double seconds = nanos / 1e9;
    System.out.printf(
        "%-45s %6d rows in %7.3f s = %9.0f rows/s%n", what, rows, seconds, rows / seconds);
  }

  private static String arg(String[] args, int i, String fallback) {
    return args.length > i ? args[i] : fallback;
  }
}

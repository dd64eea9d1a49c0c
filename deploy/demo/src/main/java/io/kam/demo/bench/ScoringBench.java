package io.kam.demo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kam.demo.load.Gateway;
import io.kam.platform.PlatformKeys;
import io.kam.platform.Tokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The rescoring benchmark (deploy/bench/scoring-bench.sh starts the system and runs this): N
 * accounts with every scoring input written straight into scoring-service's own read model, then
 * two model activations through the gateway as an admin, each timed until its rescoring job reports
 * DONE, next to ONE SQL {@code UPDATE} applying the same weighted formula to a copy of the score
 * table ({@code LIKE account INCLUDING ALL}, the same rows) in the same PostgreSQL.
 *
 * <p>The first activation scores every account for the first time (every one changes: history, a
 * computed-tier change and events for all); the second moves the revenue normalization (most scores
 * change again). Arguments: gatewayUrl keysDir postgresPort [accounts].
 */
public final class ScoringBench {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One criterion, as the API takes it and as the baseline computes it in SQL. */
  record Criterion(
      String key, String input, String column, String weight, String kind, String min, String max) {

    String json() {
      return String.format(
          "{\"key\":\"%s\",\"input\":\"%s\",\"weight\":%s,\"normalization\":{\"kind\":\"%s\",\"min\":%s,\"max\":%s}}",
          key, input, weight, kind, min, max);
    }

    /** The normalized value in [0, 1], null when the input is missing (docs/kpis-and-scores.md). */
    String normalizedSql() {
      String x = "(" + column + ")::numeric";
      String lo = "(" + min + ")::numeric";
      String hi = "(" + max + ")::numeric";
      String position =
          kind.equals("LOG")
              ? "(log(" + x + ") - log(" + lo + ")) / (log(" + hi + ") - log(" + lo + "))"
              : "(" + x + " - " + lo + ") / (" + hi + " - " + lo + ")";
      String clamped = "greatest(0, least(1, " + position + "))";
      return kind.equals("LOG")
          ? "case when " + x + " <= 0 then 0 else " + clamped + " end"
          : clamped;
    }
  }

  static List<Criterion> model(String revenueMax) {
    return List.of(
        new Criterion("revenue", "t12mRevenue", "t12m_revenue", "0.30", "LOG", "10000", revenueMax),
        new Criterion("growth", "t12mGrowth", "t12m_growth", "0.20", "LINEAR", "-0.2", "0.5"),
        new Criterion(
            "walletHeadroom",
            "walletHeadroom",
            "(1 - share_of_wallet)",
            "0.10",
            "LINEAR",
            "0",
            "1"),
        new Criterion(
            "strategicAlignment",
            "strategicAlignment",
            "strategic_alignment",
            "0.15",
            "LINEAR",
            "1",
            "5"),
        new Criterion(
            "marketInfluence", "marketInfluence", "market_influence", "0.10", "LINEAR", "1", "5"),
        new Criterion("fit", "fit", "fit", "0.05", "LINEAR", "1", "5"),
        new Criterion("satisfaction", "npsT12m", "nps_t12m", "0.10", "LINEAR", "-100", "100"));
  }

  static String modelJson(List<Criterion> criteria, int key, int keyExit, int developing) {
    List<String> items = criteria.stream().map(Criterion::json).toList();
    return "{\"criteria\":["
        + String.join(",", items)
        + "],\"thresholds\":{\"key\":"
        + key
        + ",\"keyExit\":"
        + keyExit
        + ",\"developing\":"
        + developing
        + "}}";
  }

  /** The weighted score over the present inputs, rounded to 0.1, as one SQL expression. */
  static String scoreSql(List<Criterion> criteria) {
    List<String> weighted = new ArrayList<>();
    List<String> present = new ArrayList<>();
    for (Criterion c : criteria) {
      weighted.add("coalesce(" + c.weight() + "::numeric * " + c.normalizedSql() + ", 0)");
      present.add(
          "case when " + c.column() + " is null then 0 else " + c.weight() + "::numeric end");
    }
    return "round(100 * ("
        + String.join(" + ", weighted)
        + ") / nullif("
        + String.join(" + ", present)
        + ", 0), 1)";
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: ScoringBench gatewayUrl keysDir postgresPort [accounts]");
      System.exit(2);
    }
    int accounts = args.length > 3 ? Integer.parseInt(args[3]) : 100_000;
    Gateway.Credentials admin =
        Gateway.Credentials.bearer(
            Tokens.client(
                PlatformKeys.inDirectory(Path.of(args[1])), "bench", Duration.ofHours(4), "admin"));
    Gateway gateway = Gateway.connect(args[0]);
    BenchDatabase db = new BenchDatabase("localhost", Integer.parseInt(args[2]));
    System.out.printf("scoring benchmark: %d accounts; load average %s%n", accounts, loadAverage());

    double seed = seed(db, accounts);
    System.out.printf("  %d accounts with scoring inputs written in %.1f s%n", accounts, seed);
    Run first = activate(gateway, admin, modelJson(model("10000000"), 72, 65, 50));
    System.out.printf("  first scoring: %s%n", first);
    List<Criterion> changed = model("20000000");
    Run second = activate(gateway, admin, modelJson(changed, 70, 65, 50));
    System.out.printf("  model change: %s%n", second);
    double update = baselineUpdate(db, changed, 70, 50);

    System.out.println();
    System.out.printf(
        "%-16s %8s %8s %10s %12s %10s %7s%n",
        "activation", "accounts", "changed", "seconds", "accounts/s", "UPDATE s", "ratio");
    for (Run r : List.of(first, second)) {
      System.out.printf(
          "%-16s %8d %8d %10.1f %12.0f %10.2f %7.2f%n",
          r.label, r.done, r.changed, r.seconds, r.done / r.seconds, update, r.seconds / update);
    }
    System.out.printf(
        "one SQL UPDATE of the same formula over a copy of the score table: %.2f s"
            + " (%.0f accounts/s); goal: rescoring within 3 times it%n",
        update, accounts / update);
    System.out.printf("load average at the end %s%n", loadAverage());
  }

  record Run(String label, int done, int changed, double seconds) {
    @Override
    public String toString() {
      return String.format(
          "%d accounts (%d changed) in %.1f s = %.0f accounts/s",
          done, changed, seconds, done / seconds);
    }
  }

  /**
   * Accounts of the benchmark straight into scoring's read model, as its account and snapshot
   * events would leave them (inputs, has_snapshot, not yet scored): one set-based INSERT with
   * reproducible pseudo-random inputs, so the benchmark measures rescoring, not the sync.
   */
  static double seed(BenchDatabase db, int accounts) throws Exception {
    long start = System.nanoTime();
    try (Connection c = db.open("scoring");
        Statement s = c.createStatement()) {
      s.execute("select setseed(0.42)");
      s.execute(
          "insert into account (id, name, owner_id, strategic_alignment, market_influence, fit,"
              + " partnership, has_snapshot, as_of_month, t12m_revenue, t12m_growth, last3m_growth,"
              + " share_of_wallet, nps_t12m, csat_t12m, cross_sell_count)"
              + " select gen_random_uuid(), 'Scoring bench ' || g, 'kam-bench-' || (g % 50), 1 + g % 5,"
              + " 1 + (g / 5) % 5, 1 + (g / 25) % 5, 1 + (g / 125) % 5, true, '2026-10',"
              + " round((random() * 5000000)::numeric, 2), round((random() - 0.3)::numeric, 4),"
              + " round((random() - 0.4)::numeric, 4), round(random()::numeric, 4),"
              + " round((random() * 200 - 100)::numeric, 2), round((random() * 100)::numeric, 2), g % 3"
              + " from generate_series(1, "
              + accounts
              + ") g");
      s.execute("analyze account");
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /** Creates and activates a model as an admin; times the activation until its job is DONE. */
  static Run activate(Gateway gateway, Gateway.Credentials admin, String model) throws Exception {
    Gateway.Reply created =
        gateway.call(
            "POST",
            "/api/v1/scoring-models",
            admin,
            JSON.readTree(model),
            "scoring-bench-" + System.nanoTime(),
            Gateway.DEFAULT_ATTEMPTS);
    if (!created.ok()) {
      throw new IllegalStateException("creating the model: " + created.problem());
    }
    String id = created.json().path("id").asText();
    long start = System.nanoTime();
    Gateway.Reply activated =
        gateway.call("POST", "/api/v1/scoring-models/" + id + "/activate", admin, null, null, 1);
    if (!activated.ok()) {
      throw new IllegalStateException("activating the model: " + activated.problem());
    }
    while (true) {
      JsonNode job = gateway.get("/api/v1/scoring-models/" + id, admin).json().path("rescoring");
      if (job.path("status").asText().equals("DONE")) {
        double seconds = (System.nanoTime() - start) / 1e9;
        String label = "version " + created.json().path("version").asInt();
        return new Run(
            label, job.path("accountsDone").asInt(), job.path("accountsChanged").asInt(), seconds);
      }
      Thread.sleep(100);
    }
  }

  /**
   * ONE UPDATE over a copy of the score table (same rows, same indexes) setting the score, computed
   * and effective tier and model version with the same weighted formula; its seconds.
   */
  static double baselineUpdate(BenchDatabase db, List<Criterion> model, int key, int developing)
      throws Exception {
    try (Connection c = db.open("scoring");
        Statement s = c.createStatement()) {
      s.execute("drop table if exists bench_account");
      s.execute("create table bench_account (like account including all)");
      s.execute("insert into bench_account select * from account");
      s.execute("analyze bench_account");
      String score = scoreSql(model);
      String tier =
          "case when "
              + score
              + " >= "
              + key
              + " then 'KEY' when "
              + score
              + " >= "
              + developing
              + " then 'DEVELOPING' else 'STANDARD' end";
      long start = System.nanoTime();
      try (PreparedStatement ps =
          c.prepareStatement(
              "update bench_account set score = "
                  + score
                  + ", computed_tier = "
                  + tier
                  + ", tier = "
                  + tier
                  + ", model_version = model_version + 1, computed_at = now(), row_version = row_version + 1"
                  + " where has_snapshot and not deleted")) {
        ps.executeUpdate();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      s.execute("drop table bench_account");
      return seconds;
    }
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (java.io.IOException e) {
      return "?";
    }
  }
}

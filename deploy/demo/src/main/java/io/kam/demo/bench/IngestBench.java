package io.kam.demo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kam.demo.load.Gateway;
import io.kam.demo.load.IntegrationKey;
import io.kam.demo.load.Payloads;
import io.kam.platform.PlatformKeys;
import io.kam.platform.Tokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The bulk ingest benchmark (deploy/bench/ingest-bench.sh starts the system and runs this): an
 * integration partner's load through the gateway, next to PostgreSQL's own COPY-and-merge of the
 * same rows. Prints rows/s per path and the ratios.
 *
 * <p>Arguments: gatewayUrl keysDir postgresPort managementUrl,managementUrl,... [accounts]
 * [revenueLines] [surveyResponses].
 */
public final class IngestBench {

  static final int ACCOUNT_BATCH = 1000;
  static final int KPI_BATCH = 5000;
  private static final Duration SETTLE_LIMIT = Duration.ofMinutes(30);

  private final Gateway gateway;
  private final Gateway.Credentials partner;
  private final BenchData data;
  private final BenchDatabase db;
  private final Settling settling;
  private final String run;
  private final List<String> report = new ArrayList<>();

  private IngestBench(
      Gateway gateway,
      Gateway.Credentials partner,
      BenchData data,
      BenchDatabase db,
      Settling settling,
      String run) {
    this.gateway = gateway;
    this.partner = partner;
    this.data = data;
    this.db = db;
    this.settling = settling;
    this.run = run;
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      System.err.println(
          "usage: IngestBench gatewayUrl keysDir postgresPort mgmtUrl,... [accounts] [revenue] [surveys]");
      System.exit(2);
    }
    int accounts = args.length > 4 ? Integer.parseInt(args[4]) : 20_000;
    int revenue = args.length > 5 ? Integer.parseInt(args[5]) : 200_000;
    int surveys = args.length > 6 ? Integer.parseInt(args[6]) : 50_000;
    Path keys = Path.of(args[1]);
    PlatformKeys platformKeys = PlatformKeys.inDirectory(keys);
    Gateway.Credentials admin =
        Gateway.Credentials.bearer(
            Tokens.client(platformKeys, "bench", Duration.ofHours(4), "admin"));
    Gateway gateway = Gateway.connect(args[0]);
    Files.deleteIfExists(keys.resolve(IntegrationKey.FILE)); // a key of this run, not a demo load's
    IntegrationKey key = IntegrationKey.obtain(gateway, admin, keys, Instant.now());
    String run = Long.toString(System.currentTimeMillis(), 36);
    BenchData data = new BenchData(run, accounts, LocalDate.now(ZoneOffset.UTC));
    IngestBench bench =
        new IngestBench(
            gateway,
            Gateway.Credentials.apiKey(key.key()),
            data,
            new BenchDatabase("localhost", Integer.parseInt(args[2])),
            new Settling(Arrays.asList(args[3].split(","))),
            run);
    bench.run(accounts, revenue, surveys);
  }

  private void run(int accounts, int revenue, int surveys) throws Exception {
    System.out.printf(
        "ingest benchmark: %d accounts (batches of %d), %d revenue lines and %d survey responses"
            + " (batches of %d); load average %s%n",
        accounts, ACCOUNT_BATCH, revenue, surveys, KPI_BATCH, loadAverage());
    double create =
        send(
            "accounts create",
            "/api/v1/sync/accounts",
            accounts,
            ACCOUNT_BATCH,
            i -> data.account(i, 0));
    long lastReply = System.nanoTime();
    while (db.scored(run) < accounts) {
      Thread.sleep(500);
    }
    double scoredAfter = (System.nanoTime() - lastReply) / 1e9;
    settling.await(SETTLE_LIMIT);
    double update =
        send(
            "accounts update",
            "/api/v1/sync/accounts",
            accounts,
            ACCOUNT_BATCH,
            i -> data.account(i, 1));
    settling.await(SETTLE_LIMIT);
    double unchanged =
        send(
            "accounts unchanged",
            "/api/v1/sync/accounts",
            accounts,
            ACCOUNT_BATCH,
            i -> data.account(i, 1));
    settling.await(SETTLE_LIMIT);
    double[] lines =
        sendAndSettle(
            "revenue lines",
            "/api/v1/revenue-lines",
            revenue,
            i -> data.revenuePayload(data.revenueLine(i)));
    double[] responses =
        sendAndSettle(
            "survey responses",
            "/api/v1/survey-responses",
            surveys,
            i -> data.surveyPayload(data.survey(i)));

    db.prepare(BenchDatabase.ACCOUNTS);
    String base = "copy-" + run;
    double copyCreate =
        db.copyAndMerge(
            BenchDatabase.ACCOUNTS,
            accounts,
            ACCOUNT_BATCH,
            i ->
                BenchDatabase.csv(
                    BenchData.SOURCE,
                    base + i,
                    data.name(i, 0),
                    data.country(i),
                    "Manufacturing",
                    "bench-kam"));
    double copyUpdate =
        db.copyAndMerge(
            BenchDatabase.ACCOUNTS,
            accounts,
            ACCOUNT_BATCH,
            i ->
                BenchDatabase.csv(
                    BenchData.SOURCE,
                    base + i,
                    data.name(i, 1),
                    data.country(i),
                    "Manufacturing",
                    "bench-kam"));
    db.prepare(BenchDatabase.REVENUE);
    double copyRevenue =
        db.copyAndMerge(
            BenchDatabase.REVENUE,
            revenue,
            KPI_BATCH,
            i -> {
              BenchData.RevenueRow r = data.revenueLine(i);
              return BenchDatabase.csv(
                  BenchData.SOURCE,
                  r.externalId(),
                  BenchData.SOURCE,
                  r.accountExternalId(),
                  r.date(),
                  r.productLine(),
                  r.amount());
            });
    db.prepare(BenchDatabase.SURVEYS);
    double copySurveys =
        db.copyAndMerge(
            BenchDatabase.SURVEYS,
            surveys,
            KPI_BATCH,
            i -> {
              BenchData.SurveyRow r = data.survey(i);
              return BenchDatabase.csv(
                  BenchData.SOURCE,
                  r.externalId(),
                  BenchData.SOURCE,
                  r.accountExternalId(),
                  r.kind(),
                  r.score(),
                  r.respondedAt());
            });
    db.dropBaselines();

    System.out.println();
    System.out.printf(
        "%-20s %8s %10s %12s %14s %7s%n",
        "path", "rows", "seconds", "rows/s", "COPY+merge/s", "ratio");
    line("accounts create", accounts, create, copyCreate);
    line("accounts update", accounts, update, copyUpdate);
    line("accounts unchanged", accounts, unchanged, copyUpdate);
    line("revenue lines", revenue, lines[1], copyRevenue);
    line("survey responses", surveys, responses[1], copySurveys);
    System.out.printf(
        "API answered: revenue lines %.0f rows/s, survey responses %.0f rows/s (before settling)%n",
        revenue / lines[0], surveys / responses[0]);
    System.out.printf(
        "every account scored %.1f s after the sync's last reply (the sync took %.1f s: ratio %.2f)%n",
        scoredAfter, create, scoredAfter / create);
    System.out.printf("load average at the end %s%n", loadAverage());
    report.forEach(System.out::println);
  }

  private void line(String path, int rows, double seconds, double copySeconds) {
    double rate = rows / seconds;
    double copyRate = rows / copySeconds;
    System.out.printf(
        "%-20s %8d %10.1f %12.0f %14.0f %7.2f%n",
        path, rows, seconds, rate, copyRate, rate / copyRate);
  }

  /**
   * Sends the rows, then waits until every outbox is empty; {API seconds, seconds until settled}.
   */
  private double[] sendAndSettle(String what, String path, int rows, IntFunction<ObjectNode> item)
      throws Exception {
    long start = System.nanoTime();
    double api = send(what, path, rows, KPI_BATCH, item);
    long settled = settling.await(SETTLE_LIMIT);
    return new double[] {api, (settled - start) / 1e9};
  }

  /** PUTs the rows in batches, one Idempotency-Key per batch; the seconds until the last reply. */
  private double send(String what, String path, int rows, int batch, IntFunction<ObjectNode> item)
      throws Exception {
    long start = System.nanoTime();
    int rejected = 0;
    for (int from = 0, b = 0; from < rows; from += batch, b++) {
      List<ObjectNode> items = new ArrayList<>();
      for (int i = from; i < Math.min(rows, from + batch); i++) {
        items.add(item.apply(i));
      }
      ObjectNode body = Payloads.bulk(items);
      Gateway.Reply reply =
          gateway.call(
              "PUT",
              path,
              partner,
              body,
              Gateway.idempotencyKey(what.replace(' ', '-') + "-" + run + "-" + b, body),
              Gateway.DEFAULT_ATTEMPTS);
      if (!reply.ok()) {
        throw new IllegalStateException(what + " batch " + b + ": " + reply.problem());
      }
      for (JsonNode r : reply.json().path("results")) {
        if (r.path("status").asText().equals("REJECTED")) {
          rejected++;
        }
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (rejected > 0) {
      report.add("warning: " + rejected + " items of " + what + " were rejected");
    }
    System.out.printf("  %-20s %d rows in %.1f s%n", what, rows, seconds);
    return seconds;
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (java.io.IOException e) {
      return "?";
    }
  }
}

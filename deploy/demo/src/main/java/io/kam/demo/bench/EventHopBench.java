package io.kam.demo.bench;

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
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The event hop benchmark (deploy/bench/event-hop-bench.sh starts the system and runs this): a
 * steady rate of account updates through the gateway as an integration partner, each one event on
 * kam.account.events applied by scoring, kpi and planning; the hop (outbox commit to applied) is
 * read from the consumers' own {@code kam_event_hop_seconds} histograms, as Prometheus would, and a
 * side consumer splits it exactly into the relay's pick-up and Kafka's delivery ({@link
 * HopStages}). Beside the updates, on the same broker, at the same rate, with messages of the same
 * size, a plain Kafka producer (configured and flushed as the relay's) and consumer measure the raw
 * produce-to-consume round trip under the same load; then once more alone. Prints p50/p99 of each
 * and the ratio of the p99s (goal: the hop at most 3 times raw Kafka beside it).
 *
 * <p>Arguments: gatewayUrl keysDir bootstrapServers consumerManagementUrl,... [events per second
 * (20)] [seconds (60)].
 */
public final class EventHopBench {

  static final String TOPIC = "kam.account.events";
  static final int ACCOUNTS = 200;
  static final int WARM_UP_SECONDS = 15;
  private static final Duration SETTLE_LIMIT = Duration.ofMinutes(10);

  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      System.err.println(
          "usage: EventHopBench gatewayUrl keysDir bootstrapServers mgmtUrl,... [rate] [seconds]");
      System.exit(2);
    }
    int rate = args.length > 4 ? Integer.parseInt(args[4]) : 20;
    int seconds = args.length > 5 ? Integer.parseInt(args[5]) : 60;
    Path keys = Path.of(args[1]);
    List<String> consumers = Arrays.asList(args[3].split(","));
    PlatformKeys platformKeys = PlatformKeys.inDirectory(keys);
    Gateway gateway = Gateway.connect(args[0]);
    Gateway.Credentials admin =
        Gateway.Credentials.bearer(
            Tokens.client(platformKeys, "bench", Duration.ofHours(2), "admin"));
    Files.deleteIfExists(keys.resolve(IntegrationKey.FILE));
    IntegrationKey key = IntegrationKey.obtain(gateway, admin, keys, Instant.now());
    Gateway.Credentials partner = Gateway.Credentials.apiKey(key.key());
    String run = Long.toString(System.currentTimeMillis(), 36);
    BenchData data = new BenchData(run, ACCOUNTS, LocalDate.now(ZoneOffset.UTC));
    Settling settling = new Settling(consumers);

    System.out.printf(
        "event hop benchmark: %d account updates/s for %d s over %d accounts; load average %s%n",
        rate, seconds, ACCOUNTS, loadAverage());
    List<com.fasterxml.jackson.databind.node.ObjectNode> all = new ArrayList<>();
    for (int i = 0; i < ACCOUNTS; i++) {
      all.add(data.account(i, 0));
    }
    var body = Payloads.bulk(all);
    Gateway.Reply created =
        gateway.call(
            "PUT",
            "/api/v1/sync/accounts",
            partner,
            body,
            Gateway.idempotencyKey("hop-create-" + run, body),
            Gateway.DEFAULT_ATTEMPTS);
    if (!created.ok()) {
      throw new IllegalStateException("account sync: " + created.problem());
    }
    settling.await(SETTLE_LIMIT);

    // Warm-up at the same rate, not measured: the services' and this JVM's code paths compiled,
    // pools and fetch sessions open, so the tail measures the steady state, not the JIT.
    int warmUp = Math.min(WARM_UP_SECONDS, seconds);
    CompletableFuture<double[]> rawWarmUp =
        CompletableFuture.supplyAsync(
            () ->
                new RawKafkaRoundTrip(args[2], run + "-warm")
                    .runUnchecked(rate, warmUp, RawKafkaRoundTrip.lastRecordSize(args[2], TOPIC)));
    updates(gateway, partner, data, "warm-" + run, 0, rate, warmUp);
    rawWarmUp.join();
    settling.await(SETTLE_LIMIT);

    HopHistograms hops = new HopHistograms(consumers, TOPIC);
    Map<String, double[]> before = hops.scrape();
    int messageBytes = RawKafkaRoundTrip.lastRecordSize(args[2], TOPIC);
    int failed;
    double[] pickup;
    double[] delivery;
    double[] raw;
    // The raw round trip runs beside the updates, on the same broker and machine under the same
    // load, so the ratio measures what the hop adds to Kafka, not what the load adds to both.
    try (HopStages stages = new HopStages(args[2], TOPIC, run).ready()) {
      CompletableFuture<double[]> rawBeside =
          CompletableFuture.supplyAsync(
              () -> new RawKafkaRoundTrip(args[2], run).runUnchecked(rate, seconds, messageBytes));
      failed = updates(gateway, partner, data, run, rate * warmUp, rate, seconds);
      raw = rawBeside.join();
      settling.await(SETTLE_LIMIT);
      pickup = stages.stage(0);
      delivery = stages.stage(1);
    }
    Map<String, double[]> after = hops.scrape();
    double[] rawQuiet =
        new RawKafkaRoundTrip(args[2], run + "-quiet").run(rate, seconds, messageBytes);

    System.out.printf(
        "event hop (outbox commit to applied), %s, from each consumer's histogram:%n", TOPIC);
    double[] total = new double[HopHistograms.BOUNDS.length + 1];
    for (String consumer : new TreeMap<>(after).keySet()) {
      double[] d = HopHistograms.delta(after.get(consumer), before.get(consumer));
      for (int i = 0; i < d.length; i++) {
        total[i] += d[i];
      }
      System.out.printf(
          "  %-10s %6.0f events  p50 %7.1f ms  p99 %7.1f ms%n",
          consumer,
          d[d.length - 1],
          1000 * HopHistograms.quantile(0.5, d),
          1000 * HopHistograms.quantile(0.99, d));
    }
    System.out.printf(
        "  of which, exactly (a side consumer, %d events): relay pick-up (outbox insert to send)"
            + " p50 %.1f ms p99 %.1f ms; Kafka (send to a plain consumer's poll) p50 %.1f ms"
            + " p99 %.1f ms; the rest is the consumer's poll and transaction%n",
        pickup.length,
        1000 * exact(pickup, 0.5),
        1000 * exact(pickup, 0.99),
        1000 * exact(delivery, 0.5),
        1000 * exact(delivery, 0.99));
    double hop50 = HopHistograms.quantile(0.5, total);
    double hop99 = HopHistograms.quantile(0.99, total);
    double[] rawBuckets = HopHistograms.bucketed(raw);
    double raw50 = HopHistograms.quantile(0.5, rawBuckets);
    double raw99 = HopHistograms.quantile(0.99, rawBuckets);
    System.out.printf(
        "  all        %6.0f events  p50 %7.1f ms  p99 %7.1f ms%n",
        total[total.length - 1], 1000 * hop50, 1000 * hop99);
    System.out.printf(
        "raw Kafka produce-to-consume, %d messages of %d bytes, same broker and rate, beside the"
            + " updates:%n"
            + "  exact       p50 %7.1f ms  p99 %7.1f ms%n"
            + "  same buckets p50 %6.1f ms  p99 %7.1f ms%n",
        raw.length,
        messageBytes,
        1000 * exact(raw, 0.5),
        1000 * exact(raw, 0.99),
        1000 * raw50,
        1000 * raw99);
    double quiet99 = HopHistograms.quantile(0.99, HopHistograms.bucketed(rawQuiet));
    System.out.printf(
        "  alone afterwards (quiet machine): exact p50 %.1f ms p99 %.1f ms, same buckets p99"
            + " %.1f ms%n",
        1000 * exact(rawQuiet, 0.5), 1000 * exact(rawQuiet, 0.99), 1000 * quiet99);
    System.out.printf(
        "ratio hop p99 / raw Kafka p99 beside it (both from the same buckets): %.1f (goal <= 3);"
            + " against raw Kafka alone on a quiet machine: %.1f%n",
        hop99 / raw99, hop99 / quiet99);
    if (failed > 0) {
      System.out.printf("warning: %d updates were not accepted%n", failed);
    }
    System.out.printf("load average at the end %s%n", loadAverage());
  }

  /**
   * Account updates at a fixed rate, each a one-item sync (one event) with a name no earlier call
   * gave (versions from {@code firstVersion + 1}); the failures.
   */
  private static int updates(
      Gateway gateway,
      Gateway.Credentials partner,
      BenchData data,
      String run,
      int firstVersion,
      int rate,
      int s)
      throws InterruptedException {
    ExecutorService senders = Executors.newFixedThreadPool(Math.max(4, rate / 10));
    AtomicInteger failed = new AtomicInteger();
    long interval = TimeUnit.SECONDS.toNanos(1) / rate;
    long start = System.nanoTime();
    for (int n = 0; n < rate * s; n++) {
      long due = start + n * interval;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      int i = n;
      senders.execute(
          () -> {
            try {
              var body = Payloads.bulk(List.of(data.account(i % ACCOUNTS, firstVersion + i + 1)));
              Gateway.Reply r =
                  gateway.call(
                      "PUT",
                      "/api/v1/sync/accounts",
                      partner,
                      body,
                      Gateway.idempotencyKey("hop-" + run + "-" + i, body),
                      1);
              if (!r.ok()) {
                failed.incrementAndGet();
              }
            } catch (Exception e) {
              failed.incrementAndGet();
            }
          });
    }
    senders.shutdown();
    senders.awaitTermination(5, TimeUnit.MINUTES);
    return failed.get();
  }

  static double exact(double[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (Exception e) {
      return "?";
    }
  }
}

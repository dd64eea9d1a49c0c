package io.kam.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.kam.demo.load.Batches;
import io.kam.demo.load.BulkLoader;
import io.kam.demo.load.ContactLoader;
import io.kam.demo.load.Gateway;
import io.kam.demo.load.IntegrationKey;
import io.kam.demo.load.LoadException;
import io.kam.demo.load.Payloads;
import io.kam.demo.load.Tally;
import io.kam.demo.portfolio.Portfolio;
import io.kam.demo.portfolio.PortfolioGenerator;
import io.kam.platform.PlatformKeys;
import io.kam.platform.Tokens;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the demo portfolio through the gateway's public API only. An admin token (signed with the
 * local client key) is used for nothing but the integration API key; accounts, revenue lines,
 * survey responses and contacts (PUT /api/v1/sync/contacts) go in with that key alone. Exit codes:
 * 0 loaded (rejected items are listed), 1 a batch failed entirely or the load could not start, 2
 * bad arguments or no keys, 3 the gateway is unreachable.
 */
public final class DemoLoader {

  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;
  static final int UNREACHABLE = 3;
  static final String SUBJECT = "demo-loader";

  private DemoLoader() {}

  public static void main(String[] args) {
    // jose4j logs through SLF4J; without a provider SLF4J would warn on every run.
    System.setProperty("slf4j.internal.verbosity", "ERROR");
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    Options o;
    try {
      o = Options.parse(args);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println(Options.USAGE);
      return USAGE;
    }
    if (o.dryRun()) {
      Instant now = o.now().orElseGet(Instant::now);
      out.println(
          describe(generate(o, now), now, o.now().isPresent() ? "--now" : "this machine's clock"));
      return OK;
    }
    List<String> missing =
        List.of(
                "client-private.pem",
                "client-public.pem",
                "internal-private.pem",
                "internal-public.pem")
            .stream()
            .filter(f -> !Files.isRegularFile(o.keysDir().resolve(f)))
            .toList();
    if (!missing.isEmpty()) {
      err.println(
          "no local keys in "
              + o.keysDir()
              + " (missing "
              + String.join(", ", missing)
              + "); deploy/local/run.sh creates them on first start");
      return USAGE;
    }
    try {
      return load(o, out);
    } catch (Gateway.UnreachableException e) {
      err.println("the gateway is unreachable: " + e.getMessage());
      return UNREACHABLE;
    } catch (LoadException | IOException e) {
      err.println("demo load failed: " + e.getMessage());
      return FAILED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("interrupted");
      return FAILED;
    }
  }

  private static int load(Options o, PrintStream out)
      throws Gateway.UnreachableException, InterruptedException, LoadException, IOException {
    PlatformKeys keys = PlatformKeys.inDirectory(o.keysDir());
    Gateway.Credentials admin =
        Gateway.Credentials.bearer(Tokens.client(keys, SUBJECT, Duration.ofHours(4), "admin"));
    Gateway gateway = Gateway.connect(o.gatewayUrl());
    Gateway.Reply me = gateway.call("GET", "/api/v1/me", admin, null, null, 3);
    if (!me.ok()) {
      throw new LoadException(
          "the gateway refuses a token signed with "
              + o.keysDir().resolve("client-private.pem")
              + ": "
              + me.problem());
    }
    Instant started = Instant.now();
    IntegrationKey key = IntegrationKey.obtain(gateway, admin, o.keysDir(), started);
    out.println(
        (key.reused() ? "reusing" : "created")
            + " integration API key "
            + key.name()
            + " (id "
            + key.id()
            + ", secret kept in "
            + o.keysDir().resolve(IntegrationKey.FILE)
            + ")");
    Instant now;
    String nowSource;
    Instant kpiNow = o.now().isPresent() ? null : kpiClock(gateway, admin);
    if (o.now().isPresent()) {
      now = o.now().get();
      nowSource = "--now";
    } else if (kpiNow != null) {
      now = kpiNow;
      nowSource = "kpi-service clock via the gateway";
    } else if (key.createdAt() != null) {
      now = key.createdAt();
      nowSource = "gateway clock (the API key's createdAt)";
    } else {
      now = started;
      nowSource = "this machine's clock";
    }
    Portfolio p = generate(o, now);
    out.println(describe(p, now, nowSource));

    String run = Long.toString(started.toEpochMilli(), 36);
    BulkLoader bulk = new BulkLoader(gateway, Gateway.Credentials.apiKey(key.key()), run);
    Tally accounts = new Tally("accounts");
    Instant t0 = Instant.now();
    List<BulkLoader.Outcome> synced =
        bulk.load(
            "/api/v1/sync/accounts",
            "accounts",
            p.accounts(),
            Payloads::account,
            Batches.ACCOUNTS,
            accounts);
    out.println(done(accounts, t0));
    Tally revenue = new Tally("revenue lines");
    t0 = Instant.now();
    bulk.load(
        "/api/v1/revenue-lines",
        "revenue",
        p.revenueLines(),
        Payloads::revenueLine,
        Batches.KPI_ITEMS,
        revenue);
    out.println(done(revenue, t0));
    Tally surveys = new Tally("survey responses");
    t0 = Instant.now();
    bulk.load(
        "/api/v1/survey-responses",
        "surveys",
        p.surveyResponses(),
        Payloads::surveyResponse,
        Batches.KPI_ITEMS,
        surveys);
    out.println(done(surveys, t0));
    List<Tally> tallies = new ArrayList<>(List.of(accounts, revenue, surveys));
    if (!o.skipContacts()) {
      Tally contacts = new Tally("contacts");
      t0 = Instant.now();
      Map<String, BulkLoader.Outcome> byExternalId = new LinkedHashMap<>();
      synced.forEach(s -> byExternalId.put(s.externalId(), s));
      new ContactLoader(bulk).load(p.accounts(), byExternalId, contacts);
      out.println(done(contacts, t0));
      tallies.add(contacts);
    }
    tallies.forEach(t -> t.details().forEach(d -> out.println("  " + d)));
    boolean failed = tallies.stream().anyMatch(t -> !t.failures().isEmpty());
    out.printf(
        "demo portfolio %s in %ds%n",
        failed ? "loaded with FAILED batches" : "loaded",
        Duration.between(started, Instant.now()).toSeconds());
    return failed ? FAILED : OK;
  }

  private static String done(Tally tally, Instant since) {
    tally.took(Duration.between(since, Instant.now()));
    return tally.line();
  }

  static Portfolio generate(Options o, Instant now) {
    return new PortfolioGenerator(o.seed(), o.accounts(), PortfolioGenerator.lastCompleteMonth(now))
        .generate();
  }

  /**
   * The kpi-service's "now" (it decides which month is complete), or null when it cannot be read.
   */
  private static Instant kpiClock(Gateway gateway, Gateway.Credentials admin)
      throws Gateway.UnreachableException, InterruptedException {
    Gateway.Reply reply = gateway.call("GET", "/api/v1/admin/kpi/clock", admin, null, null, 3);
    JsonNode body = reply.json();
    if (reply.ok() && body.hasNonNull("now")) {
      try {
        return Instant.parse(body.get("now").asText());
      } catch (java.time.format.DateTimeParseException e) {
        return null;
      }
    }
    return null;
  }

  static String describe(Portfolio p, Instant now, String nowSource) {
    java.util.Set<String> parents = new java.util.HashSet<>();
    p.accounts().forEach(a -> parents.add(a.parentExternalId()));
    long groups =
        p.accounts().stream()
            .filter(a -> a.parentExternalId() == null && parents.contains(a.externalId()))
            .count();
    long children = p.accounts().stream().filter(a -> a.parentExternalId() != null).count();
    Map<String, Long> patterns = new LinkedHashMap<>();
    p.accounts().forEach(a -> patterns.merge(a.pattern().name().toLowerCase(), 1L, Long::sum));
    long credits = p.revenueLines().stream().filter(l -> l.amount().signum() < 0).count();
    return String.format(
        "demo portfolio (seed %d, now %s from %s): %d accounts (%d groups, %d subsidiaries; %s), "
            + "%d contacts, %d revenue lines %s..%s (%d credit notes), %d survey responses",
        p.seed(),
        now,
        nowSource,
        p.accounts().size(),
        groups,
        children,
        patterns,
        p.contactCount(),
        p.revenueLines().size(),
        p.firstMonth(),
        p.lastMonth(),
        credits,
        p.surveyResponses().size());
  }
}

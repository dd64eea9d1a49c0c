package io.kam.system;

import io.kam.platform.EmbeddedPlatform;
import io.kam.platform.PlatformKeys;
import io.kam.platform.PlatformSettings;
import io.kam.platform.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The whole system for the system tests: the platform in this JVM and the five packaged services as
 * separate processes on free ports. {@link #get()} is the one shared by most tests, started once
 * per test JVM; {@link #fresh(String)} starts a private one (empty databases and topics) for a test
 * that compares whole end states.
 */
public final class SystemUnderTest {

  static final List<String> SERVICES = List.of("account", "scoring", "kpi", "planning", "gateway");
  private static SystemUnderTest shared;

  final EmbeddedPlatform platform;
  final PlatformKeys keys;
  final Map<String, ServiceProcess> services = new LinkedHashMap<>();
  final String clockFixed;
  private final Thread stopHook = new Thread(this::close, "system-stop");

  private SystemUnderTest(String name) {
    keys = PlatformKeys.temporary();
    // Month turns in the journey move the services' clocks through the admin API.
    clockFixed = System.getProperty("kam.system.clock", "2026-10-15T08:00:00Z");
    platform = new EmbeddedPlatform(PlatformSettings.forTests()).start();
    Path root = Path.of(System.getProperty("kam.repo.root", "../.."));
    Path logs = Path.of("target", "system-logs", name);
    try {
      Files.createDirectories(logs);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Integer> ports = new HashMap<>();
    Map<String, Integer> managementPorts = new HashMap<>();
    SERVICES.forEach(s -> ports.put(s, freePort()));
    SERVICES.forEach(s -> managementPorts.put(s, freePort()));
    for (String s : SERVICES) {
      Map<String, String> env = new HashMap<>();
      env.put("KAM_HTTP_PORT", String.valueOf(ports.get(s)));
      env.put("KAM_MANAGEMENT_PORT", String.valueOf(managementPorts.get(s)));
      env.put("KAM_DB_URL", platform.jdbcUrl(s));
      env.put("KAFKA_BOOTSTRAP_SERVERS", platform.bootstrapServers());
      env.put("KAM_KEYS_INTERNAL_PUBLIC", keys.internalKeySet().toString());
      env.put("KAM_KEYS_INTERNAL_PRIVATE", keys.internalPrivateKey().toString());
      env.put("KAM_KEYS_CLIENT_PUBLIC", keys.clientPublicKey().toString());
      env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
      // The packaged jars run the prod profile, which refuses development defaults otherwise.
      env.put("KAM_ALLOW_DEV_DEFAULTS", "true");
      env.put("KAM_CLOCK_FIXED", clockFixed);
      env.put("KAM_CLOCK_ADJUSTABLE", "true");
      // A moved clock turns the month within seconds, not the production default of minutes.
      env.put("KAM_KPI_MONTH_TURN_EVERY", "2s");
      // A claim left by a killed process frees its Idempotency-Key within seconds
      // (IdempotencyCrashIT).
      env.put("KAM_IDEMPOTENCY_LEASE", "5s");
      // Every test speaks from 127.0.0.1, and some send anonymous calls on purpose (401 by the
      // dozen): the gateway's per-address limit of failed authentications must not stop them.
      env.put("KAM_RATE_LIMIT_AUTH_FAILURES", "100000");
      // Webhooks (WebhooksIT): a receiver on 127.0.0.1 over http, a short timeout to answer
      // beyond, backoff in seconds; a target that keeps failing (a fuzzed subscription to a host
      // that does not resolve) is disabled after a minute and a half instead of days.
      env.put("KAM_WEBHOOK_ALLOW_HTTP", "true");
      env.put("KAM_WEBHOOK_ALLOW_PRIVATE_TARGETS", "true");
      env.put("KAM_WEBHOOK_REQUEST_TIMEOUT", "2s");
      env.put("KAM_WEBHOOK_INITIAL_BACKOFF", "500ms");
      env.put("KAM_WEBHOOK_MAX_BACKOFF", "3s");
      env.put("KAM_WEBHOOK_DISABLE_AFTER", "90s");
      // Trace export switched on by configuration only (TraceExportIT): an OTLP endpoint in this
      // JVM, and only callers' sampled traces, so the other tests' traffic records nothing.
      env.put("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", OtlpReceiver.shared().endpoint());
      env.put("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf");
      env.put("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "500ms");
      env.put("KAM_TRACE_SAMPLE_RATIO", "0");
      for (String upstream : List.of("account", "scoring", "kpi", "planning")) {
        env.put(
            "KAM_" + upstream.toUpperCase() + "_URL", "http://localhost:" + ports.get(upstream));
        env.put(
            "KAM_" + upstream.toUpperCase() + "_MANAGEMENT_URL",
            "http://localhost:" + managementPorts.get(upstream));
      }
      String dir = s.equals("gateway") ? "gateway" : s + "-service";
      Path jar = root.resolve(dir).resolve("target/quarkus-app/quarkus-run.jar");
      services.put(
          s,
          new ServiceProcess(
              s, ports.get(s), managementPorts.get(s), jar, env, logs.resolve(s + ".log")));
    }
    // Registered before anything starts, so a failed start leaves no process behind.
    Runtime.getRuntime().addShutdownHook(stopHook);
    services.values().forEach(ServiceProcess::start);
    CompletableFuture.allOf(
            services.values().stream()
                .map(p -> CompletableFuture.runAsync(() -> p.awaitReady(Duration.ofSeconds(180))))
                .toArray(CompletableFuture[]::new))
        .join();
  }

  public static synchronized SystemUnderTest get() {
    if (shared == null) {
      shared = new SystemUnderTest("shared");
      System.setProperty("kam.test.kafka.bootstrap", shared.platform.bootstrapServers());
    }
    return shared;
  }

  /** A private system; the caller closes it. */
  public static SystemUnderTest fresh(String name) {
    return new SystemUnderTest(name);
  }

  /** Stops this private system's services and platform and frees their ports. */
  public void shutdown() {
    close();
    try {
      Runtime.getRuntime().removeShutdownHook(stopHook);
    } catch (IllegalStateException alreadyStopping) {
      // The JVM is exiting; the hook runs close() again, which does nothing the second time.
    }
  }

  public PlatformKeys keys() {
    return keys;
  }

  public EmbeddedPlatform platform() {
    return platform;
  }

  public String gatewayUrl() {
    return services.get("gateway").url();
  }

  public ServiceProcess service(String name) {
    return services.get(name);
  }

  public String token(String subject, String... roles) {
    return Tokens.client(keys, subject, Duration.ofHours(1), roles);
  }

  /**
   * A credential signed with the gateway's key, valid at every service (for the services' own
   * ports).
   */
  public String internalToken(String subject, String... roles) {
    return Tokens.internal(keys, subject, roles);
  }

  /** The gateway's credential for one service only, as the gateway mints it. */
  public String internalTokenFor(String service, String subject, String... roles) {
    return Tokens.internalFor(keys, service, subject, roles);
  }

  private synchronized void close() {
    // All told to stop at once, then awaited: one after the other, five graceful stops can outlast
    // the test JVM's exit timeout, which then leaves the rest running.
    services.values().forEach(ServiceProcess::signalStop);
    services.values().forEach(ServiceProcess::stop);
    platform.close();
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

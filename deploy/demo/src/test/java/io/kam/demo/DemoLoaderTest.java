package io.kam.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kam.demo.portfolio.DemoAccount;
import io.kam.demo.portfolio.Portfolio;
import io.kam.demo.portfolio.PortfolioGenerator;
import io.kam.platform.PlatformKeys;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loader end to end against {@link FakeGateway}: who calls what with which credential, and the
 * exit codes.
 */
class DemoLoaderTest {

  @TempDir Path keys;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return DemoLoader.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void loadsEverythingThroughThePublicApiWithTheRightCredentials() throws Exception {
    PlatformKeys.inDirectory(keys);
    try (FakeGateway gw = new FakeGateway()) {
      assertEquals(
          0, run(gw.url(), keys.toString(), "--accounts", "20", "--seed", "42"), err.toString());
      Portfolio p =
          new PortfolioGenerator(
                  42,
                  20,
                  PortfolioGenerator.lastCompleteMonth(Instant.parse("2026-10-15T12:00:00Z")))
              .generate();
      assertEquals(20, gw.accountIds.size());
      assertEquals(p.revenueLines().size(), gw.revenueItems.size());
      assertEquals(p.surveyResponses().size(), gw.surveyItems.size());
      assertTrue(
          out.toString().contains("now 2026-10-15T12:00:00Z from kpi-service clock"),
          out.toString());
      assertTrue(
          gw.revenueItems.stream().anyMatch(i -> i.get("date").asText().startsWith("2026-09")),
          "the history ends with the last complete month of the kpi-service's clock");
      assertEquals(p.contactCount(), gw.contacts.values().stream().mapToLong(List::size).sum());
      for (DemoAccount a : p.accounts()) {
        List<String> bossIds =
            a.contacts().stream().filter(c -> c.reportsToKey() != null).map(c -> "x").toList();
        long withBoss =
            gw.contacts.get(gw.accountIds.get(a.externalId())).stream()
                .filter(c -> c.hasNonNull("reportsToContactId"))
                .count();
        assertEquals(bossIds.size(), withBoss, a.externalId() + ": every org-chart link made it");
      }
      Set<String> adminPaths =
          gw.calls.stream()
              .filter(c -> "admin".equals(c.role()))
              .map(FakeGateway.Call::path)
              .collect(Collectors.toSet());
      assertEquals(
          Set.of("/api/v1/me", "/api/v1/admin/kpi/clock", "/api/v1/api-keys"),
          adminPaths,
          "the admin token only creates the key");
      assertTrue(
          gw.calls.stream()
              .filter(
                  c ->
                      c.path().startsWith("/api/v1/sync")
                          || c.path().contains("revenue")
                          || c.path().contains("survey"))
              .allMatch(c -> "integration".equals(c.role())));
      assertTrue(
          gw.calls.stream().anyMatch(c -> c.path().equals("/api/v1/sync/contacts")),
          "contacts go through the contact sync");
      assertTrue(
          gw.calls.stream()
              .allMatch(c -> "integration".equals(c.role()) || "admin".equals(c.role())),
          "the integration key alone loads the portfolio (and its contacts)");
      assertTrue(Files.isRegularFile(keys.resolve("demo-loader-api-key.json")));
      assertTrue(out.toString().contains("demo portfolio loaded"), out.toString());

      // A second run reuses the key and adds no contacts twice.
      out.reset();
      long contactsBefore = gw.contacts.values().stream().mapToLong(List::size).sum();
      assertEquals(
          0, run(gw.url(), keys.toString(), "--accounts", "20", "--seed", "42"), err.toString());
      assertEquals(1, gw.apiKeys.size());
      assertTrue(out.toString().startsWith("reusing integration API key"), out.toString());
      assertTrue(out.toString().contains("20 sent, 20 unchanged"), out.toString());
      assertEquals(contactsBefore, gw.contacts.values().stream().mapToLong(List::size).sum());
      assertTrue(
          out.toString().contains(contactsBefore + " sent, " + contactsBefore + " unchanged"),
          out.toString());
    }
  }

  @Test
  void nowCanBeGivenAndTheContactsSkipped() throws Exception {
    PlatformKeys.inDirectory(keys);
    try (FakeGateway gw = new FakeGateway()) {
      assertEquals(
          0,
          run(
              gw.url(),
              keys.toString(),
              "--accounts",
              "10",
              "--now",
              "2026-01-10",
              "--skip-contacts"));
      assertTrue(
          gw.revenueItems.stream()
              .map(i -> i.get("date").asText())
              .allMatch(d -> d.compareTo("2026-01") < 0));
      assertTrue(
          gw.revenueItems.stream().anyMatch(i -> i.get("date").asText().startsWith("2025-12")));
      assertTrue(gw.contacts.isEmpty());
      assertFalse(gw.calls.stream().anyMatch(c -> c.path().equals("/api/v1/admin/kpi/clock")));
    }
  }

  @Test
  void aBatchThatFailsEntirelyExitsNonZero() throws Exception {
    PlatformKeys.inDirectory(keys);
    try (FakeGateway gw = new FakeGateway()) {
      gw.failRevenueWith = 500;
      assertEquals(1, run(gw.url(), keys.toString(), "--accounts", "10", "--skip-contacts"));
      assertTrue(out.toString().contains("revenue lines batch failed: batch 1/1"), out.toString());
      assertEquals(10, gw.accountIds.size(), "the other kinds still went in");
      assertFalse(gw.surveyItems.isEmpty());
    }
  }

  @Test
  void anUnreachableGatewayExitsWithThree() throws Exception {
    PlatformKeys.inDirectory(keys);
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    assertEquals(3, run("http://127.0.0.1:" + port, keys.toString()));
    assertTrue(err.toString().contains("unreachable"), err.toString());
  }

  @Test
  void missingKeysAreReportedAndNotCreated() throws Exception {
    assertEquals(2, run("http://127.0.0.1:1", keys.toString()));
    assertTrue(err.toString().contains("no local keys"), err.toString());
    try (var files = Files.list(keys)) {
      assertEquals(0, files.count(), "the loader never generates keys the gateway would not trust");
    }
  }

  @Test
  void badArgumentsPrintTheUsage() {
    assertEquals(2, run("http://localhost:8080"));
    assertTrue(err.toString().contains("usage: DemoLoader"));
  }

  @Test
  void aDryRunSendsNothing() {
    assertEquals(0, run("http://127.0.0.1:1", keys.toString(), "--dry-run", "--now", "2026-10-01"));
    assertTrue(out.toString().contains("200 accounts (10 groups, 30 subsidiaries"), out.toString());
  }
}

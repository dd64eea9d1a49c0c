package io.kam.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OptionsTest {

  @Test
  void defaults() {
    Options o = Options.parse("http://localhost:8080", ".kam/data/keys");
    assertEquals(
        new Options(
            "http://localhost:8080",
            Path.of(".kam/data/keys"),
            200,
            42,
            Optional.empty(),
            false,
            false),
        o);
  }

  @Test
  void everyOption() {
    Options o =
        Options.parse(
            "--accounts",
            "10000",
            "http://gw:8080",
            "--seed",
            "-7",
            "/keys",
            "--now",
            "2026-10-01",
            "--skip-contacts",
            "--dry-run");
    assertEquals(10_000, o.accounts());
    assertEquals(-7, o.seed());
    assertEquals(Optional.of(Instant.parse("2026-10-01T00:00:00Z")), o.now());
    assertTrue(o.skipContacts() && o.dryRun());
    assertEquals(Instant.parse("2026-10-01T12:30:00Z"), Options.parseNow("2026-10-01T12:30:00Z"));
    assertFalse(Options.parse("http://gw", "k").dryRun());
  }

  @Test
  void badArgumentsSayWhat() {
    assertTrue(message("http://gw").contains("required"));
    assertTrue(message("gw:8080", "k").contains("http://"));
    assertTrue(
        message("http://gw", "k", "--accounts", "0").contains("--accounts must be 1..100000"));
    assertTrue(message("http://gw", "k", "--accounts", "many").contains("whole number"));
    assertTrue(message("http://gw", "k", "--seed").contains("needs a value"));
    assertTrue(message("http://gw", "k", "--now", "October").contains("--now must be"));
    assertTrue(message("http://gw", "k", "--fast").contains("unknown option --fast"));
    assertTrue(message("http://gw", "k", "extra").contains("unexpected argument extra"));
  }

  private static String message(String... args) {
    return assertThrows(IllegalArgumentException.class, () -> Options.parse(args)).getMessage();
  }
}

package io.kam.demo;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * {@code <gatewayUrl> <keysDir> [--accounts N] [--seed S] [--now 2026-10-01] [--skip-contacts]
 * [--dry-run]}.
 */
public record Options(
    String gatewayUrl,
    Path keysDir,
    int accounts,
    long seed,
    Optional<Instant> now,
    boolean skipContacts,
    boolean dryRun) {

  public static final String USAGE =
      """
      usage: DemoLoader <gatewayUrl> <keysDir> [--accounts N] [--seed S] [--now DATE|INSTANT] [--skip-contacts] [--dry-run]
        gatewayUrl       e.g. http://localhost:8080
        keysDir          the local key folder (client-private.pem signs the admin token)
        --accounts N     portfolio size, 1..100000 (default 200; 10000 for benchmarks)
        --seed S         generator seed (default 42); the same seed gives the same portfolio
        --now D          "now" for the 36 months of history (2026-10-01 or 2026-10-01T00:00:00Z);
                         default: the kpi-service's clock read through the gateway, else this machine's
        --skip-contacts  do not add stakeholders (one POST each; slow for big portfolios)
        --dry-run        generate and print the summary of the portfolio, send nothing""";

  public static final int DEFAULT_ACCOUNTS = 200;
  public static final long DEFAULT_SEED = 42;
  public static final int MAX_ACCOUNTS = 100_000;

  public static Options parse(String... args) {
    String gateway = null;
    Path keys = null;
    int accounts = DEFAULT_ACCOUNTS;
    long seed = DEFAULT_SEED;
    Optional<Instant> now = Optional.empty();
    boolean skipContacts = false;
    boolean dryRun = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--accounts" -> accounts = parseInt(value(args, ++i, a), a);
        case "--seed" -> seed = parseLong(value(args, ++i, a), a);
        case "--now" -> now = Optional.of(parseNow(value(args, ++i, a)));
        case "--skip-contacts" -> skipContacts = true;
        case "--dry-run" -> dryRun = true;
        default -> {
          if (a.startsWith("--")) {
            throw new IllegalArgumentException("unknown option " + a);
          } else if (gateway == null) {
            gateway = a;
          } else if (keys == null) {
            keys = Path.of(a);
          } else {
            throw new IllegalArgumentException("unexpected argument " + a);
          }
        }
      }
    }
    if (gateway == null || keys == null) {
      throw new IllegalArgumentException("the gateway URL and the keys folder are required");
    }
    if (!gateway.startsWith("http://") && !gateway.startsWith("https://")) {
      throw new IllegalArgumentException(
          "the gateway URL must start with http:// or https://, got " + gateway);
    }
    if (accounts < 1 || accounts > MAX_ACCOUNTS) {
      throw new IllegalArgumentException(
          "--accounts must be 1.." + MAX_ACCOUNTS + ", got " + accounts);
    }
    return new Options(gateway, keys, accounts, seed, now, skipContacts, dryRun);
  }

  static Instant parseNow(String value) {
    try {
      return value.contains("T")
          ? Instant.parse(value)
          : LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "--now must be a date (2026-10-01) or an instant (2026-10-01T00:00:00Z), got " + value);
    }
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static int parseInt(String v, String option) {
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a whole number, got " + v);
    }
  }

  private static long parseLong(String v, String option) {
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a whole number, got " + v);
    }
  }
}

package io.kam.platform;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Tokens for the gateway benchmark: a user token for calls through the gateway, and the gateway's
 * own credential for calls that go to account-service directly or through nginx.
 */
public final class BenchTokens {

  private BenchTokens() {}

  public static void main(String[] args) {
    PlatformKeys keys = PlatformKeys.inDirectory(Path.of(args[0]));
    System.out.println(
        "CLIENT_TOKEN=" + Tokens.client(keys, "bench", Duration.ofHours(2), "admin"));
    System.out.println(
        "INTERNAL_TOKEN="
            + Tokens.sign(
                keys.internal().getPrivate(),
                Tokens.INTERNAL_ISSUER,
                Tokens.INTERNAL_AUDIENCE,
                "bench",
                Duration.ofHours(2),
                java.util.List.of("admin"),
                java.util.Map.of()));
  }
}

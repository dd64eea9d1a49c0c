package io.kam.platform;

import java.nio.file.Path;
import java.time.Duration;

/** Tokens for tests, signed with the keys of this JVM's platform (see PlatformTestResource). */
public final class TestAuth {

  static final String KEYS_DIR_PROPERTY = "kam.test.keys.dir";
  private static PlatformKeys keys;

  private TestAuth() {}

  static synchronized PlatformKeys keys() {
    if (keys == null) {
      String dir = System.getProperty(KEYS_DIR_PROPERTY);
      if (dir == null) {
        throw new IllegalStateException("the platform test resource has not started");
      }
      keys = PlatformKeys.inDirectory(Path.of(dir));
    }
    return keys;
  }

  /** The credential the gateway would pass to a service for this caller. */
  public static String internal(String subject, String... roles) {
    return Tokens.internal(keys(), subject, roles);
  }

  /** A user's bearer token as the identity provider would issue it. */
  public static String client(String subject, String... roles) {
    return Tokens.client(keys(), subject, Duration.ofHours(1), roles);
  }

  public static String bearer(String token) {
    return "Bearer " + token;
  }
}

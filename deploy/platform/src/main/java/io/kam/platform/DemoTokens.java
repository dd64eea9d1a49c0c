package io.kam.platform;

import java.nio.file.Path;
import java.time.Duration;

/** Prints ready-to-use bearer tokens for the demo users of a local run (valid 12 hours). */
public final class DemoTokens {

  private DemoTokens() {}

  public static void main(String[] args) {
    PlatformKeys keys = PlatformKeys.inDirectory(Path.of(args[0]));
    Duration ttl = Duration.ofHours(12);
    print("ADMIN_TOKEN", Tokens.client(keys, "admin", ttl, "admin"));
    print("MANAGER_TOKEN", Tokens.client(keys, "manager-maria", ttl, "kam-manager"));
    print("KAM_ANNA_TOKEN", Tokens.client(keys, "kam-anna", ttl, "kam"));
    print("KAM_BEN_TOKEN", Tokens.client(keys, "kam-ben", ttl, "kam"));
    print("PARTNER_TOKEN", Tokens.client(keys, "partner-crm", ttl, "integration"));
    print("VIEWER_TOKEN", Tokens.client(keys, "viewer-vic", ttl, "viewer"));
  }

  private static void print(String name, String token) {
    System.out.println("export " + name + "=" + token);
  }
}

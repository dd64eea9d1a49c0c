package io.kam.chassis.security;

import io.kam.platform.PlatformKeys;
import java.nio.file.Path;
import java.security.PrivateKey;

final class TestAuthKeys {
  private TestAuthKeys() {}

  static PrivateKey internalPrivate() {
    return PlatformKeys.inDirectory(Path.of(System.getProperty("kam.test.keys.dir")))
        .internal()
        .getPrivate();
  }
}

package io.kam.chassis;

import org.eclipse.microprofile.config.ConfigProvider;

/** Health and metrics are served on the management port only; tests reach them here. */
public final class ManagementPort {

  private ManagementPort() {}

  /** {@code path} below the management root, e.g. {@code health/ready} or {@code metrics}. */
  public static String url(String path) {
    int port = ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    return "http://localhost:" + port + "/q/" + path;
  }
}

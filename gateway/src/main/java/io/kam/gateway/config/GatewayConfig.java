package io.kam.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** Where the services are and how long the gateway waits for each. */
@ConfigMapping(prefix = "kam.gateway")
public interface GatewayConfig {

  /** Base URL and timeout per service name (account, scoring, kpi, planning). */
  Map<String, Upstream> services();

  /** Connections kept alive per service. */
  @WithDefault("64")
  int poolSize();

  interface Upstream {
    String url();

    @WithDefault("10s")
    Duration timeout();
  }
}

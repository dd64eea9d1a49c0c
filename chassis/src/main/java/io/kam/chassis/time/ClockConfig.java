package io.kam.chassis.time;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Instant;
import java.util.Optional;

@ConfigMapping(prefix = "kam.clock")
public interface ClockConfig {

  /** A fixed "now" (e.g. 2026-10-01T00:00:00Z); unset means the system clock. */
  Optional<Instant> fixed();

  /** Whether admins may move the clock through the API (demos and system tests only). */
  @WithDefault("false")
  boolean adjustable();
}

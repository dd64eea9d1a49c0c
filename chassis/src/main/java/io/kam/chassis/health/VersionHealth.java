package io.kam.chassis.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Names the running build in readiness, so the gateway's system health shows each service's own
 * version.
 */
@Readiness
@ApplicationScoped
public class VersionHealth implements HealthCheck {

  public static final String NAME = "Version";
  private final String version;

  public VersionHealth(
      @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown")
          String version) {
    this.version = version;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named(NAME).up().withData("version", version).build();
  }
}

package io.kam.gateway.apikey;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The gateway's database (API keys, webhook subscriptions and deliveries) in the readiness details,
 * never failing readiness: without it bearer-token callers are still authenticated and proxied, and
 * only API-key callers (503 with Retry-After), the key and webhook administration and webhook
 * deliveries wait. Taking the pod out of the load balancer would cut the JWT traffic too. The
 * datasource's own readiness check is off in this process for that reason.
 */
@Readiness
@Singleton
public class ApiKeyStoreHealth implements HealthCheck {

  private final AgroalDataSource dataSource;

  public ApiKeyStoreHealth(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public HealthCheckResponse call() {
    boolean up = reachable();
    return HealthCheckResponse.named("API-key store (informational)")
        .up()
        .withData("apiKeyStore", up ? "UP" : "DOWN")
        .withData(
            "served",
            up
                ? "bearer tokens and API keys"
                : "bearer tokens only; API-key callers get 503 until the database is back")
        .build();
  }

  private boolean reachable() {
    try (Connection c = dataSource.getConnection()) {
      return c.isValid(2);
    } catch (Exception e) {
      return false;
    }
  }
}

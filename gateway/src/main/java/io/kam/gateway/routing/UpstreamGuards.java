package io.kam.gateway.routing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.vertx.core.http.HttpClientResponse;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.inject.Singleton;
import java.net.ConnectException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Resilience per upstream service (SmallRye Fault Tolerance): a circuit breaker that opens when
 * half of the last 20 calls failed to connect or timed out, and bounded retries of connection
 * failures for idempotent reads only (a write is never sent twice).
 */
@Singleton
public class UpstreamGuards {

  /** Thrown for a write that failed to connect: counted by the breaker, never retried. */
  public static final class WriteFailed extends RuntimeException {
    public WriteFailed(Throwable cause) {
      super(cause.getMessage(), cause, false, false);
    }
  }

  /** Breakers are named {@code upstream-<service>}. */
  public static final String BREAKER_PREFIX = "upstream-";

  private static final TypeLiteral<CompletionStage<HttpClientResponse>> RESPONSE =
      new TypeLiteral<>() {};
  private final Map<String, TypedGuard<CompletionStage<HttpClientResponse>>> guards =
      new ConcurrentHashMap<>();
  private final Map<String, CircuitBreakerState> states = new ConcurrentHashMap<>();
  private final MeterRegistry registry;

  /**
   * Fault Tolerance's own metrics are off in the gateway ({@code
   * quarkus.fault-tolerance.metrics.enabled=false}): they cost two timer updates per proxied
   * request. The breaker's state is what operations need; it is a gauge read only when scraped.
   */
  public UpstreamGuards(MeterRegistry registry) {
    this.registry = registry;
  }

  public CompletionStage<HttpClientResponse> call(
      String service, Supplier<CompletionStage<HttpClientResponse>> attempt) {
    return guards.computeIfAbsent(service, this::build).get(attempt);
  }

  private int isOpen(String service) {
    return states.getOrDefault(service, CircuitBreakerState.CLOSED) == CircuitBreakerState.OPEN
        ? 1
        : 0;
  }

  private TypedGuard<CompletionStage<HttpClientResponse>> build(String service) {
    Gauge.builder("kam.gateway.upstream.breaker.open", () -> isOpen(service))
        .description("1 while the circuit breaker in front of the service is open, else 0")
        .tag("service", service)
        .register(registry);
    return TypedGuard.create(RESPONSE)
        .withDescription("upstream " + service)
        // The call is already non-blocking: run it on the caller's event loop, not a worker thread.
        .withThreadOffload(false)
        .withCircuitBreaker()
        .name(
            BREAKER_PREFIX + service) // named: visible to CircuitBreakerMaintenance (state, reset)
        .requestVolumeThreshold(20)
        .failureRatio(0.5)
        .delay(5, ChronoUnit.SECONDS)
        .successThreshold(2)
        .failOn(
            java.util.List.of(ConnectException.class, TimeoutException.class, WriteFailed.class))
        .onStateChange(s -> states.put(service, s))
        .done()
        .withRetry()
        .maxRetries(2)
        .delay(50, ChronoUnit.MILLIS)
        .retryOn(ConnectException.class)
        .done()
        .build();
  }
}

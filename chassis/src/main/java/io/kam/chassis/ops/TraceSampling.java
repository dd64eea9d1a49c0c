package io.kam.chassis.ops;

import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;

/**
 * Which spans are recorded, decided at start from run-time settings only, so trace export is
 * switched on and off without a rebuild: the OTLP exporter is always built in, and a span reaches
 * it only when it is sampled.
 *
 * <ul>
 *   <li>No OTLP endpoint configured ({@code quarkus.otel.exporter.otlp.traces.endpoint} or {@code
 *       quarkus.otel.exporter.otlp.endpoint}): nothing is sampled, not even for a caller whose
 *       traceparent asks for it, so nothing is recorded or sent anywhere. Trace ids are still made
 *       and passed on (logs, outbox events, traceparent to the next hop).
 *   <li>An endpoint configured: a caller's sampled traceparent is followed, and of the other
 *       requests the share {@code kam.trace.sample-ratio} (0 to 1) is sampled.
 * </ul>
 *
 * Quarkus takes a {@link Sampler} bean in place of the configured one.
 */
@ApplicationScoped
public class TraceSampling {

  static final String ENDPOINT = "quarkus.otel.exporter.otlp.endpoint";
  static final String TRACES_ENDPOINT = "quarkus.otel.exporter.otlp.traces.endpoint";
  static final String RATIO = "kam.trace.sample-ratio";

  @Produces
  @Singleton
  Sampler sampler(Config config) {
    Optional<String> endpoint = endpoint(config);
    double ratio = ratio(config);
    if (endpoint.isEmpty()) {
      Log.debug("trace export off: no OTLP endpoint configured");
    } else {
      Log.infof("trace export on: %s, sampling %s of unsampled requests", endpoint.get(), ratio);
    }
    return choose(endpoint.isPresent(), ratio);
  }

  static Sampler choose(boolean exporting, double ratio) {
    if (!exporting) {
      return Sampler.alwaysOff();
    }
    return Sampler.parentBased(Sampler.traceIdRatioBased(ratio));
  }

  /**
   * The endpoint set by the operator: Quarkus gives both properties a default (localhost:4317), so
   * a value counts only when it comes from a real source (the environment, system properties, a
   * properties file), never from the defaults.
   */
  static Optional<String> endpoint(Config config) {
    return configured(config, TRACES_ENDPOINT).or(() -> configured(config, ENDPOINT));
  }

  private static Optional<String> configured(Config config, String name) {
    ConfigValue value = config.getConfigValue(name);
    if (value == null
        || value.getValue() == null
        || value.getValue().isBlank()
        || value.getSourceOrdinal() < LOWEST_REAL_SOURCE) {
      return Optional.empty();
    }
    return Optional.of(value.getValue().trim());
  }

  /** The ordinal of microprofile-config.properties; defaults sit far below it. */
  private static final int LOWEST_REAL_SOURCE = 100;

  static double ratio(Config config) {
    double ratio = config.getOptionalValue(RATIO, Double.class).orElse(1.0);
    if (!(ratio >= 0 && ratio <= 1)) {
      throw new IllegalArgumentException(
          RATIO + " (KAM_TRACE_SAMPLE_RATIO) must be between 0 and 1, was " + ratio);
    }
    return ratio;
  }
}

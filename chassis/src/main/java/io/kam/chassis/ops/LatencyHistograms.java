package io.kam.chassis.ops;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Arrays;

/**
 * HTTP server latency ({@code http.server.requests}) as a Prometheus histogram with a bounded set
 * of buckets, so dashboards and alerts compute real quantiles over any window and any number of
 * instances ({@code histogram_quantile} over {@code rate(..._bucket[5m])}); a maximum or a
 * client-side percentile cannot be aggregated. Eleven buckets per route, method and status: the
 * bounds an SLO is written against, from 5 ms to 5 s.
 */
@ApplicationScoped
public class LatencyHistograms {

  static final String HTTP_SERVER = "http.server.requests";

  static final Duration[] BUCKETS = {
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10)
  };

  @Produces
  @Singleton
  MeterFilter httpServerBuckets() {
    double[] nanos = Arrays.stream(BUCKETS).mapToDouble(Duration::toNanos).toArray();
    return new MeterFilter() {
      @Override
      public DistributionStatisticConfig configure(
          Meter.Id id, DistributionStatisticConfig config) {
        if (!HTTP_SERVER.equals(id.getName())) {
          return config;
        }
        return DistributionStatisticConfig.builder()
            .percentilesHistogram(false)
            .serviceLevelObjectives(nanos)
            .build()
            .merge(config);
      }
    };
  }
}

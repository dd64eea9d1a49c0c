package io.kam.demo.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The consumers' {@code kam_event_hop_seconds} histograms of one topic, scraped from their
 * management ports, and quantiles computed from bucket counts exactly as Prometheus' {@code
 * histogram_quantile} does (linear within the bucket).
 */
final class HopHistograms {

  /** The chassis's bucket bounds (EventHop), in seconds; +Inf is the last count. */
  static final double[] BOUNDS = {
    0.001, 0.0025, 0.005, 0.0075, 0.01, 0.015, 0.02, 0.025, 0.03, 0.04, 0.05, 0.075, 0.1, 0.15, 0.2,
    0.25, 0.5, 1, 2.5, 5, 10, 30, 60
  };

  private static final Pattern BUCKET =
      Pattern.compile("^kam_event_hop_seconds_bucket\\{([^}]*)}\\s+([0-9.eE+-]+)");
  private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

  private final List<String> managementUrls;
  private final String topic;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  HopHistograms(List<String> managementUrls, String topic) {
    this.managementUrls = managementUrls;
    this.topic = topic;
  }

  /** Cumulative counts per consumer: one per bound, then +Inf. */
  Map<String, double[]> scrape() throws IOException, InterruptedException {
    Map<String, double[]> out = new HashMap<>();
    for (String url : managementUrls) {
      String body =
          http.send(
                  HttpRequest.newBuilder(URI.create(url + "/q/metrics"))
                      .timeout(Duration.ofSeconds(10))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      for (String line : body.split("\n")) {
        Matcher m = BUCKET.matcher(line);
        if (!m.find()) {
          continue;
        }
        Map<String, String> labels = new HashMap<>();
        Matcher l = LABEL.matcher(m.group(1));
        while (l.find()) {
          labels.put(l.group(1), l.group(2));
        }
        if (!topic.equals(labels.get("topic"))) {
          continue;
        }
        double[] counts =
            out.computeIfAbsent(labels.get("consumer"), c -> new double[BOUNDS.length + 1]);
        int i = index(labels.get("le"));
        if (i >= 0) {
          counts[i] = Double.parseDouble(m.group(2));
        }
      }
    }
    return out;
  }

  private static int index(String le) {
    if (le == null) {
      return -1;
    }
    if (le.equals("+Inf")) {
      return BOUNDS.length;
    }
    double v = Double.parseDouble(le);
    for (int i = 0; i < BOUNDS.length; i++) {
      if (Math.abs(BOUNDS[i] - v) < 1e-9) {
        return i;
      }
    }
    return -1;
  }

  static double[] delta(double[] after, double[] before) {
    double[] d = after.clone();
    if (before != null) {
      for (int i = 0; i < d.length; i++) {
        d[i] -= before[i];
      }
    }
    return d;
  }

  /** Exact latencies (seconds) counted into the same cumulative buckets. */
  static double[] bucketed(double[] values) {
    double[] counts = new double[BOUNDS.length + 1];
    for (double v : values) {
      for (int i = 0; i < BOUNDS.length; i++) {
        if (v <= BOUNDS[i]) {
          counts[i]++;
        }
      }
      counts[BOUNDS.length]++;
    }
    return counts;
  }

  /** Prometheus' histogram_quantile over cumulative counts. */
  static double quantile(double q, double[] cumulative) {
    double total = cumulative[cumulative.length - 1];
    if (total <= 0) {
      return Double.NaN;
    }
    double rank = q * total;
    for (int i = 0; i < BOUNDS.length; i++) {
      if (cumulative[i] >= rank) {
        double lower = i == 0 ? 0 : BOUNDS[i - 1];
        double below = i == 0 ? 0 : cumulative[i - 1];
        double inBucket = cumulative[i] - below;
        return inBucket <= 0 ? BOUNDS[i] : lower + (BOUNDS[i] - lower) * (rank - below) / inBucket;
      }
    }
    return BOUNDS[BOUNDS.length - 1];
  }
}

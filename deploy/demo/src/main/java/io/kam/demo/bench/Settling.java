package io.kam.demo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.kam.demo.load.Payloads;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * When the system has finished reacting: every service's outbox empty and every consumer group
 * caught up, read from each service's {@code /q/health/group/consumers} on its management port,
 * twice in a row a second apart (an empty outbox between a consumer's poll and its commit would
 * otherwise read as settled).
 */
final class Settling {

  private final List<String> managementUrls;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  Settling(List<String> managementUrls) {
    this.managementUrls = managementUrls;
  }

  /** Waits until settled (or {@code limit} passed); the nanoTime at which it first read settled. */
  long await(Duration limit) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    long firstSettled = -1;
    while (System.nanoTime() < deadline) {
      long now = System.nanoTime();
      if (settledNow()) {
        if (firstSettled > 0) {
          return firstSettled;
        }
        firstSettled = now;
      } else {
        firstSettled = -1;
      }
      Thread.sleep(1000);
    }
    throw new IllegalStateException("the system did not settle within " + limit);
  }

  private boolean settledNow() throws IOException, InterruptedException {
    for (String url : managementUrls) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(url + "/q/health/group/consumers"))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      JsonNode health = Payloads.JSON.readTree(r.body());
      for (JsonNode check : health.path("checks")) {
        var fields = check.path("data").fields();
        while (fields.hasNext()) {
          var f = fields.next();
          boolean counts = f.getKey().startsWith("lag:") || f.getKey().equals("outboxBacklog");
          if (counts && f.getValue().asLong() != 0) {
            return false;
          }
        }
      }
    }
    return true;
  }
}

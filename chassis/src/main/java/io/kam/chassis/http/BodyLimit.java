package io.kam.chassis.http;

import io.kam.chassis.problem.Problems;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body announced larger than the limit is refused as a 413 problem before it is read (the
 * HTTP layer's own refusal has no body). Chunked bodies are still bounded by
 * quarkus.http.limits.max-body-size.
 */
@Singleton
public class BodyLimit {

  private final long maxBytes;

  public BodyLimit(@ConfigProperty(name = "kam.http.max-body-bytes", defaultValue = "20971520") long maxBytes) {
    this.maxBytes = maxBytes;
  }

  void install(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE + 15).handler(rc -> {
      String length = rc.request().getHeader("Content-Length");
      if (length != null && tooLarge(length)) {
        rc.response().setStatusCode(413).putHeader("Content-Type", Problems.MEDIA_TYPE_JSON)
            .putHeader("Connection", "close")
            .end(new JsonObject().put("type", Problems.typeOf(413)).put("title", Problems.titleOf(413))
                .put("status", 413).put("detail", "the body is larger than " + maxBytes + " bytes")
                .put("instance", rc.request().path()).encode());
        return;
      }
      rc.next();
    });
  }

  private boolean tooLarge(String length) {
    try {
      return Long.parseLong(length.trim()) > maxBytes;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}

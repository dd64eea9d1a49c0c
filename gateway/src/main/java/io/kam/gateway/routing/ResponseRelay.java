package io.kam.gateway.routing;

import io.kam.chassis.http.RequestIds;
import io.kam.gateway.config.PublicUrls;
import io.kam.gateway.edge.ProblemResponses;
import io.quarkus.logging.Log;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;

/**
 * The way back: an upstream's answer to the client, small bodies in one write with the head, larger
 * ones streamed, an empty 413 of a hop turned into a problem, Location rebased on the gateway.
 */
@Singleton
public class ResponseRelay {

  /**
   * Bodies up to this size with a Content-Length are read whole and sent in one write; larger ones
   * stream.
   */
  private static final long BUFFERED_BODY_BYTES = 64 * 1024;

  private final PublicUrls publicUrls;

  public ResponseRelay(PublicUrls publicUrls) {
    this.publicUrls = publicUrls;
  }

  void relay(RoutingContext rc, String service, HttpClientResponse upstream) {
    if (upstream.statusCode() == 413
        && !String.valueOf(upstream.getHeader("Content-Type")).contains("problem+json")) {
      // A hop with a smaller limit answered with an empty 413 (the HTTP server's own): the client
      // gets a problem.
      upstream
          .body()
          .onComplete(
              ignored ->
                  ProblemResponses.send(
                      rc, 413, "the body is larger than " + service + "-service accepts"));
      upstream.resume();
      return;
    }
    String length = upstream.getHeader("Content-Length");
    if (length != null && parse(length) <= BUFFERED_BODY_BYTES) {
      // A small body (nearly every API answer) goes out in one write with the head: no pipe, no
      // separate end-of-body write and flush, no write-queue bookkeeping per chunk.
      upstream
          .body()
          .onComplete(
              body -> {
                if (body.failed()) {
                  Failures.answer(rc, service, body.cause()); // nothing sent yet: a clean 502
                  return;
                }
                head(rc, upstream)
                    .putHeader("Content-Length", length) // a HEAD's too, like the service's
                    .end(body.result())
                    .onFailure(err -> Log.debugf("client went away: %s", err.getMessage()));
              });
      upstream.resume();
      return;
    }
    HttpServerResponse resp = head(rc, upstream);
    if (length != null) {
      resp.putHeader("Content-Length", length);
    } else {
      resp.setChunked(true);
    }
    resp.send(upstream).onFailure(err -> Log.debugf("client went away: %s", err.getMessage()));
  }

  /**
   * The upstream's status and end-to-end headers (its request id aside: the gateway's stands); a
   * Location names the gateway, never the service's internal address.
   */
  private HttpServerResponse head(RoutingContext rc, HttpClientResponse upstream) {
    HttpServerResponse resp = rc.response();
    resp.setStatusCode(upstream.statusCode());
    upstream
        .headers()
        .forEach(
            h -> {
              String key = h.getKey();
              if (key.equalsIgnoreCase("Location")) {
                resp.headers().add(key, publicUrls.rebase(rc, h.getValue()));
              } else if (!ProxyHeaders.HOP_BY_HOP.contains(key)
                  && !key.equalsIgnoreCase(RequestIds.HEADER)) {
                resp.headers().add(key, h.getValue());
              }
            });
    return resp;
  }

  static long parse(String length) {
    try {
      return Long.parseLong(length.trim());
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }
}

package io.kam.gateway.edge;

import io.kam.chassis.problem.Problems;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/** Problem+json answers written straight on the event loop (the proxy path has no JAX-RS). */
public final class ProblemResponses {

  private ProblemResponses() {}

  public static void send(RoutingContext rc, int status, String detail) {
    send(rc, status, detail, Map.of());
  }

  public static void send(
      RoutingContext rc, int status, String detail, Map<String, String> headers) {
    if (rc.response().headWritten()) {
      rc.response().reset();
      return;
    }
    JsonObject body =
        new JsonObject()
            .put("type", Problems.typeOf(status))
            .put("title", Problems.titleOf(status))
            .put("status", status)
            .put("detail", detail)
            .put("instance", rc.request().path());
    headers.forEach((k, v) -> rc.response().putHeader(k, v));
    rc.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/problem+json")
        .end(body.encode());
  }
}

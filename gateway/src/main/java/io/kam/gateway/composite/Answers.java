package io.kam.gateway.composite;

import io.kam.chassis.http.ConditionalReads;
import io.kam.chassis.http.EntityTags;
import io.kam.gateway.edge.ProblemResponses;
import io.kam.gateway.routing.Failures;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/** How a composite view answers when the part that decides its status did not succeed. */
final class Answers {

  private Answers() {}

  /** The deciding part failed: unreachable (503), too slow (504), or its own error relayed. */
  static void upstreamFailed(RoutingContext rc, Parts.Result result) {
    String service = result.service() + "-service";
    if (result.status() == 0) {
      if (Failures.isTimeout(result.failure())) {
        ProblemResponses.send(rc, 504, service + " did not answer in time");
      } else {
        ProblemResponses.send(
            rc, 503, service + " is unavailable; retry later", Map.of("Retry-After", "5"));
      }
    } else if (result.body() == null) {
      ProblemResponses.send(rc, result.status(), service + " answered " + result.status());
    } else {
      relayProblem(rc, result);
    }
  }

  /** A service's problem+json, as it gave it. */
  static void relayProblem(RoutingContext rc, Parts.Result result) {
    rc.response()
        .setStatusCode(result.status())
        .putHeader("Content-Type", "application/problem+json")
        .end(result.body().encode());
  }

  /**
   * A composed view, tagged like every read of the API (a weak tag over its body) and answered 304
   * when the client's If-None-Match holds it.
   */
  static void json(RoutingContext rc, JsonObject body) {
    String json = body.encode();
    String etag = EntityTags.weakOf(json);
    rc.response()
        .putHeader("ETag", etag)
        .putHeader("Cache-Control", ConditionalReads.CACHE_CONTROL);
    if (EntityTags.noneMatchHits(rc.request().getHeader("If-None-Match"), etag)) {
      rc.response().setStatusCode(304).end();
      return;
    }
    rc.response().putHeader("Content-Type", "application/json").end(json);
  }

  static void failed(RoutingContext rc, Throwable err, String what) {
    if (err instanceof io.kam.chassis.problem.ProblemException p) {
      ProblemResponses.send(rc, p.status(), p.getMessage(), p.headers());
    } else {
      ProblemResponses.send(rc, 500, what);
    }
  }
}

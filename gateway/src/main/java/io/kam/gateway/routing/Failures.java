package io.kam.gateway.routing;

import io.kam.chassis.problem.ProblemException;
import io.kam.gateway.edge.ProblemResponses;
import io.quarkus.logging.Log;
import io.vertx.ext.web.RoutingContext;
import java.net.ConnectException;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/** How an upstream failure reads to a client: 503 down or circuit open, 504 too slow, 502 else. */
public final class Failures {

  private Failures() {}

  public static void answer(RoutingContext rc, String service, Throwable err) {
    Throwable cause = unwrap(err);
    if (cause instanceof ProblemException p) {
      ProblemResponses.send(rc, p.status(), p.getMessage(), p.headers());
    } else if (cause instanceof ConnectException) {
      ProblemResponses.send(
          rc, 503, service + "-service is unavailable; retry later", Map.of("Retry-After", "5"));
    } else if (cause instanceof CircuitBreakerOpenException) {
      ProblemResponses.send(
          rc,
          503,
          service + "-service is failing; calls are paused briefly",
          Map.of("Retry-After", "5"));
    } else if (isTimeout(cause)) {
      ProblemResponses.send(rc, 504, service + "-service did not answer in time");
    } else if (cause instanceof LimitedBody.TooLarge) {
      ProblemResponses.send(rc, 413, "the body is too large");
    } else {
      Log.warnf("upstream %s failed: %s", service, cause.toString());
      ProblemResponses.send(rc, 502, service + "-service failed to answer");
    }
  }

  /** Whether the service was too slow (the client's idle timeout, or a guard's). */
  public static boolean isTimeout(Throwable err) {
    Throwable cause = unwrap(err);
    return cause instanceof TimeoutException
        || String.valueOf(cause.getMessage()).toLowerCase().contains("timeout");
  }

  public static Throwable unwrap(Throwable err) {
    Throwable t = err;
    while ((t instanceof java.util.concurrent.CompletionException
            || t instanceof UpstreamGuards.WriteFailed
            || t instanceof java.util.concurrent.ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}

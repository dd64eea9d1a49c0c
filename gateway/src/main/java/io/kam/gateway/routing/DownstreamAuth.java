package io.kam.gateway.routing;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/**
 * Decides who is calling and what credential the services get for it. Fails with a {@link
 * io.kam.chassis.problem.ProblemException} (401/403/429) when the call must not go on.
 */
public interface DownstreamAuth {

  /** The value of the Authorization header to send to {@code service} (valid for that service only). */
  Future<String> credentialFor(RoutingContext rc, String service);

  /** Authenticates and rate-limits a call the gateway answers itself; fails like {@link #credentialFor}. */
  Future<?> admit(RoutingContext rc);
}

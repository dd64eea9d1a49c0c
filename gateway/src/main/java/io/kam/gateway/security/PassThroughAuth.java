package io.kam.gateway.security;

import io.kam.gateway.routing.DownstreamAuth;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;

/** Placeholder seam until caller authentication lands: forwards the caller's own header. */
@Singleton
public class PassThroughAuth implements DownstreamAuth {

  @Override
  public Future<String> credentialFor(RoutingContext rc) {
    return Future.succeededFuture(rc.request().getHeader("Authorization"));
  }
}

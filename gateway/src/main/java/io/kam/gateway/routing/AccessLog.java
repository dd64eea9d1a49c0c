package io.kam.gateway.routing;

import io.kam.chassis.http.RequestIds;
import io.kam.gateway.security.CallerIdentity;
import io.kam.gateway.security.GatewayAuth;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * One line per request: method, path, route (owning service), status, duration, request id and
 * client (user or API key). Never headers or bodies, so no secret is ever logged.
 */
@Singleton
public class AccessLog {

  public static final String ROUTE_KEY = "kam.route";
  private static final Logger LOG = Logger.getLogger("kam.access");

  void install(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE + 20).handler(rc -> {
      long start = System.nanoTime();
      rc.addEndHandler(v -> {
        Object caller = rc.get(GatewayAuth.CALLER_KEY);
        String client = caller instanceof CallerIdentity c
            ? (c.apiKeyName() != null ? "key:" + c.apiKeyName() : "user:" + c.userId())
            : "-";
        Object route = rc.get(ROUTE_KEY);
        LOG.infof("%s %s route=%s status=%d durationMs=%.1f requestId=%s client=%s",
            rc.request().method(), rc.request().path(), route == null ? "gateway" : route,
            rc.response().getStatusCode(), (System.nanoTime() - start) / 1e6,
            rc.get(RequestIds.CONTEXT_KEY), client);
      });
      rc.next();
    });
  }
}

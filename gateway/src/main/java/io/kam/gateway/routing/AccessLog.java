package io.kam.gateway.routing;

import io.kam.chassis.http.RequestIds;
import io.kam.gateway.security.CallerIdentity;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
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
    router
        .route()
        .order(Integer.MIN_VALUE + 20)
        .handler(
            rc -> {
              long start = System.nanoTime();
              rc.addEndHandler(
                  v -> {
                    if (LOG.isInfoEnabled()) {
                      LOG.info(line(rc, System.nanoTime() - start));
                    }
                  });
              rc.next();
            });
  }

  /**
   * Built by hand rather than with a printf-style format: the line is written for every request,
   * and java.util.Formatter (parsing the pattern, a locale-aware %.1f) showed up in the profile.
   * Logged as a plain message, so a '%' in a path is never taken for a format.
   */
  static String line(RoutingContext rc, long elapsedNanos) {
    Object caller = rc.get(GatewayAuth.CALLER_KEY);
    Object route = rc.get(ROUTE_KEY);
    long tenthsOfMillis = (elapsedNanos + 50_000) / 100_000;
    StringBuilder line =
        new StringBuilder(192)
            .append(rc.request().method().name())
            .append(' ')
            .append(rc.request().path())
            .append(" route=")
            .append(route == null ? "gateway" : route)
            .append(" status=")
            .append(rc.response().getStatusCode())
            .append(" durationMs=")
            .append(tenthsOfMillis / 10)
            .append('.')
            .append(tenthsOfMillis % 10)
            .append(" requestId=")
            .append((Object) rc.get(RequestIds.CONTEXT_KEY))
            .append(" client=");
    if (caller instanceof CallerIdentity c) {
      line.append(c.apiKeyName() != null ? "key:" : "user:")
          .append(c.apiKeyName() != null ? c.apiKeyName() : c.userId());
    } else {
      line.append('-');
    }
    return line.toString();
  }
}

package io.kam.gateway.edge;

import io.kam.chassis.problem.ProblemException;
import io.kam.gateway.config.GatewayConfig;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Locale;

/**
 * The first check of every request, before routing and authentication: a request whose path a
 * service could read differently from the route table (dot-segments, encoded slashes or dots,
 * backslashes), an over-long URI, a body on a method that takes none, or an address that is past
 * its failed authentications never gets further. Routes without credentials (OpenAPI, Swagger UI,
 * probes) are rate-limited per client address here.
 */
@Singleton
public class RequestGuard {

  public static final int ORDER = Integer.MIN_VALUE + 30;
  private static final String[] FORBIDDEN = {"%2e", "%2f", "%5c", "%00", "\\"};

  private final GatewayConfig config;
  private final ClientAddresses addresses;
  private final AddressLimits limits;

  public RequestGuard(GatewayConfig config, ClientAddresses addresses, AddressLimits limits) {
    this.config = config;
    this.addresses = addresses;
    this.limits = limits;
  }

  void install(@Observes Router router) {
    router.route().order(ORDER).handler(this::handle);
  }

  private void handle(RoutingContext rc) {
    HttpServerRequest req = rc.request();
    String uri = req.uri();
    String path = req.path();
    if (uri.length() > config.maxUriLength() || longestSegment(path) > config.maxSegmentLength()) {
      rc.response().putHeader("Connection", "close");
      ProblemResponses.send(
          rc,
          414,
          "the request URI is longer than "
              + config.maxUriLength()
              + " characters or a path segment longer than "
              + config.maxSegmentLength());
      return;
    }
    String problem = pathProblem(path);
    if (problem != null) {
      ProblemResponses.send(rc, 400, problem);
      return;
    }
    if ((req.method() == HttpMethod.GET || req.method() == HttpMethod.HEAD) && hasBody(req)) {
      // Answered at once and the connection closed: the body is never read, never forwarded,
      // and its framing can never reach a pooled upstream connection.
      rc.response().putHeader("Connection", "close");
      ProblemResponses.send(rc, 400, req.method().name() + " takes no request body");
      return;
    }
    String address = addresses.of(rc);
    ProblemException blocked = limits.blockedForFailures(address);
    if (blocked == null && !path.startsWith("/api/")) {
      blocked = limits.acquireAnonymous(address);
    }
    if (blocked != null) {
      ProblemResponses.send(rc, blocked.status(), blocked.getMessage(), blocked.headers());
      return;
    }
    rc.next();
  }

  /**
   * Why the path is refused, or null when it is plain. One pass over the characters without copying
   * the path (it runs for every request).
   */
  static String pathProblem(String path) {
    if (path == null || path.isEmpty() || path.charAt(0) != '/') {
      return "the path must start with '/'";
    }
    int n = path.length();
    int segmentStart = 1;
    for (int i = 0; i <= n; i++) {
      char c = i < n ? path.charAt(i) : '/';
      if (c == '/') {
        int length = i - segmentStart;
        if ((length == 1 || length == 2)
            && path.charAt(segmentStart) == '.'
            && path.charAt(i - 1) == '.') {
          return "the path must not contain '.' or '..' segments";
        }
        segmentStart = i + 1;
      } else if (c == '\\') {
        return forbidden("\\");
      } else if (c == '%' && i + 2 < n) {
        String encoded = path.substring(i, i + 3).toLowerCase(Locale.ROOT);
        for (String f : FORBIDDEN) {
          if (f.equals(encoded)) {
            return forbidden(f);
          }
        }
      }
    }
    return null;
  }

  private static String forbidden(String what) {
    return "the path must not contain encoded dots, slashes, backslashes or NUL (" + what + ")";
  }

  private static int longestSegment(String path) {
    int longest = 0;
    int start = 0;
    for (int i = 0; i <= path.length(); i++) {
      if (i == path.length() || path.charAt(i) == '/') {
        longest = Math.max(longest, i - start);
        start = i + 1;
      }
    }
    return longest;
  }

  private static boolean hasBody(HttpServerRequest req) {
    String length = req.getHeader("Content-Length");
    return req.getHeader("Transfer-Encoding") != null
        || (length != null && !length.trim().equals("0"));
  }
}

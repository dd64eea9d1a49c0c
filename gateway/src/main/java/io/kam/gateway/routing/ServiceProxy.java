package io.kam.gateway.routing;

import io.kam.chassis.http.RequestIds;
import io.kam.gateway.config.GatewayConfig;
import io.quarkus.logging.Log;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Set;

/**
 * The non-blocking proxy: routes /api/v1/... by {@link RouteTable} to the owning service over
 * pooled keep-alive connections, streaming bodies through unparsed, behind a circuit breaker per
 * service with retries for idempotent reads (see {@link UpstreamGuards}).
 */
@Singleton
public class ServiceProxy {

  private static final Set<String> HOP_BY_HOP =
      Set.of(
          "connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer",
          "transfer-encoding", "upgrade", "host", "authorization", "x-api-key", "content-length");
  private static final Set<HttpMethod> IDEMPOTENT_READS = Set.of(HttpMethod.GET, HttpMethod.HEAD);
  /** Route order of the gateway's own handlers: after Quarkus's filters (CORS), before JAX-RS. */
  public static final int ORDER = -50;

  private final GatewayConfig config;
  private final DownstreamAuth auth;
  private final Upstreams upstreams;
  private final UpstreamGuards guards;

  public ServiceProxy(GatewayConfig config, DownstreamAuth auth, Upstreams upstreams, UpstreamGuards guards) {
    this.config = config;
    this.auth = auth;
    this.upstreams = upstreams;
    this.guards = guards;
  }

  void install(@Observes Router router) {
    // After the CORS filter (so preflights and CORS headers work), before the REST layer.
    router.route("/api/*").order(ORDER).handler(this::handle);
  }

  private void handle(RoutingContext rc) {
    String service = RouteTable.ownerOf(rc.request().path()).orElse(RouteTable.GATEWAY);
    if (RouteTable.GATEWAY.equals(service) || !upstreams.has(service) || isPreflight(rc)) {
      rc.next();
      return;
    }
    rc.put(AccessLog.ROUTE_KEY, service);
    HttpServerRequest req = rc.request();
    String length = req.getHeader("Content-Length");
    if (length != null && parse(length) > config.maxBodyBytes()) {
      ProblemResponses.send(rc, 413, "the body is larger than " + config.maxBodyBytes() + " bytes");
      return;
    }
    req.pause();
    auth.credentialFor(rc)
        .onSuccess(credential -> forward(rc, service, credential))
        .onFailure(err -> Failures.answer(rc, service, err));
  }

  private void forward(RoutingContext rc, String service, String credential) {
    HttpServerRequest req = rc.request();
    RequestOptions options = upstreams.options(service, req.method(), req.uri(), rc);
    req.headers().forEach(h -> {
      if (!HOP_BY_HOP.contains(h.getKey().toLowerCase())) {
        options.addHeader(h.getKey(), h.getValue());
      }
    });
    options.putHeader("Authorization", credential);
    upstreams.propagate(options, rc);
    String length = req.getHeader("Content-Length");
    if (length != null) {
      options.putHeader("Content-Length", length);
    }
    boolean read = IDEMPOTENT_READS.contains(req.method());
    Context context = Vertx.currentContext();
    guards.call(service, () -> attempt(service, options, req, read, length).toCompletionStage())
        .whenComplete((upstream, err) -> context.runOnContext(v -> {
          if (err != null) {
            Failures.answer(rc, service, err);
          } else {
            relay(rc, upstream);
          }
        }));
  }

  private Future<HttpClientResponse> attempt(
      String service, RequestOptions options, HttpServerRequest req, boolean read, String length) {
    Future<HttpClientResponse> response =
        upstreams.client(service).request(options).compose((HttpClientRequest upstream) -> {
          if (read) {
            req.resume(); // nothing to stream; the connection must not stay paused for the next request
            return upstream.send();
          }
          if (length == null) {
            upstream.setChunked(true);
          }
          return upstream.send(new LimitedBody(req, config.maxBodyBytes()));
        });
    // Paused until relayed: the guard hands the response over asynchronously, and a small body
    // would otherwise be read and lost before the pipe to the client is attached.
    response = response.map(r -> {
      r.pause();
      return r;
    });
    return read ? response : response.recover(err -> Future.failedFuture(
        err instanceof java.net.ConnectException ? new UpstreamGuards.WriteFailed(err) : err));
  }

  private void relay(RoutingContext rc, HttpClientResponse upstream) {
    HttpServerResponse resp = rc.response();
    resp.setStatusCode(upstream.statusCode());
    upstream.headers().forEach(h -> {
      String key = h.getKey().toLowerCase();
      if (!HOP_BY_HOP.contains(key) && !key.equals(RequestIds.HEADER.toLowerCase())) {
        resp.headers().add(h.getKey(), h.getValue());
      }
    });
    String length = upstream.getHeader("Content-Length");
    if (length != null) {
      resp.putHeader("Content-Length", length);
    } else {
      resp.setChunked(true);
    }
    resp.send(upstream).onFailure(err -> Log.debugf("client went away: %s", err.getMessage()));
  }

  private static boolean isPreflight(RoutingContext rc) {
    return rc.request().method() == HttpMethod.OPTIONS && rc.request().getHeader("Access-Control-Request-Method") != null;
  }

  private static long parse(String length) {
    try {
      return Long.parseLong(length.trim());
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }
}

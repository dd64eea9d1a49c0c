package io.kam.gateway.routing;

import io.kam.gateway.config.GatewayConfig;
import io.kam.gateway.edge.ClientAddresses;
import io.kam.gateway.edge.ProblemResponses;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
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

  private static final Set<HttpMethod> IDEMPOTENT_READS = Set.of(HttpMethod.GET, HttpMethod.HEAD);

  /** Route order of the gateway's own handlers: after Quarkus's filters (CORS), before JAX-RS. */
  public static final int ORDER = -50;

  private final GatewayConfig config;
  private final GatewayAuth auth;
  private final Upstreams upstreams;
  private final UpstreamGuards guards;
  private final ClientAddresses addresses;
  private final ResponseRelay relay;

  public ServiceProxy(
      GatewayConfig config,
      GatewayAuth auth,
      Upstreams upstreams,
      UpstreamGuards guards,
      ClientAddresses addresses,
      ResponseRelay relay) {
    this.config = config;
    this.auth = auth;
    this.upstreams = upstreams;
    this.guards = guards;
    this.addresses = addresses;
    this.relay = relay;
  }

  void install(@Observes Router router) {
    // After the CORS filter (so preflights and CORS headers work), before the REST layer.
    router.route("/api/*").order(ORDER).handler(this::handle);
  }

  private void handle(RoutingContext rc) {
    String service = RouteTable.ownerOf(rc.request().path()).orElse(RouteTable.GATEWAY);
    if (isPreflight(rc)) {
      rc.next();
      return;
    }
    if (RouteTable.GATEWAY.equals(service) || !upstreams.has(service)) {
      admitToGateway(rc);
      return;
    }
    rc.put(AccessLog.ROUTE_KEY, service);
    HttpServerRequest req = rc.request();
    String length = req.getHeader("Content-Length");
    if (length != null && ResponseRelay.parse(length) > config.maxBodyBytes()) {
      ProblemResponses.send(rc, 413, "the body is larger than " + config.maxBodyBytes() + " bytes");
      return;
    }
    req.pause();
    auth.credentialFor(rc, service)
        .onSuccess(credential -> forward(rc, service, credential))
        .onFailure(err -> Failures.answer(rc, service, err));
  }

  /**
   * The gateway's own endpoints (me, API keys, ...) are authenticated and rate-limited here like
   * proxied calls, so their 401s count against the address and their callers against their limit.
   */
  private void admitToGateway(RoutingContext rc) {
    rc.request().pause();
    auth.admit(rc)
        .onSuccess(caller -> rc.next())
        .onFailure(err -> Failures.answer(rc, RouteTable.GATEWAY, err));
  }

  private void forward(RoutingContext rc, String service, String credential) {
    HttpServerRequest req = rc.request();
    RequestOptions options = upstreams.bare(service, req.method(), req.uri());
    boolean trustedProxy = addresses.fromTrustedProxy(rc);
    req.headers()
        .forEach(
            h -> {
              if (!ProxyHeaders.HOP_BY_HOP.contains(h.getKey())
                  && (trustedProxy || !ProxyHeaders.FORWARDING.contains(h.getKey()))) {
                options.addHeader(h.getKey(), h.getValue());
              }
            });
    options.putHeader("Authorization", credential);
    upstreams.propagate(
        options, rc); // after the client's headers: replaces a request id or traceparent it sent
    options.putHeader("X-Forwarded-For", addresses.forwardedFor(rc));
    boolean read = IDEMPOTENT_READS.contains(req.method());
    // Framing is the gateway's own: a read sends no body and so no length (the guard refused
    // reads with a body); a write sends the client's length, or chunks when it had none.
    String length = read ? null : req.getHeader("Content-Length");
    if (length != null) {
      options.putHeader("Content-Length", length);
    }
    Context context = Vertx.currentContext();
    guards
        .call(service, () -> attempt(service, options, req, read, length).toCompletionStage())
        .whenComplete(
            (upstream, err) -> {
              // Usually completed on this request's context already (the client calls back on it);
              // only a retry after a delay completes elsewhere and needs the hop back.
              if (Vertx.currentContext() == context) {
                finish(rc, service, upstream, err);
              } else {
                context.runOnContext(v -> finish(rc, service, upstream, err));
              }
            });
  }

  private void finish(
      RoutingContext rc, String service, HttpClientResponse upstream, Throwable err) {
    if (err != null) {
      Failures.answer(rc, service, err);
    } else {
      relay.relay(rc, service, upstream);
    }
  }

  private Future<HttpClientResponse> attempt(
      String service, RequestOptions options, HttpServerRequest req, boolean read, String length) {
    Future<HttpClientResponse> response =
        upstreams
            .client(service)
            .request(options)
            .compose(
                (HttpClientRequest upstream) -> {
                  if (read) {
                    req.resume(); // nothing to stream; the connection must not stay paused for the
                    // next request
                    return upstream.send();
                  }
                  if (length == null) {
                    upstream.setChunked(true);
                  }
                  return sendLimited(upstream, req);
                });
    // Paused until relayed: the guard hands the response over asynchronously, and a small body
    // would otherwise be read and lost before the pipe to the client is attached.
    response =
        response.map(
            r -> {
              r.pause();
              return r;
            });
    return read
        ? response
        : response.recover(
            err ->
                Future.failedFuture(
                    err instanceof java.net.ConnectException
                        ? new UpstreamGuards.WriteFailed(err)
                        : err));
  }

  /**
   * Streams the body, but a body that turns out too large (chunked, so no length told us) resets
   * the upstream request instead of ending it: the service must never take a cut-off body for a
   * whole one. The client gets 413.
   */
  private Future<HttpClientResponse> sendLimited(
      HttpClientRequest upstream, HttpServerRequest req) {
    Promise<HttpClientResponse> answer = Promise.promise();
    upstream.response().onSuccess(answer::tryComplete).onFailure(answer::tryFail);
    new LimitedBody(req, config.maxBodyBytes())
        .pipe()
        .endOnFailure(false)
        .to(upstream)
        .onFailure(
            err -> {
              // The answer first: the reset fails the upstream response at once (a stream reset),
              // which
              // must not become the client's answer (a 502) in place of the cause (413 for a body
              // too large).
              answer.tryFail(err);
              upstream.reset(0, err);
            });
    return answer.future();
  }

  private static boolean isPreflight(RoutingContext rc) {
    return rc.request().method() == HttpMethod.OPTIONS
        && rc.request().getHeader("Access-Control-Request-Method") != null;
  }
}

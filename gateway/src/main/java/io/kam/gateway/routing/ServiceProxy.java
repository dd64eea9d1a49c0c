package io.kam.gateway.routing;

import io.kam.chassis.http.RequestIds;
import io.kam.chassis.problem.ProblemException;
import io.kam.gateway.config.GatewayConfig;
import io.quarkus.logging.Log;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.net.ConnectException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * The non-blocking proxy: routes /api/v1/... by {@link RouteTable} to the owning service over
 * pooled keep-alive connections, streaming bodies through unparsed. A service that refuses the
 * connection is 503, one that does not answer in time 504, any other upstream failure 502.
 */
@Singleton
public class ServiceProxy {

  private static final Set<String> HOP_BY_HOP =
      Set.of(
          "connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer",
          "transfer-encoding", "upgrade", "host", "authorization", "x-api-key", "content-length");

  private final GatewayConfig config;
  private final DownstreamAuth auth;
  private final Map<String, HttpClient> clients = new HashMap<>();

  public ServiceProxy(GatewayConfig config, DownstreamAuth auth, Vertx vertx) {
    this.config = config;
    this.auth = auth;
    config
        .services()
        .forEach(
            (name, upstream) -> {
              URI uri = URI.create(upstream.url());
              HttpClientOptions options =
                  new HttpClientOptions()
                      .setDefaultHost(uri.getHost())
                      .setDefaultPort(uri.getPort())
                      .setKeepAlive(true)
                      .setConnectTimeout(2000)
                      .setTcpNoDelay(true);
              clients.put(
                  name, vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(config.poolSize())));
            });
  }

  void install(@Observes Router router) {
    router.route("/api/*").order(Integer.MIN_VALUE + 100).handler(this::handle);
  }

  private void handle(RoutingContext rc) {
    String service = RouteTable.ownerOf(rc.request().path()).orElse(RouteTable.GATEWAY);
    if (RouteTable.GATEWAY.equals(service) || !clients.containsKey(service)) {
      rc.next();
      return;
    }
    HttpServerRequest req = rc.request();
    req.pause();
    auth.credentialFor(rc)
        .onSuccess(credential -> forward(rc, service, credential))
        .onFailure(err -> fail(rc, service, err));
  }

  private void forward(RoutingContext rc, String service, String credential) {
    HttpServerRequest req = rc.request();
    long timeout = config.services().get(service).timeout().toMillis();
    RequestOptions options =
        new RequestOptions().setMethod(req.method()).setURI(req.uri()).setIdleTimeout(timeout);
    req.headers()
        .forEach(
            h -> {
              if (!HOP_BY_HOP.contains(h.getKey().toLowerCase())) {
                options.addHeader(h.getKey(), h.getValue());
              }
            });
    if (credential != null) {
      options.putHeader("Authorization", credential);
    }
    Object requestId = rc.get(RequestIds.CONTEXT_KEY);
    if (requestId != null) {
      options.putHeader(RequestIds.HEADER, requestId.toString());
    }
    String length = req.getHeader("Content-Length");
    if (length != null) {
      options.putHeader("Content-Length", length);
    }
    options.putHeader("X-Forwarded-For", String.valueOf(req.remoteAddress()));
    clients
        .get(service)
        .request(options)
        .compose(
            (HttpClientRequest upstream) -> {
              if (length == null && req.headers().contains("Transfer-Encoding")) {
                upstream.setChunked(true);
              }
              return upstream.send(req);
            })
        .onSuccess(upstreamResponse -> relay(rc, upstreamResponse))
        .onFailure(err -> fail(rc, service, err));
  }

  private void relay(RoutingContext rc, HttpClientResponse upstream) {
    HttpServerResponse resp = rc.response();
    resp.setStatusCode(upstream.statusCode());
    upstream
        .headers()
        .forEach(
            h -> {
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

  private void fail(RoutingContext rc, String service, Throwable err) {
    if (err instanceof ProblemException p) {
      Map<String, String> headers = p.headers();
      ProblemResponses.send(rc, p.status(), p.getMessage(), headers);
      return;
    }
    Throwable cause = err;
    while (cause.getCause() != null && cause != cause.getCause()) {
      if (cause instanceof ConnectException || cause instanceof TimeoutException) {
        break;
      }
      cause = cause.getCause();
    }
    if (cause instanceof ConnectException) {
      ProblemResponses.send(rc, 503, service + "-service is unavailable; retry later", Map.of("Retry-After", "5"));
    } else if (cause instanceof TimeoutException
        || String.valueOf(err.getMessage()).toLowerCase().contains("timeout")) {
      ProblemResponses.send(rc, 504, service + "-service did not answer in time");
    } else {
      Log.warnf("upstream %s failed: %s", service, err.toString());
      ProblemResponses.send(rc, 502, service + "-service failed to answer");
    }
  }
}

package io.kam.gateway.routing;

import io.kam.chassis.http.RequestIds;
import io.kam.gateway.config.GatewayConfig;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.tracing.TracingPolicy;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;

/** One pooled keep-alive HTTP client per service, and the request options every call shares. */
@Singleton
public class Upstreams {

  private final GatewayConfig config;

  /**
   * The services are those configured (kam.gateway.services.*), the only list of them; sorted by
   * name.
   */
  private final Map<String, HttpClient> clients = new TreeMap<>();

  private final Map<String, HttpClient> managementClients = new TreeMap<>();

  public Upstreams(GatewayConfig config, Vertx vertx) {
    this.config = config;
    config
        .services()
        .forEach(
            (name, upstream) -> {
              clients.put(name, client(vertx, upstream.url(), config.poolSize()));
              upstream
                  .managementUrl()
                  .ifPresent(url -> managementClients.put(name, client(vertx, url, 2)));
            });
  }

  private static HttpClient client(Vertx vertx, String url, int poolSize) {
    URI uri = URI.create(url);
    HttpClientOptions options =
        new HttpClientOptions()
            .setDefaultHost(uri.getHost())
            .setDefaultPort(uri.getPort())
            .setKeepAlive(true)
            .setConnectTimeout(2000)
            .setTcpNoDelay(true)
            // No client span per call: propagate() passes the gateway's server span to the service,
            // so
            // the trace still runs client, gateway, service; a second span per proxied call was a
            // visible share of the gateway's CPU in the benchmark's profile.
            .setTracingPolicy(TracingPolicy.IGNORE);
    return vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(poolSize));
  }

  /**
   * The client of the service's management port (health, metrics), or its API client without one.
   */
  public HttpClient managementClient(String service) {
    return managementClients.getOrDefault(service, clients.get(service));
  }

  public boolean has(String service) {
    return clients.containsKey(service);
  }

  public HttpClient client(String service) {
    return clients.get(service);
  }

  public long timeoutMillis(String service) {
    return config.services().get(service).timeout().toMillis();
  }

  /** Every configured service, in name order. */
  public java.util.Set<String> names() {
    return java.util.Collections.unmodifiableSet(clients.keySet());
  }

  public String url(String service) {
    return config.services().get(service).url();
  }

  /** Options for a call to {@code service} with its timeout, request id and trace context. */
  public RequestOptions options(String service, HttpMethod method, String uri, RoutingContext rc) {
    RequestOptions options = bare(service, method, uri);
    propagate(options, rc);
    return options;
  }

  /** Options with the timeout only; the caller adds headers and then {@link #propagate}s. */
  RequestOptions bare(String service, HttpMethod method, String uri) {
    return new RequestOptions()
        .setMethod(method)
        .setURI(uri)
        .setIdleTimeout(timeoutMillis(service));
  }

  void propagate(RequestOptions options, RoutingContext rc) {
    Object requestId = rc.get(RequestIds.CONTEXT_KEY);
    if (requestId != null) {
      options.putHeader(RequestIds.HEADER, requestId.toString());
    }
    SpanContext span = Span.current().getSpanContext();
    if (span.isValid()) {
      options.putHeader(
          "traceparent",
          "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex());
    }
  }
}

package io.kam.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kam.gateway.routing.Upstreams;
import io.kam.gateway.security.CallerIdentity;
import io.kam.gateway.security.InternalCredentials;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.openapi.runtime.io.Format;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * GET /q/openapi: ONE OpenAPI document of the whole public API, merged from the services' own
 * documents (fetched from each service with the gateway's credential, so nothing is hand-kept) and
 * the gateway's. The document is merged and serialized (JSON and YAML) in the background: every
 * minute, every few seconds while a service's document is missing. A request is served the last
 * rendering and never causes a fetch of its own: at most it joins the one refresh under way while
 * the document is still incomplete. A service that cannot be reached keeps its last known document.
 */
@Singleton
public class MergedOpenApi {

  private static final long REFRESH_MILLIS = 60_000;
  private static final long RETRY_MILLIS = 5_000;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();

  /** Who the services see fetching their documents. */
  private static final CallerIdentity GATEWAY = new CallerIdentity("kam-gateway", Set.of(), null);

  private record Rendered(ObjectNode doc, String json, String yaml, boolean complete) {}

  private final Upstreams upstreams;
  private final OpenApiDocumentService own;
  private final InternalCredentials credentials;
  private final Vertx vertx;
  private final String version;
  private final Map<String, JsonNode> lastKnown = new ConcurrentHashMap<>();

  /**
   * Each service's document as last fetched, to tell whether anything changed since the last
   * rendering.
   */
  private final Map<String, String> lastText = new ConcurrentHashMap<>();

  /**
   * Set when a fetch brought a document that differs from the last one: only then is the merge
   * rendered again.
   */
  private final java.util.concurrent.atomic.AtomicBoolean changed =
      new java.util.concurrent.atomic.AtomicBoolean(true);

  private volatile Rendered current;
  private volatile Future<Rendered> refreshing;
  private volatile boolean stopped;

  public MergedOpenApi(
      Upstreams upstreams,
      OpenApiDocumentService own,
      InternalCredentials credentials,
      Vertx vertx,
      @ConfigProperty(name = "quarkus.application.version", defaultValue = "1.0.0")
          String version) {
    this.upstreams = upstreams;
    this.own = own;
    this.credentials = credentials;
    this.vertx = vertx;
    this.version = version;
  }

  void install(@Observes Router router) {
    router.route(HttpMethod.GET, "/q/openapi").order(-60).handler(this::serve);
  }

  void start(@Observes StartupEvent event) {
    vertx.runOnContext(v -> scheduleRefresh());
  }

  void stop(@Observes ShutdownEvent event) {
    stopped = true;
  }

  private void scheduleRefresh() {
    refresh()
        .onComplete(
            r -> {
              if (!stopped) {
                boolean complete = r.succeeded() && r.result().complete();
                vertx.setTimer(complete ? REFRESH_MILLIS : RETRY_MILLIS, id -> scheduleRefresh());
              }
            });
  }

  private void serve(RoutingContext rc) {
    Rendered r = current;
    Future<Rendered> ready = r != null && r.complete() ? Future.succeededFuture(r) : joinRefresh();
    ready
        .onSuccess(
            doc -> {
              boolean yaml =
                  "yaml".equalsIgnoreCase(rc.request().getParam("format"))
                      || (rc.request().getParam("format") == null && accepts(rc, "yaml"));
              rc.response()
                  .putHeader("Content-Type", yaml ? "application/yaml" : "application/json")
                  .end(yaml ? doc.yaml() : doc.json());
            })
        .onFailure(rc::fail);
  }

  /** The refresh under way (there is one until the document is complete), or the last rendering. */
  private Future<Rendered> joinRefresh() {
    Future<Rendered> running = refreshing;
    if (running != null) {
      return running;
    }
    Rendered r = current;
    return r != null ? Future.succeededFuture(r) : refresh();
  }

  private static boolean accepts(RoutingContext rc, String kind) {
    String accept = rc.request().getHeader("Accept");
    return accept != null && accept.contains(kind) && !accept.contains("json");
  }

  /** The merged document as last rendered (merged once if nothing was yet). */
  public Future<ObjectNode> document() {
    return joinRefresh().map(Rendered::doc);
  }

  /** One refresh at a time: fetch every service's document, merge, render. */
  private synchronized Future<Rendered> refresh() {
    if (refreshing != null) {
      return refreshing;
    }
    List<Future<Void>> fetches = new ArrayList<>();
    for (String service : upstreams.names()) {
      fetches.add(
          credentials
              .headerFor(GATEWAY, service)
              .otherwise((String) null)
              .compose(credential -> fetch(service, credential)));
    }
    // Merging and rendering (JSON and YAML) costs far more than fetching: a refresh that brought
    // nothing new keeps the document it has (the services' documents change only with a
    // deployment).
    Future<Rendered> f =
        Future.join(new ArrayList<>(fetches))
            .transform(
                done -> {
                  Rendered r = current;
                  if (r != null && r.complete() && !changed.get()) {
                    return Future.succeededFuture(r);
                  }
                  return vertx.executeBlocking(this::render, false);
                });
    refreshing = f;
    f.onComplete(
        r -> {
          synchronized (this) {
            refreshing = null;
          }
        });
    return f;
  }

  /** Merging and serializing a large document is CPU work: done on a worker, once per refresh. */
  private Rendered render() throws IOException {
    changed.set(false);
    Map<String, JsonNode> specs = new LinkedHashMap<>();
    specs.put("gateway", GatewayRoutes.addTo(ownDocument()));
    for (String service : upstreams.names()) {
      if (lastKnown.containsKey(service)) {
        specs.put(service, lastKnown.get(service));
      }
    }
    ObjectNode doc = OpenApiMerger.merge(specs, version);
    List<String> missing =
        upstreams.names().stream().filter(s -> !lastKnown.containsKey(s)).toList();
    if (!missing.isEmpty()) {
      doc.putArray("x-kam-missing-services")
          .addAll(missing.stream().map(JSON::valueToTree).map(JsonNode.class::cast).toList());
    }
    Rendered r =
        new Rendered(
            doc, JSON.writeValueAsString(doc), YAML.writeValueAsString(doc), missing.isEmpty());
    current = r;
    return r;
  }

  private Future<Void> fetch(String service, String credential) {
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.GET)
            .setURI("/q/openapi?format=json")
            .setIdleTimeout(5000)
            .putHeader("Accept", "application/json");
    if (credential != null) {
      options.putHeader(
          "Authorization", credential); // the services show their description to the gateway only
    }
    return upstreams
        .client(service)
        .request(options)
        .compose(req -> req.send())
        .compose(
            resp ->
                resp.body()
                    .map(
                        b -> {
                          if (resp.statusCode() == 200) {
                            String text = b.toString();
                            if (!text.equals(lastText.get(service))) {
                              lastKnown.put(service, parse(text));
                              lastText.put(service, text);
                              changed.set(true);
                            }
                          }
                          return (Void) null;
                        }))
        .otherwise(
            err -> {
              Log.debugf("OpenAPI of %s not fetched: %s", service, err.getMessage());
              return null;
            });
  }

  private JsonNode ownDocument() {
    return parse(
        new String(
            own.getDocument("<default>", Format.JSON), java.nio.charset.StandardCharsets.UTF_8));
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }
}

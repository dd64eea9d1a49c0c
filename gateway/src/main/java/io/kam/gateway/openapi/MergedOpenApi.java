package io.kam.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kam.gateway.routing.Upstreams;
import io.quarkus.logging.Log;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.openapi.runtime.io.Format;
import io.vertx.core.Future;
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
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * GET /q/openapi: ONE OpenAPI document of the whole public API, merged from the services' own
 * documents (fetched from each service, so nothing is hand-kept) and the gateway's. Refreshed at
 * most once a minute; a service that cannot be reached keeps its last known document.
 */
@Singleton
public class MergedOpenApi {

  static final List<String> SERVICES = List.of("account", "scoring", "kpi", "planning");
  private static final long REFRESH_MILLIS = 60_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Upstreams upstreams;
  private final OpenApiDocumentService own;
  private final String version;
  private final Map<String, JsonNode> lastKnown = new ConcurrentHashMap<>();
  private volatile ObjectNode merged;
  private volatile long mergedAt;

  public MergedOpenApi(Upstreams upstreams, OpenApiDocumentService own,
      @ConfigProperty(name = "quarkus.application.version", defaultValue = "1.0.0") String version) {
    this.upstreams = upstreams;
    this.own = own;
    this.version = version;
  }

  void install(@Observes Router router) {
    router.route(HttpMethod.GET, "/q/openapi").order(-60).handler(this::serve);
  }

  private void serve(RoutingContext rc) {
    document().onSuccess(doc -> {
      try {
        boolean yaml = "yaml".equalsIgnoreCase(rc.request().getParam("format"))
            || (rc.request().getParam("format") == null && accepts(rc, "yaml"));
        String body = yaml ? new YAMLMapper().writeValueAsString(doc) : JSON.writeValueAsString(doc);
        rc.response().putHeader("Content-Type", yaml ? "application/yaml" : "application/json").end(body);
      } catch (IOException e) {
        rc.fail(e);
      }
    }).onFailure(rc::fail);
  }

  private static boolean accepts(RoutingContext rc, String kind) {
    String accept = rc.request().getHeader("Accept");
    return accept != null && accept.contains(kind) && !accept.contains("json");
  }

  /** The merged document, refreshed when older than a minute or when a service was missing. */
  public Future<ObjectNode> document() {
    ObjectNode current = merged;
    if (current != null && System.currentTimeMillis() - mergedAt < REFRESH_MILLIS
        && lastKnown.keySet().containsAll(SERVICES)) {
      return Future.succeededFuture(current);
    }
    List<Future<Void>> fetches = new ArrayList<>();
    for (String service : SERVICES) {
      fetches.add(fetch(service));
    }
    return Future.join(new ArrayList<>(fetches)).transform(done -> {
      Map<String, JsonNode> specs = new LinkedHashMap<>();
      specs.put("gateway", GatewayRoutes.addTo(ownDocument()));
      for (String service : SERVICES) {
        if (lastKnown.containsKey(service)) {
          specs.put(service, lastKnown.get(service));
        }
      }
      ObjectNode doc = OpenApiMerger.merge(specs, version);
      List<String> missing = SERVICES.stream().filter(s -> !lastKnown.containsKey(s)).toList();
      if (!missing.isEmpty()) {
        doc.putArray("x-kam-missing-services").addAll(missing.stream().map(JSON::valueToTree).map(JsonNode.class::cast).toList());
      }
      merged = doc;
      mergedAt = System.currentTimeMillis();
      return Future.succeededFuture(doc);
    });
  }

  private Future<Void> fetch(String service) {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setURI("/q/openapi?format=json")
        .setIdleTimeout(5000).putHeader("Accept", "application/json");
    return upstreams.client(service).request(options)
        .compose(req -> req.send())
        .compose(resp -> resp.body().map(b -> {
          if (resp.statusCode() == 200) {
            lastKnown.put(service, parse(b.toString()));
          }
          return (Void) null;
        }))
        .otherwise(err -> {
          Log.debugf("OpenAPI of %s not fetched: %s", service, err.getMessage());
          return null;
        });
  }

  private JsonNode ownDocument() {
    return parse(new String(own.getDocument("<default>", Format.JSON), java.nio.charset.StandardCharsets.UTF_8));
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }
}

package io.kam.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Merges the services' own OpenAPI documents (and the gateway's) into ONE document of the public
 * API: only /api paths, every operation tagged with its service, schemas de-duplicated (a name two
 * services use differently is prefixed with the service), bearer and API-key security, the
 * problem+json schema on every 4xx/5xx, and examples on request bodies.
 */
public final class OpenApiMerger {

  private static final ObjectMapper JSON = new ObjectMapper();

  private OpenApiMerger() {}

  /** {@code specs}: service name -> its document, in the order the tags should appear. */
  public static ObjectNode merge(Map<String, JsonNode> specs, String version) {
    ObjectNode doc = JSON.createObjectNode();
    doc.put(
        "openapi",
        specs.values().stream()
            .map(n -> n.path("openapi").asText(""))
            .filter(v -> !v.isEmpty())
            .findFirst()
            .orElse("3.0.3"));
    doc.putObject("info")
        .put("title", "KAM API")
        .put("version", version)
        .put(
            "description",
            "Key Account Management: accounts, scores, KPIs and account plans, behind one gateway."
                + " Errors are RFC 9457 problem+json. Authenticate with a bearer JWT or an integration X-API-Key.")
        .putObject("contact")
        .put("name", "KAM backend maintainers")
        .put("url", "https://kam.example/support");
    doc.putArray("servers")
        .addObject()
        .put("url", "/")
        .put(
            "description",
            "This gateway, wherever it runs (local, test, staging or production): the public API")
        .put("x-internal", false);
    ArrayNode tags = doc.putArray("tags");
    ObjectNode paths = doc.putObject("paths");
    ObjectNode components = doc.putObject("components");
    ObjectNode schemas = components.putObject("schemas");
    Map<String, String> schemaOwner = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : specs.entrySet()) {
      String service = e.getKey();
      String tag = service.equals("gateway") ? "gateway" : service + "-service";
      tags.addObject().put("name", tag).put("description", Descriptions.of(service));
      JsonNode spec =
          Schemas.renameCollisions(e.getValue().deepCopy(), service, schemas, schemaOwner);
      JsonNode own = spec.path("components").path("schemas");
      own.fieldNames()
          .forEachRemaining(
              name -> {
                if (!schemas.has(name)) {
                  schemas.set(name, own.get(name));
                  schemaOwner.put(name, service);
                }
              });
      Iterator<Map.Entry<String, JsonNode>> it = spec.path("paths").fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> p = it.next();
        if (!p.getKey().startsWith("/api/")) {
          continue;
        }
        ObjectNode item = (ObjectNode) p.getValue();
        Operations.decorate(item, tag, p.getKey());
        paths.set(p.getKey(), item);
      }
    }
    OverviewSchema.apply(doc, paths, schemas); // first: it reads the plain account list's item
    AccountListVariant.apply(doc, paths, schemas);
    Problems.addSchemas(schemas);
    ObjectNode security = components.putObject("securitySchemes");
    security
        .putObject("bearerAuth")
        .put("type", "http")
        .put("scheme", "bearer")
        .put("bearerFormat", "JWT")
        .put(
            "description",
            "A JWT from the configured identity provider, validated as RFC8725 (JWT best current"
                + " practices) asks: RS256 only, issuer, audience, expiry and not-before checked.");
    security
        .putObject("apiKeyAuth")
        .put("type", "apiKey")
        .put("in", "header")
        .put("name", "X-API-Key");
    ArrayNode globalSecurity = doc.putArray("security");
    globalSecurity.addObject().putArray("bearerAuth");
    globalSecurity.addObject().putArray("apiKeyAuth");
    Examples.addToRequestBodies(paths, schemas);
    ResponseHeaders.addComponents(components);
    Bounds.fill(paths);
    Bounds.fill(schemas);
    return doc;
  }
}

package io.kam.kpi.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * kpi-service's OpenAPI document types every answer: each operation's success response names a
 * schema, and no schema is a bare object (an object without properties a client could generate a
 * type from).
 */
@QuarkusTest
class OpenApiSchemasTest {

  @Test
  void everySuccessResponseHasATypedSchemaAndNoSchemaIsABareObject() {
    JsonPath doc =
        JsonPath.from(
            given()
                .header(
                    "Authorization", "Bearer " + io.kam.platform.TestAuth.internal("kam-gateway"))
                .accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    List<String> untyped = new ArrayList<>();
    Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
    paths.forEach(
        (path, methods) ->
            methods.forEach(
                (method, op) -> {
                  // The chassis's admin endpoints are documented by the chassis, not this service.
                  if (path.startsWith("/api/v1/admin/")
                      || !(op instanceof Map<?, ?>)
                      || !((Map<?, ?>) op).containsKey("responses")) {
                    return;
                  }
                  Map<?, ?> ok = (Map<?, ?>) ((Map<?, ?>) op.get("responses")).get("200");
                  Object schema =
                      ok == null || ok.get("content") == null
                          ? null
                          : ((Map<?, ?>)
                                  ((Map<?, ?>)
                                      ((Map<?, ?>) ok.get("content")).values().iterator().next()))
                              .get("schema");
                  if (schema == null || bare(schema)) {
                    untyped.add(method + " " + path);
                  }
                }));
    Map<String, Object> schemas = doc.getMap("components.schemas");
    schemas.forEach(
        (name, schema) -> {
          if (bare(schema)) {
            untyped.add("schema " + name);
          }
        });
    assertEquals(List.of(), untyped);
    assertTrue(paths.containsKey("/api/v1/kpis"));
    assertTrue(paths.containsKey("/api/v1/accounts/{id}/kpis/snapshot"));
    assertTrue(paths.containsKey("/api/v1/portfolio/kpis/timeseries"));
    assertTrue(paths.containsKey("/api/v1/portfolio/kpis/accounts"));
  }

  private static boolean bare(Object schema) {
    Map<?, ?> s = (Map<?, ?>) schema;
    return "object".equals(s.get("type"))
        && s.get("properties") == null
        && s.get("additionalProperties") == null
        && s.get("$ref") == null;
  }
}

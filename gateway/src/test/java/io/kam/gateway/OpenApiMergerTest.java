package io.kam.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kam.gateway.openapi.OpenApiMerger;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenApiMergerTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode doc(String json) throws Exception {
    return JSON.readTree(json);
  }

  private static JsonNode mergeTwo() throws Exception {
    Map<String, JsonNode> specs = new LinkedHashMap<>();
    specs.put(
        "account",
        doc(
            """
        {"openapi":"3.1.0","paths":{
          "/api/v1/accounts/{id}":{"get":{"security":[{"SecurityScheme":["kam","viewer"]}],
             "responses":{"404":{"description":"nope"}}}},
          "/q/health":{"get":{"responses":{"200":{"description":"ok"}}}}},
         "components":{"schemas":{"View":{"type":"object","properties":{"a":{"type":"string"}}}}}}"""));
    specs.put(
        "planning",
        doc(
            """
        {"openapi":"3.1.0","paths":{
          "/api/v1/plans":{"post":{"requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/View"}}}},
             "responses":{"201":{"description":"created"}}}}},
         "components":{"schemas":{"View":{"type":"object","properties":{"p":{"type":"number","minimum":0,"maximum":1},
             "role":{"type":"string","pattern":"viewer|kam"}}}}}}"""));
    return OpenApiMerger.merge(specs, "1.0.0");
  }

  @Test
  void keepsOnlyApiPathsAndTagsEachOperationWithItsService() throws Exception {
    JsonNode m = mergeTwo();
    assertFalse(m.path("paths").has("/q/health"));
    assertEquals("account-service", m.at("/paths/~1api~1v1~1accounts~1{id}/get/tags/0").asText());
    assertEquals("planning-service", m.at("/paths/~1api~1v1~1plans/post/tags/0").asText());
  }

  @Test
  void aSchemaNameTwoServicesDefineDifferentlyIsPrefixedAndItsReferencesFollow() throws Exception {
    JsonNode m = mergeTwo();
    assertTrue(m.at("/components/schemas/View/properties").has("a"));
    assertTrue(m.at("/components/schemas/PlanningView/properties").has("p"));
    assertEquals(
        "#/components/schemas/PlanningView",
        m.at("/paths/~1api~1v1~1plans/post/requestBody/content/application~1json/schema/$ref")
            .asText());
  }

  @Test
  void everyErrorResponseIsAProblemAndEveryOperationHasASuccess() throws Exception {
    JsonNode op = mergeTwo().at("/paths/~1api~1v1~1accounts~1{id}/get");
    op.path("responses")
        .fields()
        .forEachRemaining(
            r -> {
              if (r.getKey().startsWith("4") || r.getKey().startsWith("5")) {
                assertEquals(
                    "#/components/schemas/Problem",
                    r.getValue().at("/content/application~1problem+json/schema/$ref").asText(),
                    r.getKey());
              }
            });
    assertTrue(op.path("responses").has("200"));
    assertTrue(op.path("responses").has("401"));
  }

  @Test
  void rolesMoveIntoTheDescriptionAndTheGatewaysSchemesApply() throws Exception {
    JsonNode m = mergeTwo();
    JsonNode op = m.at("/paths/~1api~1v1~1accounts~1{id}/get");
    assertFalse(op.has("security"));
    assertTrue(op.path("description").asText().contains("Roles: kam, viewer"));
    assertEquals("bearer", m.at("/components/securitySchemes/bearerAuth/scheme").asText());
  }

  @Test
  void requestBodyExamplesRespectBoundsAndPatterns() throws Exception {
    JsonNode example =
        mergeTwo().at("/paths/~1api~1v1~1plans/post/requestBody/content/application~1json/example");
    assertEquals(0, example.path("p").asInt());
    assertEquals("viewer", example.path("role").asText());
  }

  @Test
  void everyResponseDocumentsTheRateLimitAndA429ItsRetryAfter() throws Exception {
    JsonNode m = mergeTwo();
    m.at("/paths")
        .forEach(
            item ->
                item.forEach(
                    op ->
                        op.path("responses")
                            .fields()
                            .forEachRemaining(
                                r -> {
                                  JsonNode headers = r.getValue().path("headers");
                                  assertEquals(
                                      "#/components/headers/X-RateLimit-Limit",
                                      headers.at("/X-RateLimit-Limit/$ref").asText(),
                                      r.getKey());
                                  assertTrue(
                                      headers.has("Access-Control-Allow-Origin"), r.getKey());
                                  assertEquals(
                                      r.getKey().equals("429") || r.getKey().equals("503"),
                                      headers.has("Retry-After"),
                                      r.getKey());
                                })));
    assertEquals("integer", m.at("/components/headers/Retry-After/schema/type").asText());
  }

  @Test
  void stringsIntegersAndArraysTheServicesLeftUnboundedGetTheChassisBounds() throws Exception {
    JsonNode m = mergeTwo();
    assertEquals(
        io.kam.chassis.input.InputRules.MAX_STRING_LENGTH,
        m.at("/components/schemas/View/properties/a/maxLength").asInt());
    assertTrue(m.at("/components/schemas/Problem/properties/status/maximum").isNumber());
    assertFalse(m.at("/servers/0/x-internal").asBoolean(true));
  }
}

package io.kam.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kam.gateway.openapi.OpenApiMerger;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The merged document describes the include variant with the services' own item schemas. */
class AccountListDocumentTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode merged() throws Exception {
    Map<String, JsonNode> specs = new LinkedHashMap<>();
    specs.put(
        "gateway",
        JSON.readTree(
            """
        {"openapi":"3.1.0","paths":{},"components":{"schemas":{
          "AccountOverview":{"type":"object","properties":{
            "account":{"type":"object","description":"as GET /api/v1/accounts/{id}"},
            "score":{"type":"object","description":"s"},"kpis":{"type":"object","description":"k"}}}}}}"""));
    specs.put(
        "account",
        JSON.readTree(
            """
        {"openapi":"3.1.0","paths":{
          "/api/v1/accounts":{"get":{"parameters":[{"name":"sort","in":"query","schema":{"type":"string"}}],
            "responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PageAccountView"}}}}}}},
          "/api/v1/accounts/{id}":{"get":{"responses":{"200":{"description":"ok","content":{"application/json":{"schema":{}}}}}}}},
         "components":{"schemas":{
           "AccountView":{"type":"object","properties":{"id":{"type":"string"}}},
           "PageAccountView":{"type":"object","properties":{"items":{"type":"array","items":{"$ref":"#/components/schemas/AccountView"}},
             "nextCursor":{"type":"string"}}}}}}"""));
    specs.put(
        "scoring",
        JSON.readTree(
            """
        {"openapi":"3.1.0","paths":{
          "/api/v1/scores":{"get":{"responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PagePortfolioItemView"}}}}}}},
          "/api/v1/accounts/{id}/score":{"get":{"responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ScoreView"}}}}}}}},
         "components":{"schemas":{
           "ScoreView":{"type":"object","properties":{"score":{"type":"number"}}},
           "PortfolioItemView":{"type":"object","properties":{"accountId":{"type":"string"}}},
           "PagePortfolioItemView":{"type":"object","properties":{"items":{"type":"array","items":{"$ref":"#/components/schemas/PortfolioItemView"}}}}}}}"""));
    specs.put(
        "kpi",
        JSON.readTree(
            """
        {"openapi":"3.1.0","paths":{
          "/api/v1/accounts/{id}/kpis":{"get":{"responses":{"200":{"description":"ok"}}}}},
         "components":{"schemas":{"AccountKpis":{"type":"object","properties":{"revenue":{"type":"number"}}}}}}"""));
    return OpenApiMerger.merge(specs, "1.0.0");
  }

  @Test
  void theAccountListDocumentsIncludeAndItsComposedItems() throws Exception {
    JsonNode doc = merged();
    JsonNode list = doc.at("/paths/~1api~1v1~1accounts/get");
    assertEquals(
        "#/components/schemas/AccountListPage",
        list.at("/responses/200/content/application~1json/schema/$ref").asText());
    boolean include = false;
    for (JsonNode p : list.path("parameters")) {
      include |= p.path("name").asText().equals("include");
    }
    assertTrue(include, "the include parameter is documented");
    JsonNode item = doc.at("/components/schemas/AccountListItem/allOf");
    assertEquals("#/components/schemas/AccountView", item.at("/0/$ref").asText());
    assertEquals(
        "#/components/schemas/PortfolioItemView",
        item.at("/1/properties/score/oneOf/0/$ref").asText());
    assertEquals(
        "#/components/schemas/AccountKpis", item.at("/1/properties/kpis/oneOf/0/$ref").asText());
    assertEquals(
        "#/components/schemas/AccountListItem",
        doc.at("/components/schemas/AccountListPage/properties/items/items/$ref").asText());
  }

  @Test
  void theOverviewsPartsReferToTheServicesSchemas() throws Exception {
    JsonNode overview = merged().at("/components/schemas/AccountOverview/properties");
    assertEquals("#/components/schemas/AccountView", overview.at("/account/$ref").asText());
    assertEquals("#/components/schemas/ScoreView", overview.at("/score/oneOf/0/$ref").asText());
    assertEquals("#/components/schemas/AccountKpis", overview.at("/kpis/oneOf/0/$ref").asText());
    assertEquals("as GET /api/v1/accounts/{id}", overview.at("/account/description").asText());
  }
}

package io.kam.gateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class ExamplesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aStringDeepInsideNestedObjectsAndArraysIsStillAString() throws Exception {
    ObjectNode schemas =
        (ObjectNode)
            JSON.readTree(
                """
                {"Request": {"type": "object", "properties": {"items": {"type": "array",
                   "items": {"$ref": "#/components/schemas/Item"}}}},
                 "Item": {"type": "object", "properties": {"team": {"type": "array",
                   "items": {"$ref": "#/components/schemas/Member"}}}},
                 "Member": {"type": "object", "required": ["userId"], "properties": {
                   "userId": {"type": "string", "pattern": "\\\\S"},
                   "seats": {"type": "integer", "minimum": 2}}}}
                """);
    JsonNode example =
        Examples.of(JSON.readTree("{\"$ref\":\"#/components/schemas/Request\"}"), schemas, 0);
    JsonNode member = example.path("items").path(0).path("team").path(0);
    assertTrue(member.path("userId").isTextual(), example.toString());
    assertEquals(2, member.path("seats").asInt(), example.toString());
  }

  @Test
  void aSelfReferencingSchemaEndsInAnEmptyObject() throws Exception {
    ObjectNode schemas =
        (ObjectNode)
            JSON.readTree(
                """
                {"Node": {"type": "object", "properties": {"name": {"type": "string"},
                   "child": {"$ref": "#/components/schemas/Node"}}}}
                """);
    JsonNode example =
        Examples.of(JSON.readTree("{\"$ref\":\"#/components/schemas/Node\"}"), schemas, 0);
    assertEquals("string", example.path("name").asText());
    assertTrue(example.toString().contains("{}"), example.toString());
  }
}

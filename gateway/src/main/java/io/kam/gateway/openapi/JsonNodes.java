package io.kam.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

final class JsonNodes {
  private JsonNodes() {}

  static ObjectNode objectAt(ObjectNode parent, String field) {
    JsonNode n = parent.get(field);
    return n instanceof ObjectNode o ? o : parent.putObject(field);
  }
}

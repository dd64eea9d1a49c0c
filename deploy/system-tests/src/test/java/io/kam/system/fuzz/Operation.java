package io.kam.system.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** An operation of the merged OpenAPI document, with what the fuzzer needs to know of it. */
record Operation(
    String method,
    String path,
    List<JsonNode> pathParams,
    List<JsonNode> queryParams,
    String contentType,
    JsonNode example,
    JsonNode bodySchema) {

  static List<Operation> all(JsonNode doc) {
    List<Operation> ops = new ArrayList<>();
    doc.path("paths")
        .fields()
        .forEachRemaining(
            p ->
                p.getValue()
                    .fields()
                    .forEachRemaining(
                        m -> {
                          JsonNode op = m.getValue();
                          List<JsonNode> pathParams = new ArrayList<>();
                          List<JsonNode> queryParams = new ArrayList<>();
                          op.path("parameters")
                              .forEach(
                                  param -> {
                                    if (param.path("in").asText().equals("path")) {
                                      pathParams.add(param);
                                    } else if (param.path("in").asText().equals("query")) {
                                      queryParams.add(param);
                                    }
                                  });
                          String contentType = null;
                          JsonNode example = null;
                          JsonNode schema = null;
                          var content = op.path("requestBody").path("content").fields();
                          if (content.hasNext()) {
                            var first = content.next();
                            contentType = first.getKey();
                            example = first.getValue().get("example");
                            schema = Schemas.resolve(doc, first.getValue().path("schema"));
                          }
                          ops.add(
                              new Operation(
                                  m.getKey().toUpperCase(),
                                  p.getKey(),
                                  pathParams,
                                  queryParams,
                                  contentType,
                                  example,
                                  schema));
                        }));
    return ops;
  }

  String name() {
    return method + " " + path;
  }

  boolean writes() {
    return !method.equals("GET");
  }
}

package io.kam.account.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.kam.chassis.problem.Problem;
import jakarta.inject.Singleton;

/**
 * Reads bodies that are handled as JSON trees (merge patches, sync items) without ever going
 * through a double: money stays exact to the last digit.
 */
@Singleton
public class ExactJson {

  private final ObjectMapper mapper;

  public ExactJson(ObjectMapper json) {
    this.mapper =
        json.copy()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
  }

  public ObjectMapper mapper() {
    return mapper;
  }

  /** The body as a tree; malformed JSON is answered as 400 by the chassis. */
  public JsonNode read(String body) throws JsonProcessingException {
    if (body == null || body.isBlank()) {
      throw io.kam.chassis.problem.ProblemException.badRequest(
          "the body is empty; a JSON object is expected");
    }
    JsonNode tree = mapper.readTree(body);
    Problem.FieldError invalid = io.kam.chassis.input.JsonTrees.firstInvalid(tree);
    if (invalid != null) {
      throw new io.kam.chassis.problem.ProblemException(
          400,
          "Malformed request",
          invalid.field() + ": " + invalid.message(),
          java.util.List.of(invalid),
          java.util.Map.of());
    }
    return tree;
  }

  /**
   * A field error for a value that does not fit its type, named by its JSON path (as the chassis
   * names it).
   */
  static Problem.FieldError fieldError(JsonMappingException e) {
    return io.kam.chassis.problem.ProblemMappers.fieldErrorOf(e);
  }
}

package io.kam.account.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kam.chassis.problem.Problem;
import java.util.List;

/**
 * How contact data reads and writes as request JSON (implemented by the API layer, which owns the
 * request shape and its validation): the contact sync merges each item onto the stored state.
 */
public interface ContactJsonMapper {

  /** Data, or the invalid fields (then data is null). */
  record Parsed(ContactData data, List<Problem.FieldError> errors) {}

  ObjectNode toJson(ContactData data);

  Parsed fromJson(JsonNode json);
}

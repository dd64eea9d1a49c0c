package io.kam.account.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kam.chassis.problem.Problem;
import java.util.List;

/**
 * How account data reads and writes as request JSON (implemented by the API layer, which owns the
 * request shape and its validation): sync merges each item onto the stored state with it.
 */
public interface AccountJsonMapper {

  /** Data, or the invalid fields (then data is null). */
  record Parsed(AccountData data, List<Problem.FieldError> errors) {}

  ObjectNode toJson(AccountData data);

  Parsed fromJson(JsonNode json);
}

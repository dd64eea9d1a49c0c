package io.kam.planning.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kam.chassis.http.MergePatch;
import io.kam.chassis.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.BadRequestException;
import java.util.Set;

/**
 * RFC 7386 on the writable fields of a resource: merge onto what is stored, read the result as the
 * request type (wrong types are 400 naming the field), validate it like a POST body (422).
 */
@ApplicationScoped
public class MergePatches {

  private final ObjectMapper json;
  private final Validator validator;

  public MergePatches(ObjectMapper json, Validator validator) {
    this.json = json;
    this.validator = validator;
  }

  public <T> T apply(Object current, JsonNode patch, Class<T> type, Set<String> readOnly) {
    if (patch == null || !patch.isObject()) {
      throw ProblemException.badRequest("a merge patch is a JSON object");
    }
    for (String field : readOnly) {
      if (patch.has(field)) {
        throw ProblemException.invalid(field, "cannot be changed with PATCH");
      }
    }
    JsonNode merged = MergePatch.apply(json.valueToTree(current), patch);
    T request;
    try {
      request = json.treeToValue(merged, type);
    } catch (JsonProcessingException e) {
      throw new BadRequestException(e); // answered as a 400 naming the field, like a bad POST body
    }
    var violations = validator.validate(request);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    return request;
  }
}

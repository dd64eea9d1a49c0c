package io.kam.account.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kam.account.domain.AccountData;
import io.kam.account.domain.AccountJsonMapper;
import io.kam.chassis.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Account data to and from the request shape, with the request's validation (400/422 rules). */
@ApplicationScoped
public class AccountRequestMapper implements AccountJsonMapper {

  private final ExactJson json;
  private final Validator validator;

  public AccountRequestMapper(ExactJson json, Validator validator) {
    this.json = json;
    this.validator = validator;
  }

  @Override
  public ObjectNode toJson(AccountData data) {
    return json.mapper().valueToTree(AccountRequest.of(data));
  }

  @Override
  public Parsed fromJson(JsonNode node) {
    AccountRequest request;
    try {
      request = json.mapper().convertValue(node, AccountRequest.class);
    } catch (IllegalArgumentException e) {
      if (e.getCause() instanceof JsonMappingException jme) {
        return new Parsed(null, List.of(ExactJson.fieldError(jme)));
      }
      return new Parsed(null, List.of(new Problem.FieldError("body", "is not an account")));
    }
    Set<ConstraintViolation<AccountRequest>> violations = validator.validate(request);
    if (!violations.isEmpty()) {
      return new Parsed(
          null,
          violations.stream()
              .map(v -> new Problem.FieldError(v.getPropertyPath().toString(), v.getMessage()))
              .sorted(Comparator.comparing(Problem.FieldError::field))
              .toList());
    }
    return new Parsed(request.toData(), List.of());
  }

  /** For PATCH: the merged request, or a 400 / 422 naming the fields. */
  public AccountRequest request(JsonNode node) {
    try {
      AccountRequest request = json.mapper().convertValue(node, AccountRequest.class);
      var violations = validator.validate(request);
      if (!violations.isEmpty()) {
        throw new jakarta.validation.ConstraintViolationException(violations);
      }
      return request;
    } catch (IllegalArgumentException e) {
      if (e.getCause() instanceof JsonMappingException jme) {
        Problem.FieldError error = ExactJson.fieldError(jme);
        throw new io.kam.chassis.problem.ProblemException(
            400,
            "Malformed request",
            error.field() + ": " + error.message(),
            List.of(error),
            java.util.Map.of());
      }
      throw io.kam.chassis.problem.ProblemException.badRequest("the body is not an account");
    }
  }
}

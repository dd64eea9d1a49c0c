package io.kam.account.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kam.account.domain.ContactData;
import io.kam.account.domain.ContactJsonMapper;
import io.kam.chassis.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;

/** Contact data to and from the request shape, with the request's validation (for the sync). */
@ApplicationScoped
public class ContactRequestMapper implements ContactJsonMapper {

  private final ExactJson json;
  private final Validator validator;

  public ContactRequestMapper(ExactJson json, Validator validator) {
    this.json = json;
    this.validator = validator;
  }

  @Override
  public ObjectNode toJson(ContactData data) {
    return json.mapper()
        .valueToTree(
            new ContactRequest(
                data.name(),
                data.title(),
                data.email(),
                data.phone(),
                data.buyingRole(),
                data.influence(),
                data.relationshipStrength(),
                data.reportsToContactId()));
  }

  @Override
  public Parsed fromJson(JsonNode node) {
    ContactRequest request;
    try {
      request = json.mapper().convertValue(node, ContactRequest.class);
    } catch (IllegalArgumentException e) {
      if (e.getCause() instanceof JsonMappingException jme) {
        return new Parsed(null, List.of(ExactJson.fieldError(jme)));
      }
      return new Parsed(null, List.of(new Problem.FieldError("item", "is not a contact")));
    }
    var violations = validator.validate(request);
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
}

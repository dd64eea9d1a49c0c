package io.kam.gateway.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kam.chassis.http.MergePatch;
import io.kam.chassis.input.QueryParams;
import io.kam.chassis.problem.ProblemException;
import io.kam.gateway.webhook.Subscription;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

/** A merge patch of a subscription: read, merged onto the current one, validated as a whole. */
@Singleton
public class WebhookPatches {

  private final ObjectMapper json;
  private final Validator validator;

  public WebhookPatches(ObjectMapper json, Validator validator) {
    this.json = json;
    this.validator = validator;
  }

  public JsonNode read(String body) {
    JsonNode patch;
    try {
      patch = body == null || body.isBlank() ? null : json.readTree(body);
    } catch (JsonProcessingException e) {
      throw QueryParams.bad("body", "is not JSON");
    }
    if (patch == null || !patch.isObject()) {
      throw QueryParams.bad("body", "a merge patch is a JSON object");
    }
    return patch;
  }

  public Subscription.Data apply(Subscription.Data current, JsonNode patch) {
    JsonNode merged = MergePatch.apply(json.valueToTree(WebhookRequest.of(current)), patch);
    WebhookRequest request;
    try {
      request = json.treeToValue(merged, WebhookRequest.class);
    } catch (JsonMappingException e) {
      String field = e.getPath().isEmpty() ? "body" : e.getPath().get(0).getFieldName();
      throw QueryParams.bad(field == null ? "body" : field, "has the wrong type or is unknown");
    } catch (JsonProcessingException e) {
      throw ProblemException.badRequest("the body is not a webhook subscription");
    }
    var violations = validator.validate(request);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    return request.toData();
  }
}

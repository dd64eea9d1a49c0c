package io.kam.chassis.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** An RFC 9457 problem details body; {@code errors} names the fields of a validation failure. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /**
   * One invalid field: {@code field} is the JSON path as the client sent it (e.g. items[3].amount).
   */
  public record FieldError(String field, String message) {}
}

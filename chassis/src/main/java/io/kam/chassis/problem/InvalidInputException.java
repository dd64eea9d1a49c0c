package io.kam.chassis.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * A value in a JSON body that parsed but can never be accepted (a NUL character, a date outside the
 * years 1..9999, a string over the global bound): the mapper answers 400 naming the field with
 * {@link #reason()}. Jackson adds the field path while the exception bubbles up.
 */
public class InvalidInputException extends JsonMappingException {

  private final String reason;

  public InvalidInputException(JsonParser parser, String reason) {
    super(parser, reason);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}

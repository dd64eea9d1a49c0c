package io.kam.scoring.domain.calc;

import java.util.List;

/** Thrown by {@link ModelValidator#toSpec} with every problem of the draft, not just the first. */
public class InvalidModelException extends RuntimeException {

  private final transient List<ModelError> errors;

  public InvalidModelException(List<ModelError> errors) {
    super("invalid scoring model: " + errors);
    this.errors = List.copyOf(errors);
  }

  public List<ModelError> errors() {
    return errors;
  }
}

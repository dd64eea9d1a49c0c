package io.kam.chassis.problem;

import java.util.List;
import java.util.Map;

/**
 * Thrown by any layer to answer with a problem: the one mapper turns it into problem+json. The
 * detail is meant for clients, so it never carries SQL, class names or stack traces.
 */
public class ProblemException extends RuntimeException {

  private final int status;
  private final String title;
  private final List<Problem.FieldError> errors;
  private final Map<String, String> headers;

  public ProblemException(
      int status,
      String title,
      String detail,
      List<Problem.FieldError> errors,
      Map<String, String> headers) {
    super(detail, null, false, false);
    this.status = status;
    this.title = title;
    this.errors = errors;
    this.headers = headers;
  }

  public static ProblemException badRequest(String detail) {
    return new ProblemException(400, "Bad request", detail, null, Map.of());
  }

  public static ProblemException notFound(String detail) {
    return new ProblemException(404, "Not found", detail, null, Map.of());
  }

  public static ProblemException forbidden(String detail) {
    return new ProblemException(403, "Forbidden", detail, null, Map.of());
  }

  public static ProblemException conflict(String detail) {
    return new ProblemException(409, "Conflict", detail, null, Map.of());
  }

  public static ProblemException preconditionFailed(String detail) {
    return new ProblemException(412, "Precondition failed", detail, null, Map.of());
  }

  public static ProblemException preconditionRequired(String detail) {
    return new ProblemException(428, "Precondition required", detail, null, Map.of());
  }

  public static ProblemException tooLarge(String detail) {
    return new ProblemException(413, "Payload too large", detail, null, Map.of());
  }

  public static ProblemException unprocessable(String detail) {
    return new ProblemException(422, "Unprocessable content", detail, null, Map.of());
  }

  public static ProblemException invalid(String field, String message) {
    return new ProblemException(
        422,
        "Validation failed",
        field + ": " + message,
        List.of(new Problem.FieldError(field, message)),
        Map.of());
  }

  public static ProblemException invalid(List<Problem.FieldError> errors) {
    return new ProblemException(
        422, "Validation failed", "the request has invalid fields", errors, Map.of());
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public List<Problem.FieldError> errors() {
    return errors;
  }

  public Map<String, String> headers() {
    return headers;
  }
}

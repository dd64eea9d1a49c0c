package io.kam.chassis.problem;

import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** Builds problem responses; the type URI names the status so clients can switch on it. */
public final class Problems {

  private Problems() {}

  public static Response response(
      int status, String title, String detail, String instance, List<Problem.FieldError> errors) {
    return response(status, title, detail, instance, errors, Map.of());
  }

  public static Response response(
      int status,
      String title,
      String detail,
      String instance,
      List<Problem.FieldError> errors,
      Map<String, String> headers) {
    Problem body = new Problem(typeOf(status), title, status, detail, instance, errors);
    Response.ResponseBuilder rb = Response.status(status).type(Problem.MEDIA_TYPE).entity(body);
    headers.forEach(rb::header);
    return rb.build();
  }

  public static String typeOf(int status) {
    return "https://kam.example/problems/" + status;
  }

  public static String titleOf(int status) {
    return switch (status) {
      case 400 -> "Bad request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not found";
      case 405 -> "Method not allowed";
      case 406 -> "Not acceptable";
      case 409 -> "Conflict";
      case 412 -> "Precondition failed";
      case 413 -> "Payload too large";
      case 415 -> "Unsupported media type";
      case 422 -> "Unprocessable content";
      case 428 -> "Precondition required";
      case 429 -> "Too many requests";
      case 502 -> "Bad gateway";
      case 503 -> "Service unavailable";
      case 504 -> "Gateway timeout";
      default -> status >= 500 ? "Internal error" : "Request failed";
    };
  }
}

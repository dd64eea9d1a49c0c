package io.kam.chassis.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where failures become problem+json: every status a client can see is built here,
 * and nothing internal (SQL, class names, stack traces) ever reaches the body.
 */
public class ProblemMappers {

  @ServerExceptionMapper
  public Response problem(ProblemException e, UriInfo uri) {
    return Problems.response(
        e.status(), e.title(), e.getMessage(), path(uri), e.errors(), e.headers());
  }

  @ServerExceptionMapper
  public Response violations(ConstraintViolationException e, UriInfo uri) {
    List<Problem.FieldError> errors = ViolationPaths.toFieldErrors(e.getConstraintViolations());
    int status = errors.isEmpty() ? 500 : 422;
    if (status == 500) {
      Log.error("a response failed validation", e);
      return Problems.response(
          500, Problems.titleOf(500), "an unexpected error occurred", path(uri), null);
    }
    if (ViolationPaths.exceedsDocumentedBound(e.getConstraintViolations())) {
      // A value longer (or a list longer) than its documented maxLength/maxItems is malformed
      // input, like any other value out of the published bounds: 400, naming every field.
      return Problems.response(
          400, "Bad request", "a value exceeds its documented maximum size", path(uri), errors);
    }
    return Problems.response(
        422, "Validation failed", "the request has invalid fields", path(uri), errors);
  }

  @ServerExceptionMapper
  public Response badJson(JsonProcessingException e, UriInfo uri) {
    if (e instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
      Problem.FieldError error = fieldErrorOf(jme);
      return Problems.response(
          400,
          "Malformed request",
          error.field() + ": " + error.message(),
          path(uri),
          List.of(error));
    }
    return Problems.response(
        400, "Malformed request", "the body is not valid JSON", path(uri), null);
  }

  /** More specific than Quarkus's own mapper for this type, which would answer without a field. */
  @ServerExceptionMapper
  public Response mismatchedInput(
      com.fasterxml.jackson.databind.exc.MismatchedInputException e, UriInfo uri) {
    return badJson(e, uri);
  }

  /**
   * The field a JSON mapping failure names and why, as a client reads it; for code that maps JSON
   * trees itself (merge patches, bulk items) and must answer exactly like a body would be.
   */
  public static Problem.FieldError fieldErrorOf(JsonMappingException e) {
    return new Problem.FieldError(JsonPaths.of(e.getPath()), describe(e));
  }

  private static String describe(JsonMappingException e) {
    if (e instanceof UnrecognizedPropertyException) {
      return "unknown field";
    }
    if (e instanceof InvalidInputException iie) {
      return iie.reason();
    }
    if (e instanceof InvalidFormatException ife) {
      Class<?> target = ife.getTargetType();
      if (target != null && target.isEnum()) {
        return "must be one of " + Arrays.toString(target.getEnumConstants());
      }
      return "has the wrong format or type";
    }
    return "has the wrong type";
  }

  @ServerExceptionMapper
  public Response unauthorized(UnauthorizedException e, UriInfo uri) {
    return unauthenticated(uri);
  }

  @ServerExceptionMapper
  public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
    return unauthenticated(uri);
  }

  private Response unauthenticated(UriInfo uri) {
    return Problems.response(
        401,
        "Unauthorized",
        "valid credentials are required",
        path(uri),
        null,
        Map.of("WWW-Authenticate", "Bearer"));
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e, UriInfo uri) {
    return Problems.response(
        403, "Forbidden", "the caller's roles do not allow this", path(uri), null);
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e, UriInfo uri) {
    int status = e.getResponse().getStatus();
    String detail =
        switch (status) {
          case 404 -> "nothing is served at this path";
          case 405 -> "this method is not allowed here";
          case 406 -> "no acceptable representation";
          case 415 -> "this media type is not supported here";
          case 413 -> "the body is too large";
          default ->
              status >= 500 ? "an unexpected error occurred" : "the request cannot be processed";
        };
    if (status == 400 && e.getCause() instanceof JsonProcessingException jpe) {
      return badJson(jpe, uri);
    }
    if (status == 404
        && e.getMessage() != null
        && e.getClass() != jakarta.ws.rs.NotFoundException.class) {
      detail = "not found";
    }
    return Problems.response(status, Problems.titleOf(status), detail, path(uri), null);
  }

  @ServerExceptionMapper
  public Response constraint(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
    Log.debugf("database constraint %s refused a write", e.getConstraintName());
    return database(e, uri);
  }

  /** A statement run through the chassis's {@code sql.Jdbc}: answered by its SQLState. */
  @ServerExceptionMapper
  public Response databaseFailure(DatabaseFailure e, UriInfo uri) {
    return database(e, uri);
  }

  private Response database(Throwable e, UriInfo uri) {
    return DatabaseErrors.problemOf(e)
        .map(p -> problem(p, uri))
        .orElseGet(() -> unexpected(e, uri));
  }

  @ServerExceptionMapper
  public Response optimisticLock(jakarta.persistence.OptimisticLockException e, UriInfo uri) {
    return concurrent(uri);
  }

  @ServerExceptionMapper
  public Response staleState(org.hibernate.StaleStateException e, UriInfo uri) {
    return concurrent(uri);
  }

  @ServerExceptionMapper
  public Response lockFailed(org.hibernate.exception.LockAcquisitionException e, UriInfo uri) {
    return concurrent(uri);
  }

  @ServerExceptionMapper
  public Response pessimisticLock(jakarta.persistence.PessimisticLockException e, UriInfo uri) {
    return concurrent(uri);
  }

  private Response concurrent(UriInfo uri) {
    return Problems.response(
        409,
        "Conflict",
        "the resource was changed concurrently; read it again and retry",
        path(uri),
        null);
  }

  @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
  public Response unexpected(Throwable e, UriInfo uri) {
    var database = DatabaseErrors.problemOf(e);
    if (database.isPresent()) {
      Log.debugf("a database error answered as %d: %s", database.get().status(), e);
      return problem(database.get(), uri);
    }
    Log.error("unexpected failure", e);
    return Problems.response(
        500, Problems.titleOf(500), "an unexpected error occurred", path(uri), null);
  }

  private static String path(UriInfo uri) {
    return uri == null ? null : uri.getPath();
  }
}

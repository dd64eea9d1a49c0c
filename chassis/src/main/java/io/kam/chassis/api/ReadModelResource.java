package io.kam.chassis.api;

import io.kam.chassis.problem.ProblemException;
import io.kam.chassis.rebuild.ReadModelRebuilds;
import io.kam.chassis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Admins see the read models this service keeps from other services' events and rebuild one by
 * replaying its topics from the beginning (after a handler fix, or to prove the topics hold
 * everything). The rebuild runs in the background; its state is read from the same resource.
 */
@Path("/api/v1/admin/{service}/read-models")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "operations")
public class ReadModelResource {

  /** This service's read models and the state of each one's last rebuild in this process. */
  public record ReadModels(List<ReadModelRebuilds.Status> items) {}

  private final ReadModelRebuilds rebuilds;
  private final String service;

  public ReadModelResource(
      ReadModelRebuilds rebuilds, @ConfigProperty(name = "kam.service.name") String service) {
    this.rebuilds = rebuilds;
    this.service = service;
  }

  @GET
  @Operation(summary = "List this service's read models and their rebuild state")
  public ReadModels list(@PathParam("service") String svc) {
    requireThisService(svc);
    return new ReadModels(rebuilds.all());
  }

  @GET
  @Path("/{name}")
  @Operation(
      summary = "A read model's rebuild state",
      description =
          "IDLE (never rebuilt since the process started), WAITING (for the batch in progress),"
              + " REBUILDING (eventsReplayed so far, eventsRemaining up to the end offsets the"
              + " replay started with), DONE or FAILED.")
  public ReadModelRebuilds.Status status(
      @PathParam("service") String svc,
      @Parameter(
              description = "the read model's name, from the list",
              schema = @Schema(pattern = "^[a-z][a-z0-9-]{0,39}$", maxLength = 40))
          @PathParam("name")
          String name) {
    requireThisService(svc);
    return rebuilds.status(name).orElseThrow(() -> notFound(name));
  }

  @POST
  @Path("/{name}/rebuild")
  @Operation(
      summary = "Rebuild a read model by replaying its topics from the beginning",
      description =
          "Holds this process's consumers of the read model's topics, empties the read model and"
              + " the consumer's positions for its producers in one transaction, replays the topics"
              + " from their beginning, then lets the consumers resume. The service keeps answering"
              + " meanwhile, from a read model that fills up again. Refused while more than one instance consumes the topics.")
  @APIResponse(
      responseCode = "202",
      description = "Started; poll the read model's state until DONE",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ReadModelRebuilds.Status.class)))
  @APIResponse(
      responseCode = "409",
      description = "A rebuild is running, or more than one instance consumes its topics",
      content =
          @Content(
              mediaType = "application/problem+json",
              schema = @Schema(implementation = io.kam.chassis.problem.Problem.class)))
  public Response rebuild(
      @PathParam("service") String svc,
      @Parameter(
              description = "the read model's name, from the list",
              schema = @Schema(pattern = "^[a-z][a-z0-9-]{0,39}$", maxLength = 40))
          @PathParam("name")
          String name) {
    requireThisService(svc);
    ReadModelRebuilds.Started started = rebuilds.start(name).orElseThrow(() -> notFound(name));
    if (!started.started()) {
      throw ProblemException.conflict(started.refusal());
    }
    return Response.accepted(started.status()).build();
  }

  private ProblemException notFound(String name) {
    return ProblemException.notFound("no read model " + name + " in " + service);
  }

  private void requireThisService(String svc) {
    if (!service.equals(svc)) {
      throw ProblemException.notFound("no service " + svc + " here");
    }
  }
}

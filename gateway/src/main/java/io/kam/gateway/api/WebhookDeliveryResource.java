package io.kam.gateway.api;

import io.kam.chassis.input.QueryParams;
import io.kam.chassis.paging.Cursors;
import io.kam.chassis.paging.Page;
import io.kam.chassis.paging.PageRequest;
import io.kam.chassis.problem.ProblemException;
import io.kam.chassis.security.Caller;
import io.kam.chassis.security.Roles;
import io.kam.gateway.webhook.DeliveryLog;
import io.kam.gateway.webhook.Subscriptions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A subscription's delivery log, newest first, and manual redelivery of one delivery. */
@Path("/api/v1/webhooks/{id}/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.INTEGRATION})
@Tag(name = "gateway")
public class WebhookDeliveryResource {

  private static final List<String> STATUSES = List.of("PENDING", "DELIVERED", "FAILED");

  private final Subscriptions subscriptions;
  private final DeliveryLog log;
  private final Caller caller;
  private final Cursors cursors;

  public WebhookDeliveryResource(
      Subscriptions subscriptions, DeliveryLog log, Caller caller, Cursors cursors) {
    this.subscriptions = subscriptions;
    this.log = log;
    this.caller = caller;
    this.cursors = cursors;
  }

  @GET
  @Operation(
      summary = "A subscription's delivery log, newest first",
      description =
          "Per delivery: attempts, status, when it goes next, and of the last attempt the"
              + " response code, latency, error and the first bytes of the answer.")
  public Page<WebhookDeliveryView> list(
      @PathParam("id") String id,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor,
      @Parameter(
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"PENDING", "DELIVERED", "FAILED"}))
          @QueryParam("status")
          String status) {
    UUID webhook = visible(id);
    String state = status == null ? null : QueryParams.oneOf("status", status, STATUSES);
    PageRequest page =
        PageRequest.of(
            cursors,
            Cursors.scope("webhook-deliveries", "webhook", webhook.toString(), "status", state),
            limit,
            cursor);
    String position = page.after("position");
    String after = page.after("id");
    return page.of(
        log.page(
            webhook,
            state,
            position == null ? null : Long.valueOf(position),
            after == null ? null : UUID.fromString(after),
            page.fetchSize()),
        d -> Map.of("position", Long.toString(d.position()), "id", d.id().toString()),
        WebhookDeliveryView::of);
  }

  @POST
  @Path("/{deliveryId}/redeliver")
  @Operation(
      summary = "Send one delivery again",
      description =
          "It goes again in its place: later events of the same account wait until it is"
              + " delivered (or has failed for the retry period).")
  @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(
      responseCode = "202",
      description = "Queued to be sent again")
  public Response redeliver(
      @PathParam("id") String id, @PathParam("deliveryId") String deliveryId) {
    UUID webhook = visible(id);
    UUID delivery = QueryParams.requiredUuid("deliveryId", deliveryId);
    if (!log.redeliver(webhook, delivery)) {
      throw ProblemException.notFound("no delivery " + delivery + " of webhook " + webhook);
    }
    return Response.accepted().build();
  }

  private UUID visible(String id) {
    UUID webhook = QueryParams.requiredUuid("id", id);
    subscriptions.get(webhook, caller.hasRole(Roles.ADMIN) ? null : caller.origin());
    return webhook;
  }
}

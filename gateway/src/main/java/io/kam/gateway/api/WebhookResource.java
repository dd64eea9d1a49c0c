package io.kam.gateway.api;

import io.kam.chassis.http.Idempotency;
import io.kam.chassis.http.MergePatch;
import io.kam.chassis.http.Preconditions;
import io.kam.chassis.input.QueryParams;
import io.kam.chassis.paging.Cursors;
import io.kam.chassis.paging.Page;
import io.kam.chassis.paging.PageRequest;
import io.kam.chassis.security.Caller;
import io.kam.chassis.security.Roles;
import io.kam.gateway.config.PublicUrls;
import io.kam.gateway.webhook.DeliveryLog;
import io.kam.gateway.webhook.Subscription;
import io.kam.gateway.webhook.Subscriptions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Outbound webhook subscriptions: an admin manages all, an integration partner its own (anyone
 * else's is 404 to it). The signing secret is in the creation and rotation answers only.
 */
@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.INTEGRATION})
@Tag(name = "gateway")
public class WebhookResource {

  /** Never stored with a replayable response. */
  private static final Set<String> SECRET_FIELDS = Set.of("secret");

  private final Subscriptions subscriptions;
  private final WebhookPatches patches;
  private final Caller caller;
  private final Idempotency idempotency;
  private final PublicUrls publicUrls;
  private final Cursors cursors;
  private final DeliveryLog log;

  public WebhookResource(
      Subscriptions subscriptions,
      WebhookPatches patches,
      Caller caller,
      Idempotency idempotency,
      PublicUrls publicUrls,
      Cursors cursors,
      DeliveryLog log) {
    this.log = log;
    this.subscriptions = subscriptions;
    this.patches = patches;
    this.caller = caller;
    this.idempotency = idempotency;
    this.publicUrls = publicUrls;
    this.cursors = cursors;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Subscribe to events (the signing secret is in this response only)",
      description =
          "Deliveries follow Standard Webhooks: the CloudEvent as the JSON body, headers"
              + " `webhook-id`, `webhook-timestamp` and `webhook-signature` (`v1,` + base64"
              + " HMAC-SHA256 of `id.timestamp.body` keyed with the secret's base64-decoded bytes)."
              + " Per subscription and account, events arrive in order. With an `Idempotency-Key`"
              + " a repeat answers the first response with `secret: null`.")
  @APIResponse(
      responseCode = "201",
      description = "Subscribed",
      content = @Content(schema = @Schema(implementation = WebhookSecretView.class)))
  public Response create(
      @HeaderParam(Idempotency.HEADER) String key,
      @HeaderParam("Host") String host,
      @Context UriInfo uri,
      @Valid @NotNull WebhookRequest request) {
    String base = publicUrls.base(uri.getBaseUri().getScheme(), host);
    String origin = caller.origin();
    return idempotency.run(
        key,
        origin + " POST /api/v1/webhooks",
        request,
        () -> {
          WebhookSecretView created =
              WebhookSecretView.of(subscriptions.create(request.toData(), origin));
          return Response.created(URI.create(base + "/api/v1/webhooks/" + created.webhook().id()))
              .header("ETag", Preconditions.etag(created.webhook().version()))
              .entity(created)
              .build();
        },
        SECRET_FIELDS);
  }

  @GET
  @Operation(summary = "List webhook subscriptions (an integration key sees its own), oldest first")
  public Page<WebhookView> list(
      @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
    String viewer = viewer();
    PageRequest page =
        PageRequest.of(
            cursors, Cursors.scope("webhooks", "viewer", String.valueOf(viewer)), limit, cursor);
    String at = page.after("createdAt");
    String id = page.after("id");
    return page.of(
        subscriptions.page(
            viewer,
            at == null ? null : Instant.parse(at),
            id == null ? null : UUID.fromString(id),
            page.fetchSize()),
        s -> Map.of("createdAt", s.createdAt().toString(), "id", s.id().toString()),
        WebhookView::of);
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One webhook subscription (without its secret)")
  @APIResponse(
      responseCode = "200",
      description = "The subscription",
      content = @Content(schema = @Schema(implementation = WebhookView.class)))
  public Response get(@PathParam("id") String id) {
    return withEtag(subscriptions.get(QueryParams.requiredUuid("id", id), viewer()));
  }

  @PATCH
  @Path("/{id}")
  @Consumes(MergePatch.MEDIA_TYPE)
  @Operation(
      summary = "Merge-patch a webhook subscription (If-Match); status ENABLED re-enables it")
  @APIResponse(
      responseCode = "200",
      description = "The subscription as changed",
      content = @Content(schema = @Schema(implementation = WebhookView.class)))
  public Response patch(
      @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String body) {
    UUID webhook = QueryParams.requiredUuid("id", id);
    String viewer = viewer();
    subscriptions.get(webhook, viewer); // 404 before 400/428/412: nothing leaks to a stranger
    var patch = patches.read(body);
    return withEtag(
        subscriptions.change(webhook, ifMatch, current -> patches.apply(current, patch), viewer));
  }

  @DELETE
  @Path("/{id}")
  @Operation(summary = "Delete a webhook subscription and its delivery log (If-Match)")
  @APIResponse(responseCode = "204", description = "Deleted")
  public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
    subscriptions.delete(QueryParams.requiredUuid("id", id), ifMatch, viewer());
    return Response.noContent().build();
  }

  @POST
  @Path("/{id}/rotate-secret")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Rotate the signing secret (the new one is in this response only)",
      description =
          "From now on the new secret signs; the previous one signs too (a second `v1,` signature"
              + " in `webhook-signature`) for `overlapSeconds` (default 24 hours), so a receiver"
              + " can switch without losing a delivery.")
  @APIResponse(
      responseCode = "200",
      description = "The new secret",
      content = @Content(schema = @Schema(implementation = WebhookSecretView.class)))
  public Response rotate(@PathParam("id") String id, @Valid RotateWebhookSecret request) {
    Duration overlap =
        request == null || request.overlapSeconds() == null
            ? null
            : Duration.ofSeconds(request.overlapSeconds());
    WebhookSecretView rotated =
        WebhookSecretView.of(
            subscriptions.rotate(QueryParams.requiredUuid("id", id), overlap, viewer()));
    return Response.ok(rotated)
        .header("ETag", Preconditions.etag(rotated.webhook().version()))
        .header("Cache-Control", "no-store")
        .build();
  }

  @POST
  @Path("/{id}/replay")
  @Operation(
      summary = "Send again every event since a time",
      description =
          "Every event the gateway received since `from` (it keeps them for 7 days by default)"
              + " that the subscription matches as configured now is queued again, in the order"
              + " received; receivers dedupe on `webhook-id`.")
  @APIResponse(
      responseCode = "202",
      description = "Queued",
      content = @Content(schema = @Schema(implementation = WebhookReplayView.class)))
  public Response replay(
      @PathParam("id") String id,
      @Parameter(
              required = true,
              description = "ISO-8601 instant, e.g. 2026-11-01T00:00:00Z",
              schema = @Schema(type = SchemaType.STRING, format = "date-time"))
          @QueryParam("from")
          String from) {
    UUID webhook = QueryParams.requiredUuid("id", id);
    String viewer = viewer();
    subscriptions.get(webhook, viewer);
    Instant since = QueryParams.instant("from", from);
    if (since == null) {
      throw QueryParams.bad("from", "is required (an ISO-8601 instant)");
    }
    return Response.accepted(new WebhookReplayView(since, log.replay(webhook, since))).build();
  }

  /** Null for an admin (sees every subscription), the caller's origin otherwise. */
  String viewer() {
    return caller.hasRole(Roles.ADMIN) ? null : caller.origin();
  }

  private static Response withEtag(Subscription s) {
    return Response.ok(WebhookView.of(s)).header("ETag", Preconditions.etag(s.version())).build();
  }
}

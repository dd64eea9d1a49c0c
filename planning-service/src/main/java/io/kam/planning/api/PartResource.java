package io.kam.planning.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.kam.chassis.http.Idempotency;
import io.kam.chassis.http.MergePatch;
import io.kam.chassis.http.Preconditions;
import io.kam.chassis.input.QueryParams;
import io.kam.chassis.security.Caller;
import io.kam.chassis.security.Roles;
import io.kam.planning.api.PartKind.Shown;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The HTTP shape every kind of plan part (objectives, actions, risks, opportunities) shares,
 * written once: ids parsed, Idempotency-Key honoured on create, If-Match required on patch and
 * delete, ETag on every single part. A kind is a subclass that fixes the type parameters, so the
 * OpenAPI document shows its own request ({@code R}) and response ({@code V}) schemas, and names
 * its path and {@link PartKind}; {@link InheritedOperations} completes their OpenAPI operations.
 */
public abstract class PartResource<R, V> {

  /** Where a summary names the kind; replaced by the path's noun in the OpenAPI document. */
  public static final String PARTS = "{parts}";

  /**
   * Quarkus documents the roles of @RolesAllowed (and the 401/403 answers) only for methods the
   * resource class declares itself, so these inherited operations state their roles, on Quarkus's
   * default scheme name, and {@link InheritedOperations} adds the answers.
   */
  static final String SECURITY_SCHEME = "SecurityScheme";

  private final PartKind<?, ?, R, V> kind;
  private final Idempotency idempotency;
  private final Caller caller;
  private final MergePatches patches;

  PartResource(
      PartKind<?, ?, R, V> kind, Idempotency idempotency, Caller caller, MergePatches patches) {
    this.kind = kind;
    this.idempotency = idempotency;
    this.caller = caller;
    this.patches = patches;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.KAM, Roles.KAM_MANAGER, Roles.ADMIN})
  @SecurityRequirement(
      name = SECURITY_SCHEME,
      scopes = {Roles.KAM, Roles.KAM_MANAGER, Roles.ADMIN})
  @Operation(summary = "Add one of the " + PARTS + " of a plan")
  @APIResponse(responseCode = "201", description = "created")
  @APIResponse(responseCode = "409", description = "the plan is COMPLETED or ARCHIVED")
  public RestResponse<V> create(
      @PathParam("planId") String planId,
      @HeaderParam(Idempotency.HEADER) String key,
      @Valid @NotNull R req) {
    UUID plan = QueryParams.requiredUuid("planId", planId);
    String collection = "/api/v1/plans/" + plan + "/" + kind.segment();
    return TypedResponses.of(
        idempotency.run(
            key,
            caller.origin() + " POST " + collection,
            req,
            () -> {
              Shown<V> part = kind.create(plan, req);
              return Response.created(URI.create(collection + "/" + part.id()))
                  .header("ETag", Preconditions.etag(part.version()))
                  .entity(part.view())
                  .build();
            }));
  }

  @GET
  @RolesAllowed({Roles.VIEWER, Roles.KAM, Roles.KAM_MANAGER, Roles.INTEGRATION, Roles.ADMIN})
  @SecurityRequirement(
      name = SECURITY_SCHEME,
      scopes = {Roles.VIEWER, Roles.KAM, Roles.KAM_MANAGER, Roles.INTEGRATION, Roles.ADMIN})
  @Operation(summary = "The " + PARTS + " of a plan")
  public Items<V> list(@PathParam("planId") String planId) {
    return new Items<>(kind.list(QueryParams.requiredUuid("planId", planId)));
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.VIEWER, Roles.KAM, Roles.KAM_MANAGER, Roles.INTEGRATION, Roles.ADMIN})
  @SecurityRequirement(
      name = SECURITY_SCHEME,
      scopes = {Roles.VIEWER, Roles.KAM, Roles.KAM_MANAGER, Roles.INTEGRATION, Roles.ADMIN})
  @Operation(summary = "One of the " + PARTS + " of a plan")
  public RestResponse<V> get(@PathParam("planId") String planId, @PathParam("id") String rawId) {
    return ok(
        kind.get(
            QueryParams.requiredUuid("planId", planId), QueryParams.requiredUuid("id", rawId)));
  }

  @PATCH
  @Path("/{id}")
  @Consumes(MergePatch.MEDIA_TYPE)
  @RolesAllowed({Roles.KAM, Roles.KAM_MANAGER, Roles.ADMIN})
  @SecurityRequirement(
      name = SECURITY_SCHEME,
      scopes = {Roles.KAM, Roles.KAM_MANAGER, Roles.ADMIN})
  @Operation(summary = "Change one of the " + PARTS + " of a plan (merge patch, If-Match)")
  @APIResponse(responseCode = "412", description = "If-Match is stale")
  @APIResponse(responseCode = "428", description = "If-Match is missing")
  public RestResponse<V> patch(
      @PathParam("planId") String planId,
      @PathParam("id") String rawId,
      @HeaderParam("If-Match") String ifMatch,
      JsonNode patch) {
    UUID plan = QueryParams.requiredUuid("planId", planId);
    UUID id = QueryParams.requiredUuid("id", rawId);
    // Authorization first: a caller who may not write gets 403, never a 428 or a 412 naming the
    // version.
    kind.checkWritable(plan);
    // The merge is computed by the service on the part as locked for this write, after
    // authorization
    // and If-Match, never on an earlier read.
    return ok(
        kind.update(
            plan,
            id,
            ifMatch,
            current -> patches.apply(current, patch, kind.requestType(), PartEditables.READ_ONLY)));
  }

  @DELETE
  @Path("/{id}")
  @RolesAllowed({Roles.KAM, Roles.KAM_MANAGER, Roles.ADMIN})
  @SecurityRequirement(
      name = SECURITY_SCHEME,
      scopes = {Roles.KAM, Roles.KAM_MANAGER, Roles.ADMIN})
  @Operation(summary = "Remove one of the " + PARTS + " of a plan (If-Match)")
  public void delete(
      @PathParam("planId") String planId,
      @PathParam("id") String rawId,
      @HeaderParam("If-Match") String ifMatch) {
    kind.delete(
        QueryParams.requiredUuid("planId", planId), QueryParams.requiredUuid("id", rawId), ifMatch);
  }

  private RestResponse<V> ok(Shown<V> part) {
    return RestResponse.ResponseBuilder.ok(part.view())
        .header("ETag", Preconditions.etag(part.version()))
        .build();
  }
}

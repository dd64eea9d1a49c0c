package io.kam.gateway.api;

import io.kam.chassis.http.Idempotency;
import io.kam.chassis.paging.Page;
import io.kam.chassis.problem.ProblemException;
import io.kam.chassis.security.Caller;
import io.kam.chassis.security.Roles;
import io.kam.gateway.apikey.ApiKeyIssuer;
import io.kam.gateway.apikey.ApiKeyStore;
import io.kam.gateway.config.PublicUrls;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admins issue, list and revoke integration partners' API keys; the secret is shown once. */
@Path("/api/v1/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "gateway")
public class ApiKeyResource {

  public record CreateApiKey(
      @NotBlank
          @Size(max = 100)
          @Pattern(regexp = "[A-Za-z0-9._-]+", message = "letters, digits, '.', '_' and '-' only")
          String name,
      @NotNull @NotEmpty
          List<
                  @NotNull
                  @Pattern(
                      regexp = "viewer|kam|kam-manager|integration|admin",
                      message = "must be one of viewer, kam, kam-manager, integration, admin")
                  String>
              roles) {}

  public record ApiKeyView(
      UUID id,
      String name,
      String prefix,
      Set<String> roles,
      Instant createdAt,
      String createdBy,
      Instant revokedAt) {
    static ApiKeyView of(ApiKeyStore.StoredKey k) {
      return new ApiKeyView(
          k.id(), k.name(), k.prefix(), k.roles(), k.createdAt(), k.createdBy(), k.revokedAt());
    }
  }

  /** Only this response ever contains {@code key}. */
  public record IssuedApiKey(
      UUID id, String name, String prefix, Set<String> roles, Instant createdAt, String key) {}

  /** Never stored with a replayable response. */
  private static final Set<String> SECRET_FIELDS = Set.of("key");

  private final ApiKeyIssuer issuer;
  private final ApiKeyStore store;
  private final Caller caller;
  private final Idempotency idempotency;
  private final PublicUrls publicUrls;

  public ApiKeyResource(
      ApiKeyIssuer issuer,
      ApiKeyStore store,
      Caller caller,
      Idempotency idempotency,
      PublicUrls publicUrls) {
    this.publicUrls = publicUrls;
    this.issuer = issuer;
    this.store = store;
    this.caller = caller;
    this.idempotency = idempotency;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Issue an API key (the secret is in this response only)",
      description =
          "The secret (`key`) is in this response only; the gateway keeps just its hash. With an"
              + " `Idempotency-Key`, a repeated request answers the first response again (201, same `id`,"
              + " `Idempotent-Replayed: true`) but with `key: null`: the stored copy of the response never"
              + " holds the secret, in clear or otherwise. A client that lost the first response revokes"
              + " that key and issues a new one.")
  @APIResponse(
      responseCode = "201",
      description = "The issued key, with its secret (`key`) this once",
      content = @Content(schema = @Schema(implementation = IssuedApiKey.class)))
  public Response create(
      @HeaderParam(Idempotency.HEADER) String key,
      @HeaderParam("Host") String host,
      @Context UriInfo uri,
      @Valid @NotNull CreateApiKey request) {
    String base = publicUrls.base(uri.getBaseUri().getScheme(), host);
    return idempotency.run(
        key,
        caller.origin() + " POST /api/v1/api-keys",
        request,
        () -> {
          ApiKeyIssuer.Issued created =
              issuer.issue(request.name(), Set.copyOf(request.roles()), caller.origin());
          ApiKeyStore.StoredKey k = created.key();
          IssuedApiKey issued =
              new IssuedApiKey(
                  k.id(), k.name(), k.prefix(), k.roles(), k.createdAt(), created.secret());
          // Absolute and public: JAX-RS would otherwise resolve a relative one against the address
          // it was called on.
          return Response.created(URI.create(base + "/api/v1/api-keys/" + issued.id()))
              .entity(issued)
              .build();
        },
        SECRET_FIELDS);
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One API key (without its secret), revoked or not")
  @APIResponse(
      responseCode = "200",
      description = "The key",
      content = @Content(schema = @Schema(implementation = ApiKeyView.class)))
  public ApiKeyView get(@PathParam("id") UUID id) {
    return store
        .byId(id)
        .map(ApiKeyView::of)
        .orElseThrow(() -> ProblemException.notFound("no API key " + id));
  }

  @GET
  @Operation(summary = "List API keys (without secrets); there are few, so one page holds them all")
  public Page<ApiKeyView> list() {
    return new Page<>(store.list().stream().map(ApiKeyView::of).toList(), null);
  }

  @DELETE
  @Path("/{id}")
  @Operation(summary = "Revoke an API key; it stops working at once on every gateway instance")
  @APIResponse(responseCode = "204", description = "Revoked")
  public Response revoke(@PathParam("id") UUID id) {
    ApiKeyStore.StoredKey k =
        store.byId(id).orElseThrow(() -> ProblemException.notFound("no API key " + id));
    issuer.revoke(k);
    return Response.noContent().build();
  }
}

package io.kam.account.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.kam.account.domain.AccountFilter;
import io.kam.account.domain.AccountQueries;
import io.kam.account.domain.AccountService;
import io.kam.account.domain.AccountSort;
import io.kam.account.domain.AccountView;
import io.kam.account.domain.Lifecycle;
import io.kam.account.domain.RelationshipStage;
import io.kam.chassis.http.Idempotency;
import io.kam.chassis.http.MergePatch;
import io.kam.chassis.http.Preconditions;
import io.kam.chassis.input.QueryParams;
import io.kam.chassis.paging.Cursors;
import io.kam.chassis.paging.Page;
import io.kam.chassis.paging.PageRequest;
import io.kam.chassis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "accounts")
@RolesAllowed({Roles.VIEWER, Roles.KAM, Roles.KAM_MANAGER, Roles.INTEGRATION, Roles.ADMIN})
public class AccountResource {

  private final AccountService accounts;
  private final AccountQueries queries;
  private final AccountRequestMapper mapper;
  private final ExactJson json;
  private final Idempotency idempotency;
  private final Cursors cursors;
  private final Actors actors;

  public AccountResource(
      AccountService accounts,
      AccountQueries queries,
      AccountRequestMapper mapper,
      ExactJson json,
      Idempotency idempotency,
      Cursors cursors,
      Actors actors) {
    this.accounts = accounts;
    this.queries = queries;
    this.mapper = mapper;
    this.json = json;
    this.idempotency = idempotency;
    this.cursors = cursors;
    this.actors = actors;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.KAM, Roles.KAM_MANAGER, Roles.ADMIN})
  @Operation(summary = "Create an account (honours Idempotency-Key)")
  @APIResponse(
      responseCode = "201",
      description = "Created (ETag: version 1; Location: its URL)",
      headers =
          @Header(
              name = "ETag",
              description = "the version, for If-Match",
              schema = @Schema(type = SchemaType.STRING, maxLength = 30)),
      content = @Content(schema = @Schema(implementation = AccountView.class)))
  public Response create(
      @HeaderParam(Idempotency.HEADER) String key, @Valid @NotNull AccountRequest request) {
    return idempotency.run(
        key,
        actors.origin() + " POST /api/v1/accounts",
        request,
        () -> {
          AccountView a = accounts.create(request.toData(), actors.current());
          return Response.created(URI.create("/api/v1/accounts/" + a.id()))
              .header("ETag", Preconditions.etag(a.version()))
              .entity(a)
              .build();
        });
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "Read an account")
  @APIResponse(
      responseCode = "200",
      description = "The account (ETag: its version)",
      headers =
          @Header(
              name = "ETag",
              description = "the version, for If-Match",
              schema = @Schema(type = SchemaType.STRING, maxLength = 30)),
      content = @Content(schema = @Schema(implementation = AccountView.class)))
  public Response get(@PathParam("id") String id) {
    return withEtag(accounts.get(QueryParams.uuid("id", id)));
  }

  @PUT
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.KAM, Roles.KAM_MANAGER, Roles.ADMIN})
  @Operation(summary = "Replace an account (If-Match)")
  @APIResponse(
      responseCode = "200",
      description = "The account (ETag: its version)",
      headers =
          @Header(
              name = "ETag",
              description = "the version, for If-Match",
              schema = @Schema(type = SchemaType.STRING, maxLength = 30)),
      content = @Content(schema = @Schema(implementation = AccountView.class)))
  public Response replace(
      @PathParam("id") String id,
      @HeaderParam("If-Match") String ifMatch,
      @Valid @NotNull AccountRequest request) {
    return withEtag(
        accounts.replace(QueryParams.uuid("id", id), ifMatch, request.toData(), actors.current()));
  }

  @PATCH
  @Path("/{id}")
  @Consumes(MergePatch.MEDIA_TYPE)
  @RolesAllowed({Roles.KAM, Roles.KAM_MANAGER, Roles.ADMIN})
  @Operation(summary = "Merge-patch an account (If-Match)")
  @APIResponse(
      responseCode = "200",
      description = "The account (ETag: its version)",
      headers =
          @Header(
              name = "ETag",
              description = "the version, for If-Match",
              schema = @Schema(type = SchemaType.STRING, maxLength = 30)),
      content = @Content(schema = @Schema(implementation = AccountView.class)))
  public Response patch(
      @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String body)
      throws JsonProcessingException {
    UUID accountId = QueryParams.uuid("id", id);
    // Authorization first: a caller who may not write learns nothing from 400, 428 or 412.
    accounts.checkWritable(accountId, actors.current());
    JsonNode patch = json.read(body);
    if (!patch.isObject()) {
      throw QueryParams.bad("body", "a merge patch is a JSON object");
    }
    // Merged onto the row as locked by the write, never onto an earlier read (If-Match: *
    // included).
    return withEtag(
        accounts.change(
            accountId,
            ifMatch,
            current -> mapper.request(MergePatch.apply(mapper.toJson(current), patch)).toData(),
            actors.current()));
  }

  @DELETE
  @Path("/{id}")
  @RolesAllowed({Roles.KAM, Roles.KAM_MANAGER, Roles.ADMIN})
  @Operation(summary = "Delete an account (soft; If-Match; refused while it has children)")
  @APIResponse(responseCode = "204", description = "Deleted")
  public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
    accounts.delete(QueryParams.uuid("id", id), ifMatch, actors.current());
    return Response.noContent().build();
  }

  @GET
  @Operation(
      summary =
          "List accounts (keyset pages; filters; sort=name|-name|updatedAt|-updatedAt|createdAt|-createdAt)")
  public Page<AccountView> list(
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor,
      @QueryParam("q") String q,
      @Parameter(
              description =
                  "true: only the accounts the caller owns or is on the team of (needs a user, not"
                      + " an API key)",
              schema = @Schema(type = SchemaType.BOOLEAN))
          @QueryParam("mine")
          String mine,
      @QueryParam("ownerId") String ownerId,
      @QueryParam("parentId") String parentId,
      @QueryParam("industry") String industry,
      @QueryParam("country") String country,
      @QueryParam("region") String region,
      @QueryParam("lifecycle") String lifecycle,
      @QueryParam("relationshipStage") String stage,
      @QueryParam("source") String source,
      @QueryParam("externalId") String externalId,
      @QueryParam("sort") String sortParam) {
    AccountSort sort =
        AccountSort.parse(sortParam)
            .orElseThrow(
                () ->
                    QueryParams.bad(
                        "sort",
                        "must be one of name, -name, updatedAt, -updatedAt, createdAt, -createdAt"));
    String member = QueryParams.bool("mine", mine) ? actors.userForMine() : null;
    AccountFilter filter =
        new AccountFilter(
            q,
            member,
            blank(ownerId),
            QueryParams.uuid("parentId", parentId),
            blank(industry),
            blank(country),
            blank(region),
            QueryParams.enumValue("lifecycle", lifecycle, Lifecycle.class),
            QueryParams.enumValue("relationshipStage", stage, RelationshipStage.class),
            blank(source),
            blank(externalId));
    String scope =
        Cursors.scope(
            "GET /api/v1/accounts",
            "q",
            q,
            // "my accounts" are another list for every user: a cursor stays with its caller
            "mine",
            member,
            "ownerId",
            ownerId,
            "parentId",
            parentId,
            "industry",
            industry,
            "country",
            country,
            "region",
            region,
            "lifecycle",
            lifecycle,
            "relationshipStage",
            stage,
            "source",
            source,
            "externalId",
            externalId,
            "sort",
            sort.param);
    PageRequest page = PageRequest.of(cursors, scope, limit, cursor);
    UUID afterId = QueryParams.uuid("cursor", page.after("id"));
    return page.of(
        queries.list(filter, sort, page.after("key"), afterId, page.fetchSize()),
        last -> Map.of("sort", sort.param, "key", sort.keyOf(last), "id", last.id().toString()));
  }

  @GET
  @Path("/{id}/hierarchy")
  @Operation(summary = "Ancestors up to the root and the whole subtree below the account")
  public AccountQueries.Tree hierarchy(@PathParam("id") String id) {
    return queries.tree(QueryParams.uuid("id", id));
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static Response withEtag(AccountView a) {
    return Response.ok(a).header("ETag", Preconditions.etag(a.version())).build();
  }
}

package io.kam.account.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.kam.account.domain.ContactService;
import io.kam.account.domain.ContactView;
import io.kam.chassis.http.Idempotency;
import io.kam.chassis.http.MergePatch;
import io.kam.chassis.http.Preconditions;
import io.kam.chassis.input.QueryParams;
import io.kam.chassis.paging.Cursors;
import io.kam.chassis.paging.Page;
import io.kam.chassis.paging.PageRequest;
import io.kam.chassis.problem.ProblemException;
import io.kam.chassis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/accounts/{id}/contacts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "contacts")
@RolesAllowed({Roles.VIEWER, Roles.KAM, Roles.KAM_MANAGER, Roles.INTEGRATION, Roles.ADMIN})
public class ContactResource {

  private final ContactService contacts;
  private final ExactJson json;
  private final Validator validator;
  private final Idempotency idempotency;
  private final Cursors cursors;
  private final Actors actors;

  public ContactResource(
      ContactService contacts,
      ExactJson json,
      Validator validator,
      Idempotency idempotency,
      Cursors cursors,
      Actors actors) {
    this.contacts = contacts;
    this.json = json;
    this.validator = validator;
    this.idempotency = idempotency;
    this.cursors = cursors;
    this.actors = actors;
  }

  @GET
  @Operation(summary = "List the account's stakeholders by name")
  public Page<ContactView> list(
      @PathParam("id") String id,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    UUID account = QueryParams.uuid("id", id);
    PageRequest page =
        PageRequest.of(
            cursors, Cursors.scope("GET /api/v1/accounts/" + account + "/contacts"), limit, cursor);
    UUID afterId = QueryParams.uuid("cursor", page.after("id"));
    return page.of(
        contacts.page(account, page.after("name"), afterId, page.fetchSize()),
        last -> Map.of("name", last.name(), "id", last.id().toString()));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.KAM, Roles.KAM_MANAGER, Roles.ADMIN})
  @Operation(summary = "Add a stakeholder (honours Idempotency-Key)")
  @APIResponse(
      responseCode = "201",
      description = "Created (ETag: version 1; Location: its URL)",
      headers =
          @Header(
              name = "ETag",
              description = "the version, for If-Match",
              schema = @Schema(type = SchemaType.STRING, maxLength = 30)),
      content = @Content(schema = @Schema(implementation = ContactView.class)))
  public Response create(
      @PathParam("id") String id,
      @HeaderParam(Idempotency.HEADER) String key,
      @Valid @NotNull ContactRequest request) {
    UUID account = QueryParams.uuid("id", id);
    return idempotency.run(
        key,
        actors.origin() + " POST /api/v1/accounts/" + account + "/contacts",
        request,
        () -> {
          ContactView c = contacts.create(account, request.toData(), actors.current());
          return Response.created(URI.create("/api/v1/accounts/" + account + "/contacts/" + c.id()))
              .header("ETag", Preconditions.etag(c.version()))
              .entity(c)
              .build();
        });
  }

  @GET
  @Path("/{contactId}")
  @APIResponse(
      responseCode = "200",
      description = "The contact (ETag: its version)",
      headers =
          @Header(
              name = "ETag",
              description = "the version, for If-Match",
              schema = @Schema(type = SchemaType.STRING, maxLength = 30)),
      content = @Content(schema = @Schema(implementation = ContactView.class)))
  public Response get(@PathParam("id") String id, @PathParam("contactId") String contactId) {
    return withEtag(
        contacts.get(QueryParams.uuid("id", id), QueryParams.uuid("contactId", contactId)));
  }

  @PUT
  @Path("/{contactId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.KAM, Roles.KAM_MANAGER, Roles.ADMIN})
  @APIResponse(
      responseCode = "200",
      description = "The contact (ETag: its version)",
      headers =
          @Header(
              name = "ETag",
              description = "the version, for If-Match",
              schema = @Schema(type = SchemaType.STRING, maxLength = 30)),
      content = @Content(schema = @Schema(implementation = ContactView.class)))
  public Response replace(
      @PathParam("id") String id,
      @PathParam("contactId") String contactId,
      @HeaderParam("If-Match") String ifMatch,
      @Valid @NotNull ContactRequest request) {
    return withEtag(
        contacts.replace(
            QueryParams.uuid("id", id),
            QueryParams.uuid("contactId", contactId),
            ifMatch,
            request.toData(),
            actors.current()));
  }

  @PATCH
  @Path("/{contactId}")
  @Consumes(MergePatch.MEDIA_TYPE)
  @RolesAllowed({Roles.KAM, Roles.KAM_MANAGER, Roles.ADMIN})
  @APIResponse(
      responseCode = "200",
      description = "The contact (ETag: its version)",
      headers =
          @Header(
              name = "ETag",
              description = "the version, for If-Match",
              schema = @Schema(type = SchemaType.STRING, maxLength = 30)),
      content = @Content(schema = @Schema(implementation = ContactView.class)))
  public Response patch(
      @PathParam("id") String id,
      @PathParam("contactId") String contactId,
      @HeaderParam("If-Match") String ifMatch,
      String body)
      throws JsonProcessingException {
    UUID account = QueryParams.uuid("id", id);
    UUID contact = QueryParams.uuid("contactId", contactId);
    // Authorization before the body is read and validated and before If-Match (checked by
    // replace()).
    contacts.checkWritable(account, actors.current());
    JsonNode patch = json.read(body);
    if (!patch.isObject()) {
      throw QueryParams.bad("body", "a merge patch is a JSON object");
    }
    // Authorization and If-Match come first (another KAM gets 403, never 412); the merge is then
    // computed on the contact as locked by the write, never on an earlier read (If-Match: *
    // included).
    return withEtag(
        contacts.change(
            account,
            contact,
            ifMatch,
            current -> merged(current, patch).toData(),
            actors.current()));
  }

  private ContactRequest merged(ContactView current, JsonNode patch) {
    JsonNode merged =
        MergePatch.apply(json.mapper().valueToTree(ContactRequest.of(current)), patch);
    ContactRequest request;
    try {
      request = json.mapper().convertValue(merged, ContactRequest.class);
    } catch (IllegalArgumentException e) {
      if (e.getCause() instanceof JsonMappingException jme) {
        var error = ExactJson.fieldError(jme);
        throw new ProblemException(
            400,
            "Malformed request",
            error.field() + ": " + error.message(),
            List.of(error),
            Map.of());
      }
      throw ProblemException.badRequest("the body is not a contact");
    }
    var violations = validator.validate(request);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    return request;
  }

  @DELETE
  @Path("/{contactId}")
  @RolesAllowed({Roles.KAM, Roles.KAM_MANAGER, Roles.ADMIN})
  @APIResponse(responseCode = "204", description = "Deleted")
  public Response delete(
      @PathParam("id") String id,
      @PathParam("contactId") String contactId,
      @HeaderParam("If-Match") String ifMatch) {
    contacts.delete(
        QueryParams.uuid("id", id),
        QueryParams.uuid("contactId", contactId),
        ifMatch,
        actors.current());
    return Response.noContent().build();
  }

  private static Response withEtag(ContactView c) {
    return Response.ok(c).header("ETag", Preconditions.etag(c.version())).build();
  }
}

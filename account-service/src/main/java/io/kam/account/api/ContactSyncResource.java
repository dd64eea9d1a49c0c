package io.kam.account.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.kam.account.config.AccountConfig;
import io.kam.account.domain.ChangeFeed;
import io.kam.account.domain.ContactFeed;
import io.kam.account.domain.ContactSnapshot;
import io.kam.account.domain.ContactSyncService;
import io.kam.account.domain.ContactView;
import io.kam.chassis.http.Idempotency;
import io.kam.chassis.input.QueryParams;
import io.kam.chassis.paging.Cursors;
import io.kam.chassis.paging.Limits;
import io.kam.chassis.paging.PageRequest;
import io.kam.chassis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Contact sync for integration partners: bulk upsert by the partner's keys, and the feed back. */
@Path("/api/v1/sync/contacts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "sync")
@RolesAllowed({Roles.INTEGRATION, Roles.KAM_MANAGER, Roles.ADMIN})
public class ContactSyncResource {

  /** As {@link SyncResource.ChangesPage}, for contacts. */
  public record ContactChangesPage(
      List<ContactFeed.Change> items, String nextCursor, boolean hasMore) {}

  /** As {@link SyncResource.SnapshotPage}, for contacts. */
  public record ContactSnapshotPage(
      List<ContactView> items, String nextCursor, String feedCursor) {}

  private final ContactSyncService sync;
  private final ContactSnapshot snapshot;
  private final Cursors cursors;
  private final ContactFeed feed;
  private final ContactRequestMapper mapper;
  private final ExactJson json;
  private final Idempotency idempotency;
  private final FeedCursors feedCursors;
  private final Actors actors;
  private final AccountConfig config;

  public ContactSyncResource(
      ContactSyncService sync,
      ContactSnapshot snapshot,
      Cursors cursors,
      ContactFeed feed,
      ContactRequestMapper mapper,
      ExactJson json,
      Idempotency idempotency,
      FeedCursors feedCursors,
      Actors actors,
      AccountConfig config) {
    this.sync = sync;
    this.snapshot = snapshot;
    this.cursors = cursors;
    this.feed = feed;
    this.mapper = mapper;
    this.json = json;
    this.idempotency = idempotency;
    this.feedCursors = feedCursors;
    this.actors = actors;
    this.config = config;
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Upsert up to 1000 contacts by source + externalId under accounts named by"
              + " accountSource + accountExternalId; per-item results in request order",
      description =
          "An item is a merge (absent fields unchanged, null clears); deleted=true deletes;"
              + " reportsToExternalId names the manager (a contact of the same account, in the"
              + " item's source; in the batch or stored). accountSource defaults to the item's"
              + " source. ifVersion and dryRun as in PUT /api/v1/sync/accounts.")
  @APIResponse(
      responseCode = "200",
      description = "Per-item results in request order",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SyncResource.SyncResponse.class)))
  @APIResponse(responseCode = "413", description = "More than 1000 items")
  public Response upsert(
      @HeaderParam(Idempotency.HEADER) String key,
      @Parameter(description = "true: work out the per-item results, write nothing")
          @QueryParam("dryRun")
          String dryRun,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = SyncSchemas.ContactsBody.class)))
          String body)
      throws JsonProcessingException {
    boolean dry = QueryParams.bool("dryRun", dryRun);
    JsonNode request = json.read(body);
    List<JsonNode> nodes = BulkItems.of(request, config.syncMaxItems(), "contacts");
    if (dry) {
      return Response.ok(
              new SyncResource.SyncResponse(sync.sync(nodes, mapper, actors.current(), true), true))
          .build();
    }
    return idempotency.run(
        key,
        actors.origin() + " PUT /api/v1/sync/contacts",
        request,
        () ->
            Response.ok(
                    new SyncResource.SyncResponse(
                        sync.sync(nodes, mapper, actors.current(), false), false))
                .build());
  }

  @GET
  @Path("/changes")
  @Operation(
      summary =
          "Every contact change in commit order from the cursor (none: the beginning), deletes as"
              + " tombstones; filter by source, leave out one origin (excludeOwn: the caller's own)")
  public ContactChangesPage changes(
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") String limit,
      @Parameter(description = "only changes of contacts with this source") @QueryParam("source")
          String source,
      @Parameter(description = "leave out changes made by this origin, e.g. api-key:my-crm")
          @QueryParam("excludeOrigin")
          String excludeOrigin,
      @Parameter(description = "true: leave out the changes the caller made itself (no echoes)")
          @QueryParam("excludeOwn")
          String excludeOwn) {
    int size = Limits.of(limit);
    long position = feedCursors.position(FeedCursors.CONTACTS, cursor);
    ChangeFeed.Page<ContactFeed.Change> page =
        feed.page(
            position,
            size,
            new ChangeFeed.Filter(
                QueryParams.text(source), FeedCursors.exclude(actors, excludeOrigin, excludeOwn)));
    return new ContactChangesPage(
        page.items(), feedCursors.cursor(FeedCursors.CONTACTS, page.next()), page.more());
  }

  @GET
  @Path("/snapshot")
  @Operation(
      summary =
          "Bootstrap: every contact of a live account by id, paged, with the contacts-feed cursor"
              + " the pages correspond to (read every page, then follow the feed from feedCursor)")
  public ContactSnapshotPage snapshot(
      @Parameter(description = "only contacts with this source") @QueryParam("source")
          String source,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    String filter = QueryParams.text(source);
    PageRequest page =
        PageRequest.of(
            cursors,
            Cursors.scope("GET /api/v1/sync/contacts/snapshot", "source", filter),
            limit,
            cursor);
    // Taken before the first page is read, carried by the cursor (see AccountSnapshot).
    long position = page.isFirst() ? feed.end() : FeedCursors.position(page.after("feed"));
    UUID after = page.isFirst() ? null : QueryParams.uuid("cursor", page.after("id"));
    var result =
        page.of(
            snapshot.page(filter, after, page.fetchSize()),
            c -> Map.of("id", c.id().toString(), "feed", String.valueOf(position)));
    return new ContactSnapshotPage(
        result.items(), result.nextCursor(), feedCursors.cursor(FeedCursors.CONTACTS, position));
  }
}

package io.kam.account.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.kam.account.config.AccountConfig;
import io.kam.account.domain.AccountSnapshot;
import io.kam.account.domain.AccountView;
import io.kam.account.domain.ChangeFeed;
import io.kam.account.domain.SyncResult;
import io.kam.account.domain.SyncService;
import io.kam.chassis.http.Idempotency;
import io.kam.chassis.input.QueryParams;
import io.kam.chassis.paging.Cursors;
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

/**
 * CRM sync for integration partners: bulk upsert by external key, the change feed back out, and the
 * snapshot a partner starts from.
 */
@Path("/api/v1/sync/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "sync")
@RolesAllowed({Roles.INTEGRATION, Roles.KAM_MANAGER, Roles.ADMIN})
public class SyncResource {

  /** {@code dryRun}: the results are what the batch would do; nothing was written. */
  public record SyncResponse(List<SyncResult> results, boolean dryRun) {}

  /**
   * {@code nextCursor} is always set (poll again with it); {@code hasMore} tells whether to do so
   * at once.
   */
  public record ChangesPage(List<ChangeFeed.Change> items, String nextCursor, boolean hasMore) {}

  /**
   * {@code nextCursor} is null on the last page; {@code feedCursor} (the same on every page) is
   * where to read the changes feed from once every page is read.
   */
  public record SnapshotPage(List<AccountView> items, String nextCursor, String feedCursor) {}

  private final SyncService sync;
  private final ChangeFeed feed;
  private final AccountSnapshot snapshot;
  private final AccountRequestMapper mapper;
  private final ExactJson json;
  private final Idempotency idempotency;
  private final Cursors cursors;
  private final FeedCursors feedCursors;
  private final Actors actors;
  private final AccountConfig config;

  public SyncResource(
      SyncService sync,
      ChangeFeed feed,
      AccountSnapshot snapshot,
      AccountRequestMapper mapper,
      ExactJson json,
      Idempotency idempotency,
      Cursors cursors,
      FeedCursors feedCursors,
      Actors actors,
      AccountConfig config) {
    this.sync = sync;
    this.feed = feed;
    this.snapshot = snapshot;
    this.mapper = mapper;
    this.json = json;
    this.idempotency = idempotency;
    this.cursors = cursors;
    this.feedCursors = feedCursors;
    this.actors = actors;
    this.config = config;
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Upsert up to 1000 accounts by source + externalId; per-item results in request order",
      description =
          "An item is a merge (absent fields unchanged, null clears); deleted=true deletes;"
              + " parentExternalId names the parent in the item's source. ifVersion (optional) writes"
              + " the item only over that stored version (0: only if the key is new), else the item is"
              + " CONFLICT with the current version. dryRun=true answers the same results and writes"
              + " nothing (no Idempotency-Key is recorded).")
  @APIResponse(
      responseCode = "200",
      description = "Per-item results in request order",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SyncResponse.class)))
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
                      schema = @Schema(implementation = SyncSchemas.AccountsBody.class)))
          String body)
      throws JsonProcessingException {
    boolean dry = QueryParams.bool("dryRun", dryRun);
    JsonNode request = json.read(body);
    List<JsonNode> nodes = BulkItems.of(request, config.syncMaxItems(), "accounts");
    if (dry) {
      return Response.ok(new SyncResponse(sync.sync(nodes, mapper, actors.current(), true), true))
          .build();
    }
    return idempotency.run(
        key,
        actors.origin() + " PUT /api/v1/sync/accounts",
        request,
        () ->
            Response.ok(new SyncResponse(sync.sync(nodes, mapper, actors.current()), false))
                .build());
  }

  @GET
  @Path("/changes")
  @Operation(
      summary =
          "Every account change in commit order from the cursor (none: the beginning), deletes as"
              + " tombstones; filter by source, leave out one origin (excludeOwn: the caller's own)")
  public ChangesPage changes(
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") String limit,
      @Parameter(description = "only changes of accounts with this source") @QueryParam("source")
          String source,
      @Parameter(description = "leave out changes made by this origin, e.g. api-key:my-crm")
          @QueryParam("excludeOrigin")
          String excludeOrigin,
      @Parameter(description = "true: leave out the changes the caller made itself (no echoes)")
          @QueryParam("excludeOwn")
          String excludeOwn) {
    int size = io.kam.chassis.paging.Limits.of(limit);
    long position = feedCursors.position(FeedCursors.ACCOUNTS, cursor);
    ChangeFeed.Page<ChangeFeed.Change> page =
        feed.page(
            position,
            size,
            new ChangeFeed.Filter(
                QueryParams.text(source), FeedCursors.exclude(actors, excludeOrigin, excludeOwn)));
    return new ChangesPage(
        page.items(), feedCursors.cursor(FeedCursors.ACCOUNTS, page.next()), page.more());
  }

  @GET
  @Path("/snapshot")
  @Operation(
      summary =
          "Bootstrap: every live account by id, paged, with the changes-feed cursor the pages"
              + " correspond to (read every page, then follow the feed from feedCursor)")
  public SnapshotPage snapshot(
      @Parameter(description = "only accounts with this source") @QueryParam("source")
          String source,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    String filter = QueryParams.text(source);
    PageRequest page =
        PageRequest.of(
            cursors,
            Cursors.scope("GET /api/v1/sync/accounts/snapshot", "source", filter),
            limit,
            cursor);
    // Taken before the first page is read: every change up to it is in the pages (see
    // AccountSnapshot), the cursor carries it to the later pages.
    long position = page.isFirst() ? feed.end() : FeedCursors.position(page.after("feed"));
    UUID after = page.isFirst() ? null : QueryParams.uuid("cursor", page.after("id"));
    var result =
        page.of(
            snapshot.page(filter, after, page.fetchSize()),
            a -> Map.of("id", a.id().toString(), "feed", String.valueOf(position)));
    return new SnapshotPage(
        result.items(), result.nextCursor(), feedCursors.cursor(FeedCursors.ACCOUNTS, position));
  }
}

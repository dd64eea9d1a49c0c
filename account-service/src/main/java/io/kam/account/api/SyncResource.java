package io.kam.account.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.kam.account.config.AccountConfig;
import io.kam.account.domain.ChangeFeed;
import io.kam.account.domain.SyncResult;
import io.kam.account.domain.SyncService;
import io.kam.chassis.http.Idempotency;
import io.kam.chassis.input.QueryParams;
import io.kam.chassis.paging.Cursors;
import io.kam.chassis.paging.Limits;
import io.kam.chassis.problem.ProblemException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** CRM sync for integration partners: bulk upsert by external key, and the change feed back out. */
@Path("/api/v1/sync/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "sync")
@RolesAllowed({Roles.INTEGRATION, Roles.KAM_MANAGER, Roles.ADMIN})
public class SyncResource {

  public record SyncResponse(List<SyncResult> results) {}

  /**
   * {@code nextCursor} is always set (poll again with it); {@code hasMore} tells whether to do so
   * at once.
   */
  public record ChangesPage(List<ChangeFeed.Change> items, String nextCursor, boolean hasMore) {}

  private final SyncService sync;
  private final ChangeFeed feed;
  private final AccountRequestMapper mapper;
  private final ExactJson json;
  private final Idempotency idempotency;
  private final Cursors cursors;
  private final Actors actors;
  private final AccountConfig config;

  public SyncResource(
      SyncService sync,
      ChangeFeed feed,
      AccountRequestMapper mapper,
      ExactJson json,
      Idempotency idempotency,
      Cursors cursors,
      Actors actors,
      AccountConfig config) {
    this.sync = sync;
    this.feed = feed;
    this.mapper = mapper;
    this.json = json;
    this.idempotency = idempotency;
    this.cursors = cursors;
    this.actors = actors;
    this.config = config;
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Upsert up to 1000 accounts by source + externalId; per-item results in request order")
  public Response upsert(@HeaderParam(Idempotency.HEADER) String key, String body)
      throws JsonProcessingException {
    JsonNode request = json.read(body);
    JsonNode items = request.isObject() ? request.get("items") : null;
    if (items == null || !items.isArray()) {
      throw ProblemException.invalid("items", "must be an array of accounts");
    }
    if (items.size() > config.syncMaxItems()) {
      throw new ProblemException(
          413,
          "Payload too large",
          "items: at most " + config.syncMaxItems() + " per request, got " + items.size(),
          List.of(
              new io.kam.chassis.problem.Problem.FieldError(
                  "items", "at most " + config.syncMaxItems())),
          Map.of());
    }
    List<JsonNode> nodes = new ArrayList<>(items.size());
    items.forEach(nodes::add);
    return idempotency.run(
        key,
        actors.origin() + " PUT /api/v1/sync/accounts",
        request,
        () -> Response.ok(new SyncResponse(sync.sync(nodes, mapper, actors.current()))).build());
  }

  @GET
  @Path("/changes")
  @Operation(
      summary =
          "Every account change in commit order from the cursor (none: the beginning), deletes as tombstones")
  public ChangesPage changes(
      @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
    int size = Limits.of(limit);
    String scope = Cursors.scope("GET /api/v1/sync/accounts/changes");
    String after = cursors.decode(scope, cursor).get("after");
    long position;
    try {
      position = after == null ? 0 : Long.parseLong(after);
    } catch (NumberFormatException e) {
      throw QueryParams.bad("cursor", "not a cursor this API issued");
    }
    List<ChangeFeed.Change> rows = feed.after(position, size + 1);
    boolean more = rows.size() > size;
    List<ChangeFeed.Change> page = more ? rows.subList(0, size) : rows;
    long last = page.isEmpty() ? position : page.get(page.size() - 1).position();
    return new ChangesPage(
        page, cursors.encode(scope, Map.of("after", String.valueOf(last))), more);
  }
}

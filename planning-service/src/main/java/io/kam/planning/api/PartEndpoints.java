package io.kam.planning.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.kam.chassis.http.Idempotency;
import io.kam.chassis.http.Preconditions;
import io.kam.chassis.security.Caller;
import io.kam.planning.domain.PartService;
import io.kam.planning.domain.PlanPart;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * What the four part resources (objectives, actions, risks, opportunities) do, written once: ids
 * parsed, Idempotency-Key honoured on create, If-Match required on patch and delete, ETag on
 * every single part. The resources keep only their paths, roles and OpenAPI text.
 */
final class PartEndpoints<E extends PlanPart, R> {

  /** How one kind of part is served: its path segment, service, view and writable fields. */
  record Kind<E extends PlanPart, R>(
      String segment, PartService<E, R> service, Function<E, Object> view, Function<E, R> editable, Class<R> type) {}

  private final Kind<E, R> kind;
  private final Idempotency idempotency;
  private final Caller caller;
  private final MergePatches patches;

  PartEndpoints(Kind<E, R> kind, Idempotency idempotency, Caller caller, MergePatches patches) {
    this.kind = kind;
    this.idempotency = idempotency;
    this.caller = caller;
    this.patches = patches;
  }

  Response create(String rawPlanId, String key, R req) {
    UUID planId = Params.id("planId", rawPlanId);
    String collection = "/api/v1/plans/" + planId + "/" + kind.segment();
    return idempotency.run(key, caller.origin() + " POST " + collection, req, () -> {
      E part = kind.service().create(planId, req);
      return Response.created(URI.create(collection + "/" + part.partId()))
          .header("ETag", Preconditions.etag(part.partVersion())).entity(kind.view().apply(part)).build();
    });
  }

  Map<String, Object> list(String rawPlanId) {
    UUID planId = Params.id("planId", rawPlanId);
    return Map.of("items", kind.service().list(planId).stream().map(kind.view()).toList());
  }

  Response get(String rawPlanId, String rawId) {
    return ok(kind.service().get(Params.id("planId", rawPlanId), Params.id("id", rawId)));
  }

  Response patch(String rawPlanId, String rawId, String ifMatch, JsonNode patch) throws JsonProcessingException {
    UUID planId = Params.id("planId", rawPlanId);
    UUID id = Params.id("id", rawId);
    // Authorization first: a caller who may not write gets 403, never a 428 or a 412 naming the version.
    kind.service().checkWritable(planId);
    // The merge is computed by the service on the part as locked for this write, after authorization
    // and If-Match, never on an earlier read.
    return ok(kind.service().update(planId, id, ifMatch,
        current -> patches.apply(kind.editable().apply(current), patch, kind.type(), PartEditables.READ_ONLY)));
  }

  Response delete(String rawPlanId, String rawId, String ifMatch) {
    kind.service().delete(Params.id("planId", rawPlanId), Params.id("id", rawId), ifMatch);
    return Response.noContent().build();
  }

  private Response ok(E part) {
    return Response.ok(kind.view().apply(part)).header("ETag", Preconditions.etag(part.partVersion())).build();
  }
}

package io.kam.kpi.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kam.chassis.http.Idempotency;
import io.kam.chassis.input.QueryParams;
import io.kam.chassis.security.Caller;
import io.kam.kpi.domain.ingest.BulkIngest;
import io.kam.kpi.domain.ingest.BulkItem;
import io.kam.kpi.domain.ingest.BulkKind;
import io.kam.kpi.domain.ingest.StoredItem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

/**
 * What every bulk PUT does, written once: check the bounds, read the items one by one (a malformed
 * one is its own REJECTED result), then either a dry run (results only, nothing written, no
 * idempotency record) or the ingest under the request's Idempotency-Key.
 */
@ApplicationScoped
class BulkEndpoint {

  static final String DRY_RUN_DOC =
      "true: answer the per-item results this request would give now, writing nothing (no item,"
          + " aggregate, snapshot, event or Idempotency-Key record)";

  private final BulkIngest ingest;
  private final Idempotency idempotency;
  private final Caller caller;
  private final ObjectMapper mapper;

  BulkEndpoint(BulkIngest ingest, Idempotency idempotency, Caller caller, ObjectMapper mapper) {
    this.ingest = ingest;
    this.idempotency = idempotency;
    this.caller = caller;
    this.mapper = mapper;
  }

  <I extends BulkItem, S extends StoredItem<S>> Response put(
      String operation,
      BulkKind<I, S> kind,
      Class<I> type,
      String idempotencyKey,
      String dryRun,
      BulkRequest request)
      throws JsonMappingException {
    BulkLimits.check(request == null ? null : request.items());
    boolean dry = QueryParams.bool("dryRun", dryRun);
    BulkItems<I> items = BulkItems.read(mapper, request.items(), type);
    if (dry) {
      return ok(items.merge(ingest.preview(kind, items.wellFormed())));
    }
    return idempotency.run(
        idempotencyKey,
        caller.origin() + " " + operation,
        request,
        () -> ok(items.merge(ingest.ingest(kind, items.wellFormed()))));
  }

  private static Response ok(java.util.List<io.kam.kpi.domain.ingest.ItemResult> results) {
    return Response.ok(new BulkResponse(results)).build();
  }
}

package io.kam.kpi.api;

import io.kam.chassis.input.QueryParams;
import io.kam.chassis.paging.Cursors;
import io.kam.chassis.paging.Page;
import io.kam.chassis.paging.PageRequest;
import io.kam.kpi.domain.account.AccountPropagation;
import io.kam.kpi.domain.ingest.BulkIngest;
import io.kam.kpi.domain.ingest.BulkKind;
import io.kam.kpi.domain.ingest.StoredItem;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * {@code ?status=PENDING} of the item lists, written once: the items still waiting for their
 * account, in arrival order, each with the reference it waits for and why.
 */
@ApplicationScoped
class PendingItems {

  static final String PENDING = "PENDING";
  static final String STATUS_DOC =
      "PENDING: only the items still waiting for their account (in arrival order; not combinable"
          + " with the other filters), each with pendingReason: ACCOUNT_NOT_YET_PROPAGATED (account"
          + " events are still to be consumed, it may be among them) or ACCOUNT_UNKNOWN (every"
          + " account event published so far was consumed and none names it)";

  private final BulkIngest ingest;
  private final Cursors cursors;

  PendingItems(BulkIngest ingest, Cursors cursors) {
    this.ingest = ingest;
    this.cursors = cursors;
  }

  /**
   * Whether {@code status} asks for pending items (a 400 for another value, or when combined with
   * one of the other filters, given as name/value pairs).
   */
  static boolean pendingOnly(String status, String... filters) {
    if (QueryParams.oneOf("status", status, List.of(PENDING)) == null) {
      return false;
    }
    for (int i = 0; i < filters.length; i += 2) {
      if (filters[i + 1] != null) {
        throw QueryParams.bad(filters[i], "cannot be combined with status=PENDING");
      }
    }
    return true;
  }

  <S extends StoredItem<S>, V> Page<V> page(
      String list,
      BulkKind<?, S> kind,
      String limit,
      String cursor,
      BiFunction<S, AccountPropagation.PendingReason, V> view) {
    PageRequest page =
        PageRequest.of(cursors, Cursors.scope(list, "status", PENDING), limit, cursor);
    String after = page.after("id");
    BulkIngest.PendingPage<S> items =
        ingest.pending(kind, after == null ? null : Long.valueOf(after), page.fetchSize());
    return page.of(
        items.items(), i -> Map.of("id", i.id().toString()), i -> view.apply(i, items.reason()));
  }
}

package io.kam.kpi.domain.ingest;

import io.kam.chassis.problem.Problem;
import io.kam.chassis.sql.Row;
import io.kam.chassis.sql.SqlParams;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * What one kind of bulk item brings to {@link BulkIngest}: its table and its own columns, its
 * per-item rules, and how it changes the aggregates. Everything else (the upsert key, the account,
 * pending items, voids, the results) is the shared mechanism's.
 */
public interface BulkKind<I extends BulkItem, S extends StoredItem<S>> {

  /** The table, with the columns of {@link BulkTable#COMMON} plus {@link #ownColumns()}. */
  String table();

  /** The kind's own columns, in the order {@link #bindOwn} names them. */
  List<String> ownColumns();

  /** Sets one parameter per own column, named like the column. */
  void bindOwn(S item, SqlParams params);

  /** A stored item from the shared columns and the row's own ones. */
  S read(StoredItem.Common common, Row row) throws SQLException;

  /** The item's rule violations; none means accepted. */
  List<Problem.FieldError> errors(I item);

  /** An accepted, live item as it will be stored ({@code id} of the stored one, or null). */
  S toStored(I item, Long id, UUID accountId);

  /**
   * Whether this kind's items move revenue, hence the first-revenue months a snapshot refresh
   * recomputes; survey responses do not, and a survey batch skips that work.
   */
  default boolean changesRevenue() {
    return true;
  }

  /** A fresh collector of this kind's aggregate changes for one transaction. */
  Deltas<S> deltas();

  /** Signed changes to the aggregates, applied once per batch in a fixed order. */
  interface Deltas<S> {

    /** {@code item} (counted) added with sign +1 or taken back with -1. */
    void add(S item, int sign);

    void apply();
  }
}

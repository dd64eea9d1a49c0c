package io.kam.account.domain;

import io.kam.chassis.sql.SqlParams;
import java.util.ArrayList;
import java.util.List;

/**
 * Column-wise buffer for {@code unnest(:c0::text[], :c1::text[], ...)}: many rows in one statement
 * (one round trip), every value travelling as text and cast in the statement.
 */
final class TextColumns {

  private final List<List<String>> columns = new ArrayList<>();

  TextColumns(int count) {
    for (int i = 0; i < count; i++) {
      columns.add(new ArrayList<>());
    }
  }

  /** The {@code unnest(...)} of {@code count} text-array parameters named c0, c1, ... */
  static String unnest(int count) {
    List<String> params = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      params.add(":c" + i + "::text[]");
    }
    return "unnest(" + String.join(", ", params) + ")";
  }

  void row(Object... values) {
    for (int i = 0; i < values.length; i++) {
      columns.get(i).add(values[i] == null ? null : values[i].toString());
    }
  }

  int size() {
    return columns.get(0).size();
  }

  SqlParams params() {
    SqlParams p = SqlParams.none();
    for (int i = 0; i < columns.size(); i++) {
      p.array("c" + i, "text", columns.get(i));
    }
    return p;
  }
}

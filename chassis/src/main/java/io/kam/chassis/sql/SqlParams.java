package io.kam.chassis.sql;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The values of a statement's {@code :name} parameters. Values bind by their Java type (see {@link
 * Jdbc}); {@link #array} makes a PostgreSQL array for set-based statements such as {@code
 * unnest(:ids::uuid[])}.
 */
public final class SqlParams {

  private final Map<String, Object> values = new HashMap<>();

  private SqlParams() {}

  /** No parameters. */
  public static SqlParams none() {
    return new SqlParams();
  }

  /** Name/value pairs: {@code SqlParams.of("id", id, "from", from)}. */
  public static SqlParams of(Object... pairs) {
    if (pairs.length % 2 != 0) {
      throw new IllegalArgumentException("parameters are name/value pairs");
    }
    SqlParams p = new SqlParams();
    for (int i = 0; i < pairs.length; i += 2) {
      p.set((String) pairs[i], pairs[i + 1]);
    }
    return p;
  }

  public static SqlParams of(Map<String, ?> values) {
    SqlParams p = new SqlParams();
    p.values.putAll(values);
    return p;
  }

  public SqlParams set(String name, Object value) {
    values.put(name, value);
    return this;
  }

  /** A PostgreSQL array of {@code type} (e.g. "text", "uuid", "numeric") holding {@code items}. */
  public SqlParams array(String name, String type, Collection<?> items) {
    values.put(name, new SqlArray(type, items.toArray()));
    return this;
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  Object get(String name) {
    return values.get(name);
  }

  void clear() {
    values.clear();
  }

  /** An array parameter: bound with {@code Connection.createArrayOf}. */
  record SqlArray(String type, Object[] items) {}
}

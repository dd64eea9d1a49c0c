package io.kam.chassis.paging;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One list request, written once: the limit checked ({@link Limits}), the cursor decoded for its
 * scope ({@link Cursors#scope}), and the "fetch one more than the limit, cut, encode the position
 * of the last item kept" loop that tells whether there is a next page without counting.
 *
 * <pre>
 * PageRequest page = PageRequest.of(cursors, scope, limit, cursor);
 * List&lt;Row&gt; rows = repository.list(filters, page.after("id"), page.fetchSize());
 * return page.of(rows, r -&gt; Map.of("id", r.id().toString()), View::of);
 * </pre>
 */
public final class PageRequest {

  private final Cursors cursors;
  private final String scope;
  private final int limit;
  private final Map<String, String> after;

  private PageRequest(Cursors cursors, String scope, int limit, Map<String, String> after) {
    this.cursors = cursors;
    this.scope = scope;
    this.limit = limit;
    this.after = after;
  }

  /** A 400 naming {@code limit} or {@code cursor} when either is not acceptable for this list. */
  public static PageRequest of(Cursors cursors, String scope, String limit, String cursor) {
    int size = Limits.of(limit);
    return new PageRequest(cursors, scope, size, cursors.decode(scope, cursor));
  }

  /** The page size asked for. */
  public int limit() {
    return limit;
  }

  /** How many rows to fetch: one more than the limit, to know whether a next page exists. */
  public int fetchSize() {
    return limit + 1;
  }

  /** The position after which this page starts; empty on the first page. */
  public Map<String, String> after() {
    return after;
  }

  /** One value of the position, or null on the first page. */
  public String after(String key) {
    return after.get(key);
  }

  public boolean isFirst() {
    return after.isEmpty();
  }

  /**
   * The page of {@code rows} (fetched with {@link #fetchSize()}): at most {@link #limit()} items,
   * and a cursor at the last one kept when more rows came back.
   */
  public <R, V> Page<V> of(
      List<R> rows,
      Function<? super R, Map<String, String>> position,
      Function<? super R, ? extends V> view) {
    boolean more = rows.size() > limit;
    List<R> kept = more ? rows.subList(0, limit) : rows;
    List<V> items = kept.stream().<V>map(view).toList();
    String next = more ? cursors.encode(scope, position.apply(kept.get(limit - 1))) : null;
    return new Page<>(items, next);
  }

  /** {@link #of(List, Function, Function)} for rows that are already the items. */
  public <R> Page<R> of(List<R> rows, Function<? super R, Map<String, String>> position) {
    return of(rows, position, Function.identity());
  }
}

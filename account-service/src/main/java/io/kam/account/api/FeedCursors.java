package io.kam.account.api;

import io.kam.chassis.input.QueryParams;
import io.kam.chassis.paging.Cursors;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Cursors of the changes feeds: a position, valid with any filter of the same feed (a position is a
 * point in commit order, whatever is filtered out before it), so a snapshot can hand one out.
 */
@ApplicationScoped
public class FeedCursors {

  static final String ACCOUNTS = Cursors.scope("GET /api/v1/sync/accounts/changes");
  static final String CONTACTS = Cursors.scope("GET /api/v1/sync/contacts/changes");

  private final Cursors cursors;

  public FeedCursors(Cursors cursors) {
    this.cursors = cursors;
  }

  /** The position in {@code cursor}; 0 (the beginning) without one; 400 when forged. */
  long position(String feed, String cursor) {
    return position(cursors.decode(feed, cursor).get("after"));
  }

  String cursor(String feed, long position) {
    return cursors.encode(feed, Map.of("after", String.valueOf(position)));
  }

  /** The origin to leave out of a feed: named, or the caller's own (excludeOwn); not both. */
  static String exclude(Actors actors, String excludeOrigin, String excludeOwn) {
    String named = QueryParams.text(excludeOrigin);
    if (!QueryParams.bool("excludeOwn", excludeOwn)) {
      return named;
    }
    if (named != null && !named.equals(actors.origin())) {
      throw QueryParams.bad("excludeOrigin", "give excludeOrigin or excludeOwn=true, not both");
    }
    return actors.origin();
  }

  static long position(String raw) {
    try {
      return raw == null ? 0 : Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw QueryParams.bad("cursor", "not a cursor this API issued");
    }
  }
}

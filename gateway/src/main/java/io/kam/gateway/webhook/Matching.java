package io.kam.gateway.webhook;

/**
 * Which enabled subscriptions want an event {@code e} (a webhook_event row), as one SQL condition
 * on {@code s} (a webhook_subscription row), shared by the intake and replays: a type pattern
 * matches exactly, {@code *} matches all, {@code kam.account.*} every type starting with {@code
 * kam.account.}; the account filter is the event's subject, the owner filter the account's owner as
 * its latest account event said.
 */
final class Matching {

  static final String CONDITION =
      condition("(select o.owner_id from webhook_account_owner o where o.account_id = e.subject)");

  /** The condition with the account's owner given by {@code owner}, an SQL expression. */
  static String condition(String owner) {
    return " s.status = 'ENABLED'"
        + " and exists (select 1 from unnest(string_to_array(s.event_types, ',')) p"
        + "   where p = '*' or p = e.type"
        + "   or (right(p, 2) = '.*' and starts_with(e.type, left(p, -1))))"
        + " and (s.account_id is null or s.account_id::text = e.subject)"
        + " and (s.owner_id is null or s.owner_id = "
        + owner
        + ")";
  }

  private Matching() {}
}

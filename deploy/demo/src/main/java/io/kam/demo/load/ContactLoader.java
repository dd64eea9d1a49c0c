package io.kam.demo.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kam.demo.portfolio.DemoAccount;
import io.kam.demo.portfolio.DemoContact;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Adds each account's stakeholders with {@code POST /api/v1/accounts/{id}/contacts} (the
 * integration role may not write contacts, so this runs with a kam-manager token), managers before
 * their reports so {@code reportsToContactId} can name them. Contacts already on the account (same
 * e-mail) are kept and reused, so a second run adds nothing. Accounts are worked on by a few
 * threads; contacts of one account in order.
 */
public final class ContactLoader {

  static final int THREADS = 4;

  private final Gateway gateway;
  private final Gateway.Credentials credentials;
  private final String run;

  /** {@code run} goes into every Idempotency-Key, as for {@link BulkLoader}. */
  public ContactLoader(Gateway gateway, Gateway.Credentials credentials, String run) {
    this.gateway = gateway;
    this.credentials = credentials;
    this.run = run;
  }

  /** {@code synced}: the sync outcome of each account, by external id. */
  public void load(List<DemoAccount> accounts, Map<String, BulkLoader.Outcome> synced, Tally tally)
      throws Gateway.UnreachableException, InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (DemoAccount a : accounts) {
        BulkLoader.Outcome o = synced.get(a.externalId());
        if (o == null || o.id() == null || a.contacts().isEmpty()) {
          continue;
        }
        work.add(
            pool.submit(
                () -> {
                  account(a, o, tally);
                  return null;
                }));
      }
      for (Future<?> f : work) {
        try {
          f.get();
        } catch (ExecutionException e) {
          if (e.getCause() instanceof Gateway.UnreachableException u) {
            throw u;
          }
          throw new IllegalStateException(e.getCause());
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private void account(DemoAccount a, BulkLoader.Outcome synced, Tally tally)
      throws Gateway.UnreachableException, InterruptedException {
    String base = "/api/v1/accounts/" + synced.id() + "/contacts";
    // Read even for CREATED: a rerun's or a retried sync's status says nothing about earlier
    // contact writes.
    Map<String, String> existing = existing(base, a, tally);
    if (existing == null) {
      return;
    }
    Map<String, String> ids = new HashMap<>();
    for (DemoContact c : a.contacts()) {
      String known = existing.get(c.email());
      if (known != null) {
        ids.put(c.key(), known);
        tally.status("EXISTING", false);
        continue;
      }
      ObjectNode body =
          Payloads.contact(c, c.reportsToKey() == null ? null : ids.get(c.reportsToKey()));
      tally.sent(1);
      Gateway.Reply reply =
          gateway.call(
              "POST",
              base,
              credentials,
              body,
              Gateway.idempotencyKey("contact-" + run + "-" + synced.id(), body),
              Gateway.DEFAULT_ATTEMPTS);
      if (reply.ok() && reply.json().hasNonNull("id")) {
        ids.put(c.key(), reply.json().get("id").asText());
        tally.status("CREATED", false);
      } else if (reply.status() >= 400
          && reply.status() < 500
          && reply.status() != 401
          && reply.status() != 403) {
        tally.rejected(
            a.externalId() + " " + c.email(), reply.problem() + problemFields(reply.json()));
      } else {
        tally.failed(a.externalId() + " " + c.email() + ": " + reply.problem());
      }
    }
  }

  /** The account's contacts by e-mail, or null (reported) when they cannot be read. */
  private Map<String, String> existing(String base, DemoAccount a, Tally tally)
      throws Gateway.UnreachableException, InterruptedException {
    Map<String, String> byEmail = new HashMap<>();
    String cursor = null;
    do {
      Gateway.Reply reply =
          gateway.get(
              base + "?limit=500" + (cursor == null ? "" : "&cursor=" + cursor), credentials);
      if (!reply.ok()) {
        tally.failed(a.externalId() + ": cannot list its contacts: " + reply.problem());
        return null;
      }
      JsonNode page = reply.json();
      page.path("items")
          .forEach(
              c -> {
                if (c.hasNonNull("email") && c.hasNonNull("id")) {
                  byEmail.put(c.get("email").asText(), c.get("id").asText());
                }
              });
      cursor =
          page.hasNonNull("nextCursor")
              ? java.net.URLEncoder.encode(
                  page.get("nextCursor").asText(), java.nio.charset.StandardCharsets.UTF_8)
              : null;
    } while (cursor != null);
    return byEmail;
  }

  private static String problemFields(JsonNode problem) {
    JsonNode errors = problem.path("errors");
    return errors.isArray() && !errors.isEmpty() ? " (" + BulkLoader.reasons(errors) + ")" : "";
  }
}

package io.kam.demo.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Sends items to a bulk endpoint ({@code PUT {"items": [...]}} -> {@code {"results": [...]}} in
 * request order) in batches, one Idempotency-Key per batch, and checks every item's result. A batch
 * fails entirely when the gateway answers an error after the retries, or rejects every item of it.
 */
public final class BulkLoader {

  /** One item's result; {@code id} only for account sync. */
  public record Outcome(String externalId, String id, String status) {}

  private final Gateway gateway;
  private final Gateway.Credentials credentials;
  private final String run;

  /**
   * {@code run} goes into every Idempotency-Key: a retry within this run is recognised, while a
   * later run gets the services' real answer (UNCHANGED) instead of a replay of the first run's.
   */
  public BulkLoader(Gateway gateway, Gateway.Credentials credentials, String run) {
    this.gateway = gateway;
    this.credentials = credentials;
    this.run = run;
  }

  /** Outcomes in request order; items of a failed batch have status {@code FAILED}. */
  public <T> List<Outcome> load(
      String path,
      String kind,
      List<T> items,
      Function<T, ObjectNode> payload,
      int batchSize,
      Tally tally)
      throws Gateway.UnreachableException, InterruptedException {
    List<Outcome> outcomes = new ArrayList<>(items.size());
    List<List<T>> batches = Batches.split(items, batchSize);
    for (int b = 0; b < batches.size(); b++) {
      List<ObjectNode> batch =
          batches.get(b).stream()
              .map(payload)
              .toList(); // built per batch: 10 000 accounts fit in 1 GB
      ObjectNode body = Payloads.bulk(batch);
      tally.sent(batch.size());
      Gateway.Reply reply =
          gateway.call(
              "PUT",
              path,
              credentials,
              body,
              Gateway.idempotencyKey(kind + "-" + run, body),
              Gateway.DEFAULT_ATTEMPTS);
      String where = "batch " + (b + 1) + "/" + batches.size() + " (" + batch.size() + " items)";
      JsonNode results = reply.ok() ? reply.json().path("results") : null;
      if (results == null || !results.isArray() || results.size() != batch.size()) {
        tally.failed(
            where
                + ": "
                + (reply.ok()
                    ? "answer without one result per item: " + reply.problem()
                    : reply.problem()));
        batch.forEach(
            i -> outcomes.add(new Outcome(i.path("externalId").asText(), null, "FAILED")));
        continue;
      }
      int rejected = 0;
      for (int i = 0; i < results.size(); i++) {
        JsonNode r = results.get(i);
        String externalId =
            r.hasNonNull("externalId")
                ? r.get("externalId").asText()
                : batch.get(i).path("externalId").asText();
        String status = r.path("status").asText("UNKNOWN");
        if ("REJECTED".equals(status)) {
          rejected++;
          tally.rejected(externalId, reasons(r.path("errors")));
        } else {
          tally.status(status, r.path("pending").asBoolean(false));
        }
        outcomes.add(
            new Outcome(externalId, r.hasNonNull("id") ? r.get("id").asText() : null, status));
      }
      if (rejected == batch.size()) {
        tally.failed(where + ": every item rejected");
      }
    }
    return outcomes;
  }

  static String reasons(JsonNode errors) {
    if (!errors.isArray() || errors.isEmpty()) {
      return "no reason given";
    }
    List<String> parts = new ArrayList<>();
    errors.forEach(
        e -> parts.add(e.path("field").asText("?") + " " + e.path("message").asText("")));
    return String.join("; ", parts);
  }
}

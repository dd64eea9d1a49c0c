package io.kam.demo.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BulkLoaderTest {

  private static final Gateway.Credentials KEY = Gateway.Credentials.apiKey("kam_secret");

  @Test
  void sendsBatchesAndCountsEveryItemsResult() throws Exception {
    ScriptedTransport t =
        new ScriptedTransport()
            .reply(200, results("CREATED", "CREATED"))
            .reply(
                200,
                "{\"results\":[{\"source\":\"s\",\"externalId\":\"L-3\",\"status\":\"CREATED\",\"pending\":true},"
                    + "{\"source\":\"s\",\"externalId\":\"L-4\",\"status\":\"REJECTED\",\"errors\":[{\"field\":\"amount\","
                    + "\"message\":\"at most 4 fraction digits\"}]}]}")
            .reply(200, results("UNCHANGED"));
    Tally tally = new Tally("revenue lines");
    List<BulkLoader.Outcome> out =
        new BulkLoader(t.gateway(), KEY, "r1")
            .load("/api/v1/revenue-lines", "revenue", items(5), i -> i, 2, tally);
    assertEquals(3, t.sent.size());
    assertEquals(5, out.size());
    t.sent.forEach(s -> assertEquals("PUT", s.method()));
    assertEquals(3, tally.count("CREATED"));
    assertEquals(1, tally.pending());
    assertEquals(1, tally.count("UNCHANGED"));
    assertEquals(List.of("L-4: amount at most 4 fraction digits"), tally.rejections());
    assertTrue(tally.failures().isEmpty(), "one rejected item does not fail its batch");
    assertTrue(tally.line().contains("1 pending"), tally.line());
  }

  @Test
  void eachBatchHasItsOwnIdempotencyKey() throws Exception {
    ScriptedTransport t =
        new ScriptedTransport()
            .reply(200, results("CREATED", "CREATED"))
            .reply(200, results("CREATED"));
    new BulkLoader(t.gateway(), KEY, "r1")
        .load("/p", "revenue", items(3), i -> i, 2, new Tally("x"));
    String first = t.sent.get(0).headers().get("Idempotency-Key").get(0);
    String second = t.sent.get(1).headers().get("Idempotency-Key").get(0);
    assertTrue(!first.equals(second), first);
    assertTrue(
        t.sent.get(0).body().startsWith("{\"items\":[{\"externalId\":\"L-1\""),
        t.sent.get(0).body());
  }

  @Test
  void anotherRunSendsTheSameBatchUnderAnotherKey() throws Exception {
    ScriptedTransport t =
        new ScriptedTransport().reply(200, results("CREATED")).reply(200, results("UNCHANGED"));
    new BulkLoader(t.gateway(), KEY, "r1")
        .load("/p", "revenue", items(1), i -> i, 2, new Tally("x"));
    new BulkLoader(t.gateway(), KEY, "r2")
        .load("/p", "revenue", items(1), i -> i, 2, new Tally("x"));
    assertEquals(t.sent.get(0).body(), t.sent.get(1).body());
    assertTrue(
        !t.sent
            .get(0)
            .headers()
            .get("Idempotency-Key")
            .equals(t.sent.get(1).headers().get("Idempotency-Key")),
        "a rerun must not get the first run's replayed answer");
  }

  @Test
  void anErrorAnswerFailsTheBatchAndTheRestStillGoes() throws Exception {
    ScriptedTransport t =
        new ScriptedTransport()
            .reply(400, "{\"title\":\"Bad request\",\"status\":400,\"detail\":\"items: required\"}")
            .reply(200, results("CREATED"));
    Tally tally = new Tally("revenue lines");
    List<BulkLoader.Outcome> out =
        new BulkLoader(t.gateway(), KEY, "r1").load("/p", "revenue", items(3), i -> i, 2, tally);
    assertEquals(
        List.of("FAILED", "FAILED", "CREATED"),
        out.stream().map(BulkLoader.Outcome::status).toList());
    assertEquals(1, tally.failures().size());
    assertTrue(
        tally.failures().get(0).contains("batch 1/2 (2 items): 400 Bad request: items: required"),
        tally.failures().get(0));
    assertTrue(tally.line().contains("1 of 2 requests FAILED"), tally.line());
  }

  @Test
  void aBatchWhoseEveryItemIsRejectedFailsEntirely() throws Exception {
    ScriptedTransport t = new ScriptedTransport().reply(200, results("REJECTED", "REJECTED"));
    Tally tally = new Tally("accounts");
    new BulkLoader(t.gateway(), KEY, "r1").load("/p", "accounts", items(2), i -> i, 1000, tally);
    assertEquals(2, tally.count("REJECTED"));
    assertEquals(List.of("batch 1/1 (2 items): every item rejected"), tally.failures());
  }

  @Test
  void accountIdsAreKeptForTheContacts() throws Exception {
    ScriptedTransport t =
        new ScriptedTransport()
            .reply(
                200,
                "{\"results\":[{\"externalId\":\"L-1\",\"source\":\"demo-crm\",\"id\":\"0b9f\",\"status\":\"CREATED\",\"errors\":[]}]}");
    List<BulkLoader.Outcome> out =
        new BulkLoader(t.gateway(), KEY, "r1")
            .load("/api/v1/sync/accounts", "accounts", items(1), i -> i, 1000, new Tally("a"));
    assertEquals(new BulkLoader.Outcome("L-1", "0b9f", "CREATED"), out.get(0));
  }

  @Test
  void anAnswerWithTheWrongNumberOfResultsFailsTheBatch() throws Exception {
    ScriptedTransport t = new ScriptedTransport().reply(200, results("CREATED"));
    Tally tally = new Tally("a");
    new BulkLoader(t.gateway(), KEY, "r1").load("/p", "a", items(2), i -> i, 1000, tally);
    assertEquals(1, tally.failures().size());
  }

  private static List<ObjectNode> items(int n) {
    return IntStream.rangeClosed(1, n)
        .mapToObj(i -> Payloads.JSON.createObjectNode().put("externalId", "L-" + i))
        .toList();
  }

  private static String results(String... statuses) {
    StringBuilder sb = new StringBuilder("{\"results\":[");
    for (int i = 0; i < statuses.length; i++) {
      sb.append(i == 0 ? "" : ",")
          .append("{\"status\":\"")
          .append(statuses[i])
          .append("\",\"errors\":[]}");
    }
    return sb.append("]}").toString();
  }
}

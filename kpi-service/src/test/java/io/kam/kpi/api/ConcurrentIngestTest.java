package io.kam.kpi.api;

import static io.kam.kpi.testdata.Decimals.assertValue;
import static io.kam.kpi.testdata.Items.line;
import static io.kam.kpi.testdata.Items.lineByRef;
import static io.kam.kpi.testdata.Items.survey;
import static io.kam.kpi.testdata.TestAccount.anAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.kam.kpi.testdata.Api;
import io.kam.kpi.testdata.SnapshotEvents;
import io.kam.kpi.testdata.TestAccount;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Concurrent batches for one account; pending survey responses. */
@QuarkusTest
class ConcurrentIngestTest {

  /**
   * 4 batches of 25 lines of 10 each, sent at once, all in 2026-09 on two product lines: the
   * aggregate ends at 1000 and the last published snapshot (computed one at a time per account) has
   * seen every batch: t12mRevenue 1000.
   */
  @Test
  void concurrentBatchesForOneAccountAllCountAndTheLastSnapshotSeesThemAll() throws Exception {
    UUID id = anAccount().create().id();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<Map<String, Object>>>> done = new ArrayList<>();
      for (int b = 0; b < 4; b++) {
        List<Object> batch = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
          batch.add(
              line(id, "2026-09-" + String.format("%02d", i + 1), i % 2 == 0 ? "A" : "B", "10"));
        }
        done.add(pool.submit(() -> Api.putLines(batch.toArray())));
      }
      for (Future<List<Map<String, Object>>> f : done) {
        assertEquals(25, f.get().stream().filter(r -> "CREATED".equals(r.get("status"))).count());
      }
    } finally {
      pool.shutdownNow();
    }
    assertValue(Api.kpis(id, "2026-09"), "revenue", "1000");
    List<JsonNode> events = SnapshotEvents.awaitCount(id, 5);
    JsonNode last = events.get(events.size() - 1).get("data");
    assertEquals(0, last.get("t12mRevenue").decimalValue().compareTo(new BigDecimal("1000")));
  }

  @Test
  void aSurveyResponseThatArrivedBeforeItsAccountCountsOnceTheAccountIsKnown() {
    String externalId = "A-" + UUID.randomUUID();
    Map<String, Object> response = survey(UUID.randomUUID(), "NPS", "2026-09-01T00:00:00Z", 10);
    response.remove("accountId");
    response.put("accountSource", "crm");
    response.put("accountExternalId", externalId);
    assertEquals(Boolean.TRUE, Api.putSurveys(response).get(0).get("pending"));
    Api.putLines(lineByRef("crm", externalId, "2026-09-02", "A", "5"));

    TestAccount account = anAccount().withExternalRef("crm", externalId).create();

    assertValue(Api.kpis(account.id(), "2026-09"), "nps", "100");
    assertValue(Api.kpis(account.id(), "2026-09"), "revenue", "5");
    // Its first snapshot already includes what was pending.
    JsonNode first = SnapshotEvents.awaitCount(account.id(), 1).get(0).get("data");
    assertEquals(0, first.get("npsT12m").decimalValue().compareTo(new BigDecimal("100")));
  }
}

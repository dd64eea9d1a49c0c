package io.kam.kpi.events;

import static io.kam.kpi.events.SnapshotEventsTest.assertSnapshot;
import static io.kam.kpi.testdata.Items.line;
import static io.kam.kpi.testdata.TestAccount.anAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.kam.chassis.time.KamClock;
import io.kam.kpi.domain.snapshot.MonthTurnJob;
import io.kam.kpi.testdata.Api;
import io.kam.kpi.testdata.SnapshotEvents;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** When the month turns, snapshots move to the new as-of month; only changed ones publish. */
@QuarkusTest
class MonthTurnTest {

  @Inject KamClock clock;
  @Inject MonthTurnJob monthTurn;

  /**
   * As of 2026-09 the 1000 of 2025-10 is in T12M; as of 2026-10 (clock 2026-11-02) it drops into
   * the 12 months before: t12m 0, t12mGrowth (0 - 1000)/1000 = -1. The quiet account (no lines)
   * keeps its all-zero values and publishes nothing until a line of 2026-10 arrives: t12m 500.
   */
  @Test
  void theMonthTurnPublishesOnlySnapshotsWhoseValuesMove() {
    UUID moving = anAccount().create().id();
    UUID quiet = anAccount().create().id();
    Api.putLines(line(moving, "2025-10-10", "A", "1000"));
    SnapshotEvents.awaitCount(moving, 2);
    Instant before = clock.now();
    try {
      clock.set(Instant.parse("2026-11-02T00:00:00Z"));

      monthTurn.turnMonth();
      assertEquals(0, monthTurn.turnMonth()); // the turn is done: a second run finds nothing
      Api.putLines(line(quiet, "2026-10-20", "A", "500"));

      List<JsonNode> movingEvents = SnapshotEvents.awaitCount(moving, 3);
      assertEquals(3, movingEvents.size());
      assertEquals("2026-10", movingEvents.get(2).at("/data/asOfMonth").asText());
      assertSnapshot(movingEvents.get(2).get("data"), "0", "-1", null, null, null, 0);

      List<JsonNode> quietEvents = SnapshotEvents.awaitCount(quiet, 2);
      assertEquals(2, quietEvents.size());
      assertEquals("2026-10", quietEvents.get(1).at("/data/asOfMonth").asText());
      assertSnapshot(quietEvents.get(1).get("data"), "500", null, null, null, null, 0);
    } finally {
      clock.set(before);
    }
  }
}

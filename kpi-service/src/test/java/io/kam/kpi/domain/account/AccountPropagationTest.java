package io.kam.kpi.domain.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kam.kpi.domain.account.AccountPropagation.PendingReason;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the consumer position on kam.account.events tells the two kinds of pending apart. */
class AccountPropagationTest {

  @Test
  void caughtUpOnAccountEventsMeansTheAccountIsUnknown() {
    assertEquals(
        PendingReason.ACCOUNT_UNKNOWN,
        AccountPropagation.reason(
            Map.of("kpi-service", Map.of("kam.account.events", 0L, "kam.score.events", 7L))));
  }

  @Test
  void accountEventsStillToConsumeMeanTheAccountMayBeOnItsWay() {
    assertEquals(
        PendingReason.ACCOUNT_NOT_YET_PROPAGATED,
        AccountPropagation.reason(Map.of("kpi-service", Map.of("kam.account.events", 3L))));
  }

  @Test
  void aLagKafkaCannotTellOrNoConsumerAtAllIsNotTakenForUnknown() {
    assertEquals(
        PendingReason.ACCOUNT_NOT_YET_PROPAGATED,
        AccountPropagation.reason(Map.of("kpi-service", Map.of("kam.account.events", -1L))));
    assertEquals(
        PendingReason.ACCOUNT_NOT_YET_PROPAGATED,
        AccountPropagation.reason(Map.of("kpi-service", Map.of("kam.score.events", 0L))));
  }
}

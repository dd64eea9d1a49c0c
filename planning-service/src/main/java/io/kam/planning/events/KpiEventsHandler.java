package io.kam.planning.events;

import io.kam.chassis.messaging.CloudEvent;
import io.kam.chassis.messaging.EventHandler;
import io.kam.chassis.messaging.EventKind;
import io.kam.planning.domain.AccountDirectory;
import io.kam.planning.domain.AccountDirectory.Snapshot;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/**
 * kam.kpi.events: keeps the latest snapshot per account and moves bound objectives. Stored even for
 * an account not known yet: nothing here depends on the account, and the chassis's sequence check
 * already keeps only the newest snapshot.
 */
@ApplicationScoped
public class KpiEventsHandler implements EventHandler {

  private final AccountDirectory accounts;

  public KpiEventsHandler(AccountDirectory accounts) {
    this.accounts = accounts;
  }

  @Override
  public String topic() {
    return "kam.kpi.events";
  }

  /** A snapshot carries all of an account's KPIs as of a month: the newest supersedes it. */
  @Override
  public Map<String, EventKind> types() {
    return Map.of("kam.kpi.snapshot.v1", EventKind.STATE);
  }

  /** The values of kam.kpi.snapshot.v1 objectives can be bound to. */
  public record SnapshotData(
      String asOfMonth,
      BigDecimal t12mRevenue,
      BigDecimal t12mGrowth,
      BigDecimal shareOfWallet,
      BigDecimal npsT12m,
      BigDecimal csatT12m,
      Integer crossSellCount) {}

  @Override
  public void apply(CloudEvent event) {
    if (!"kam.kpi.snapshot.v1".equals(event.type())) {
      Log.debugf("ignoring %s", event.type());
      return;
    }
    SnapshotData d = event.data(SnapshotData.class);
    accounts.snapshot(
        UUID.fromString(event.subject()),
        new Snapshot(
            d.asOfMonth(),
            d.t12mRevenue(),
            d.t12mGrowth(),
            d.shareOfWallet(),
            d.npsT12m(),
            d.csatT12m(),
            d.crossSellCount()));
  }
}

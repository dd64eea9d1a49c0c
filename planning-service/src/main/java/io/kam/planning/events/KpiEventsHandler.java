package io.kam.planning.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.kam.chassis.events.CloudEvent;
import io.kam.chassis.events.EventHandler;
import io.kam.chassis.events.EventKind;
import io.kam.planning.domain.AccountDirectory;
import io.kam.planning.domain.AccountDirectory.Snapshot;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;

/**
 * kam.kpi.events: keeps the latest snapshot per account and moves bound objectives. Stored even
 * for an account not known yet: nothing here depends on the account, and the chassis's sequence
 * check already keeps only the newest snapshot.
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

  @Override
  public void apply(CloudEvent event) {
    if (!"kam.kpi.snapshot.v1".equals(event.type())) {
      Log.debugf("ignoring %s", event.type());
      return;
    }
    JsonNode d = event.data();
    accounts.snapshot(UUID.fromString(event.subject()), new Snapshot(
        EventData.text(d, "asOfMonth"),
        EventData.decimal(d, "t12mRevenue"),
        EventData.decimal(d, "t12mGrowth"),
        EventData.decimal(d, "shareOfWallet"),
        EventData.decimal(d, "npsT12m"),
        EventData.decimal(d, "csatT12m"),
        EventData.integer(d, "crossSellCount")));
  }
}

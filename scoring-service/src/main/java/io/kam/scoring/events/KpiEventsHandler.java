package io.kam.scoring.events;

import io.kam.chassis.messaging.CloudEvent;
import io.kam.chassis.messaging.EventHandler;
import io.kam.chassis.messaging.EventKind;
import io.kam.scoring.domain.KpiSnapshot;
import io.kam.scoring.domain.ScoringInputs;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;

/** kam.kpi.events: KPI snapshots, the numbers scores are computed from. */
@ApplicationScoped
public class KpiEventsHandler implements EventHandler {

  private final ScoringInputs inputs;

  public KpiEventsHandler(ScoringInputs inputs) {
    this.inputs = inputs;
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
    if ("kam.kpi.snapshot.v1".equals(event.type())) {
      inputs.snapshot(UUID.fromString(event.subject()), event.data(KpiSnapshot.class));
    }
  }
}

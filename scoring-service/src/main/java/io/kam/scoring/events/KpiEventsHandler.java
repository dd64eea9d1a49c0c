package io.kam.scoring.events;

import io.kam.chassis.events.CloudEvent;
import io.kam.chassis.events.EventHandler;
import io.kam.scoring.domain.ScoringInputs;
import jakarta.enterprise.context.ApplicationScoped;
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

  @Override
  public void apply(CloudEvent event) {
    if ("kam.kpi.snapshot.v1".equals(event.type())) {
      inputs.snapshot(UUID.fromString(event.subject()), event.data());
    }
  }
}

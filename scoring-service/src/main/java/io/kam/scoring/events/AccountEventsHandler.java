package io.kam.scoring.events;

import io.kam.chassis.messaging.CloudEvent;
import io.kam.chassis.messaging.EventHandler;
import io.kam.chassis.messaging.EventKind;
import io.kam.scoring.domain.AccountFacts;
import io.kam.scoring.domain.ScoringInputs;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;

/** kam.account.events: name, owner and assessment of accounts, and their deletion. */
@ApplicationScoped
public class AccountEventsHandler implements EventHandler {

  private final ScoringInputs inputs;

  public AccountEventsHandler(ScoringInputs inputs) {
    this.inputs = inputs;
  }

  @Override
  public String topic() {
    return "kam.account.events";
  }

  /** Created and updated carry the whole account (the newest wins); a deletion is final. */
  @Override
  public Map<String, EventKind> types() {
    return Map.of(
        "kam.account.created.v1", EventKind.STATE,
        "kam.account.updated.v1", EventKind.STATE,
        "kam.account.deleted.v1", EventKind.FACT);
  }

  @Override
  public void apply(CloudEvent event) {
    UUID id = UUID.fromString(event.subject());
    switch (event.type()) {
      case "kam.account.created.v1", "kam.account.updated.v1" ->
          inputs.accountChanged(id, event.data(AccountFacts.class));
      case "kam.account.deleted.v1" -> inputs.accountDeleted(id);
      default -> {
        // other account events carry nothing scoring reads
      }
    }
  }
}

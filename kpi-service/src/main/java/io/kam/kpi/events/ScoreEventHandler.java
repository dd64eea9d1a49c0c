package io.kam.kpi.events;

import io.kam.chassis.messaging.CloudEvent;
import io.kam.chassis.messaging.EventHandler;
import io.kam.chassis.messaging.EventKind;
import io.kam.chassis.messaging.SubjectNotKnownYet;
import io.kam.kpi.domain.account.AccountLifecycle;
import io.kam.kpi.domain.account.AccountRow;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Current effective tier and type per account (portfolio segments), from kam.score.events. */
@ApplicationScoped
public class ScoreEventHandler implements EventHandler {

  static final String CHANGED = "kam.score.changed.v1";

  private final AccountLifecycle lifecycle;

  public ScoreEventHandler(AccountLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public String topic() {
    return "kam.score.events";
  }

  /** A score change carries the whole current score: the newest supersedes it. */
  @Override
  public Map<String, EventKind> types() {
    return Map.of("kam.score.changed.v1", EventKind.STATE);
  }

  @Override
  public void apply(CloudEvent event) {
    UUID id = UUID.fromString(event.subject());
    Optional<AccountRow> account = lifecycle.lock(id);
    if (account.isEmpty()) {
      // Every type is parked, not only CHANGED: skipping one would advance the sequence past
      // a parked CHANGED and make it stale on replay.
      throw new SubjectNotKnownYet(event.subject());
    }
    if (!CHANGED.equals(event.type())) {
      return;
    }
    // A deleted account's tier and type are kept too (no KPI reads them): the read model then
    // does not depend on how the account and score topics interleave, so a rebuild that replays
    // one topic after the other gives back exactly the same rows.
    ScoreData data = event.data(ScoreData.class);
    if (Objects.equals(account.get().tier(), data.tier())
        && Objects.equals(account.get().type(), data.type())) {
      return; // most rescorings keep tier and type: nothing to write
    }
    lifecycle.score(id, data.tier(), data.type());
  }

  /** The fields of a score change the portfolio segments use. */
  record ScoreData(String tier, String type) {}
}

package io.kam.planning.events;

import io.kam.chassis.messaging.CloudEvent;
import io.kam.chassis.messaging.EventHandler;
import io.kam.chassis.messaging.EventKind;
import io.kam.chassis.messaging.SubjectNotKnownYet;
import io.kam.planning.domain.AccountDirectory;
import io.kam.planning.domain.PlanReactions;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * kam.score.events: the score for SCORE objectives, and the reactions to key designation,
 * revocation and HIGH defection risk. Every type parks while the account is unknown, so the events
 * of scoring for one account are applied in their order once it is known (the score is a state a
 * later one would make stale; designations and risk changes are facts, applied anyway).
 */
@ApplicationScoped
public class ScoreEventsHandler implements EventHandler {

  private final AccountDirectory accounts;
  private final PlanReactions reactions;

  public ScoreEventsHandler(AccountDirectory accounts, PlanReactions reactions) {
    this.accounts = accounts;
    this.reactions = reactions;
  }

  @Override
  public String topic() {
    return "kam.score.events";
  }

  /**
   * The score change carries the whole current score (the newest wins); a designation, a revocation
   * and a risk change are reactions planning must make once each, whatever arrived after them.
   */
  @Override
  public Map<String, EventKind> types() {
    return Map.of(
        "kam.score.changed.v1", EventKind.STATE,
        "kam.score.key-designated.v1", EventKind.FACT,
        "kam.score.key-revoked.v1", EventKind.FACT,
        "kam.score.risk-changed.v1", EventKind.FACT);
  }

  /** What planning reads of kam.score.changed.v1. */
  public record ScoreData(BigDecimal score) {}

  /** What planning reads of kam.score.risk-changed.v1. */
  public record RiskData(String defectionRisk, List<String> riskReasons) {}

  @Override
  public void apply(CloudEvent event) {
    UUID accountId = UUID.fromString(event.subject());
    if (!accounts.isKnown(accountId)) {
      throw new SubjectNotKnownYet(event.subject());
    }
    switch (event.type()) {
      case "kam.score.changed.v1" -> accounts.score(accountId, event.data(ScoreData.class).score());
      case "kam.score.key-designated.v1" -> reactions.keyDesignated(accountId);
      case "kam.score.key-revoked.v1" -> reactions.keyRevoked(accountId);
      case "kam.score.risk-changed.v1" -> {
        RiskData d = event.data(RiskData.class);
        if ("HIGH".equals(d.defectionRisk())) {
          reactions.riskBecameHigh(
              accountId, d.riskReasons() == null ? List.of() : d.riskReasons());
        }
      }
      default -> Log.debugf("ignoring %s", event.type());
    }
  }
}

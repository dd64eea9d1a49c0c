package io.kam.scoring.domain;

import io.kam.chassis.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What a change of score means on {@code kam.score.events} (docs/events.md): always {@code
 * changed}, then {@code key-designated} / {@code key-revoked} when the effective tier enters /
 * leaves KEY, then {@code risk-changed} when the risk level moves. Written to the outbox in the
 * change's transaction, a rescoring batch's events in one outbox call.
 */
@ApplicationScoped
public class ScoreEvents {

  public static final String TOPIC = "kam.score.events";
  public static final String CHANGED = "kam.score.changed.v1";
  public static final String KEY_DESIGNATED = "kam.score.key-designated.v1";
  public static final String KEY_REVOKED = "kam.score.key-revoked.v1";
  public static final String RISK_CHANGED = "kam.score.risk-changed.v1";

  /** Why the effective tier moved: the score, or a manager's designation (set, removed, ended). */
  public enum KeyReason {
    SCORE,
    MANUAL
  }

  private final Outbox outbox;

  public ScoreEvents(Outbox outbox) {
    this.outbox = outbox;
  }

  /** Publishes what changed from {@code before} (null: first score) to {@code after}. */
  public void changed(UUID accountId, ScoreState before, ScoreState after, KeyReason keyReason) {
    List<Outbox.Pending> events = new ArrayList<>(3);
    addChanged(events, accountId, before, after, keyReason);
    outbox.addAll(TOPIC, events);
  }

  /** The events of every changed outcome, in their order, written in one outbox call. */
  public void changedAll(List<ScoreOutcome> outcomes) {
    List<Outbox.Pending> events = new ArrayList<>();
    for (ScoreOutcome o : outcomes) {
      if (o.changed()) {
        addChanged(events, o.account().id, o.before(), o.after(), o.keyReason());
      }
    }
    outbox.addAll(TOPIC, events);
  }

  private static void addChanged(
      List<Outbox.Pending> events,
      UUID accountId,
      ScoreState before,
      ScoreState after,
      KeyReason keyReason) {
    String subject = accountId.toString();
    String previousTier = before == null ? null : before.tier();
    String previousRisk = before == null ? null : before.risk();
    events.add(
        new Outbox.Pending(
            CHANGED,
            subject,
            new Changed(
                accountId,
                after.score(),
                after.computedTier(),
                after.tier(),
                after.type(),
                after.risk(),
                after.riskReasons(),
                after.coverage(),
                after.modelVersion(),
                previousTier,
                previousRisk)));
    boolean wasKey = "KEY".equals(previousTier);
    boolean isKey = "KEY".equals(after.tier());
    if (isKey != wasKey) {
      events.add(
          new Outbox.Pending(
              isKey ? KEY_DESIGNATED : KEY_REVOKED,
              subject,
              new KeyChange(accountId, after.tier(), keyReason.name(), after.score())));
    }
    // A first score at LOW is no news; a first score at MEDIUM or HIGH is.
    boolean riskMoved =
        previousRisk == null ? !"LOW".equals(after.risk()) : !previousRisk.equals(after.risk());
    if (riskMoved) {
      events.add(
          new Outbox.Pending(
              RISK_CHANGED,
              subject,
              new RiskChanged(accountId, after.risk(), previousRisk, after.riskReasons())));
    }
  }

  record Changed(
      UUID accountId,
      BigDecimal score,
      String computedTier,
      String tier,
      String type,
      String defectionRisk,
      List<String> riskReasons,
      BigDecimal coverage,
      int modelVersion,
      String previousTier,
      String previousDefectionRisk) {}

  record KeyChange(UUID accountId, String tier, String reason, BigDecimal score) {}

  record RiskChanged(
      UUID accountId,
      String defectionRisk,
      String previousDefectionRisk,
      List<String> riskReasons) {}
}

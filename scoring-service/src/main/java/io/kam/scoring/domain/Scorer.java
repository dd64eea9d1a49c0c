package io.kam.scoring.domain;

import io.kam.chassis.time.KamClock;
import io.kam.scoring.domain.ScoreEvents.KeyReason;
import io.kam.scoring.domain.calc.RiskReason;
import io.kam.scoring.domain.calc.ScoreCalculator;
import io.kam.scoring.domain.calc.ScoreResult;
import io.kam.scoring.domain.calc.ScoringModelSpec;
import io.kam.scoring.domain.calc.Tier;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * Applies a (re)computed score to an account inside the caller's transaction: a changed result is
 * stored, kept in history and published; an unchanged one only refreshes the breakdown silently.
 * Live scoring, rescoring after an activation and designations all go through here.
 */
@ApplicationScoped
public class Scorer {

  private final ScoreHistoryRepository scoreHistory;
  private final KamClock clock;
  private final MonthEndTiers monthEndTiers;
  private final ScoreEvents events;

  public Scorer(
      ScoreHistoryRepository scoreHistory,
      KamClock clock,
      MonthEndTiers monthEndTiers,
      ScoreEvents events) {
    this.scoreHistory = scoreHistory;
    this.clock = clock;
    this.monthEndTiers = monthEndTiers;
    this.events = events;
  }

  /** Rescores {@code a} with {@code model}; returns whether the result changed. */
  public boolean rescore(Account a, ScoringModelSpec model, Tier monthEndTier, String cause) {
    ScoreOutcome o = evaluate(a, model, monthEndTier, cause, clock.now());
    write(o);
    return o.changed();
  }

  /**
   * Computes {@code a}'s score with {@code model} and sets the account's fields to the new state,
   * writing nothing: the caller writes the outcome ({@link #write}, or set-based for a batch).
   */
  public ScoreOutcome evaluate(
      Account a, ScoringModelSpec model, Tier monthEndTier, String cause, Instant now) {
    if (a.deleted || !a.hasSnapshot) {
      return ScoreOutcome.untouched(a);
    }
    ScoreResult r = ScoreCalculator.compute(model, a.inputs(), monthEndTier);
    KeyReason keyReason = KeyReason.SCORE;
    boolean designationEnded = a.designationTier != null && a.designation(clock.today()) == null;
    if (designationEnded) {
      a.clearDesignation(); // ended: the change it causes is the designation's, not the score's
      keyReason = KeyReason.MANUAL;
      cause = Causes.DESIGNATION_ENDED;
    }
    String breakdown = ScoreJson.write(r.breakdown());
    ScoreState before = ScoreState.of(a);
    ScoreState after = stateOf(r, effectiveTier(a, r.computedTier().name()), model.version());
    if (after.sameResultAs(before)) {
      boolean refreshed = !breakdown.equals(a.breakdown) || a.modelVersion != model.version();
      if (refreshed) {
        a.breakdown = breakdown;
        a.modelVersion = model.version();
        a.computedAt = now;
      }
      return new ScoreOutcome(
          a,
          before,
          after,
          cause,
          keyReason,
          false,
          refreshed || designationEnded,
          designationEnded,
          false,
          designationEnded);
    }
    a.breakdown = breakdown;
    boolean tierChanged = setState(a, before, after, now);
    return new ScoreOutcome(
        a, before, after, cause, keyReason, true, true, true, tierChanged, designationEnded);
  }

  /**
   * Writes one outcome of {@link #evaluate} in the caller's transaction (the account is managed).
   */
  public void write(ScoreOutcome o) {
    Account a = o.account();
    if (o.tierChanged()) {
      monthEndTiers.record(a.id, a.computedTier);
    }
    if (o.history()) {
      scoreHistory.persist(historyEntry(a, o.cause()));
    }
    if (o.changed()) {
      events.changed(a.id, o.before(), o.after(), o.keyReason());
    }
  }

  /** Re-evaluates the effective tier after a designation was set, removed or ended. */
  public void designationChanged(Account a, String cause) {
    ScoreState before = ScoreState.of(a);
    ScoreState after =
        new ScoreState(
            before.score(),
            before.computedTier(),
            effectiveTier(a, before.computedTier()),
            before.type(),
            before.risk(),
            before.riskReasons(),
            before.coverage(),
            before.modelVersion());
    if (after.sameResultAs(before)) {
      // the designation itself is kept in history even when the tier stays
      scoreHistory.persist(historyEntry(a, cause));
      return;
    }
    boolean tierChanged = setState(a, before, after, clock.now());
    write(
        new ScoreOutcome(
            a, before, after, cause, KeyReason.MANUAL, true, true, true, tierChanged, false));
  }

  /** Sets the account's score fields to {@code after}; whether its computed tier changed. */
  private static boolean setState(Account a, ScoreState before, ScoreState after, Instant now) {
    a.scored = true;
    a.score = after.score();
    a.computedTier = after.computedTier();
    a.tier = after.tier();
    a.type = after.type();
    a.risk = after.risk();
    a.riskReasons = String.join(",", after.riskReasons());
    a.coverage = after.coverage();
    a.modelVersion = after.modelVersion();
    a.computedAt = now;
    return before == null || !before.computedTier().equals(after.computedTier());
  }

  private String effectiveTier(Account a, String computedTier) {
    Designation d = a.designation(clock.today());
    return d == null ? computedTier : d.tier();
  }

  private static ScoreState stateOf(ScoreResult r, String tier, int modelVersion) {
    List<String> reasons = r.reasons().stream().map(RiskReason::name).toList();
    return new ScoreState(
        r.score(),
        r.computedTier().name(),
        tier,
        r.type().name(),
        r.risk().name(),
        reasons,
        Decimals.plain(r.coverage()),
        modelVersion);
  }

  /** The history entry of {@code a}'s current state (not persisted). */
  ScoreHistoryEntry historyEntry(Account a, String cause) {
    ScoreHistoryEntry h = new ScoreHistoryEntry();
    h.accountId = a.id;
    h.at = clock.now();
    h.cause = cause;
    h.score = a.score;
    h.computedTier = a.computedTier;
    h.tier = a.tier;
    h.type = a.type;
    h.risk = a.risk;
    h.riskReasons = a.riskReasons;
    h.coverage = a.coverage;
    h.modelVersion = a.modelVersion;
    h.breakdown = a.breakdown;
    Designation d = a.designation(clock.today());
    h.designation = d == null ? null : ScoreJson.write(d);
    return h;
  }
}

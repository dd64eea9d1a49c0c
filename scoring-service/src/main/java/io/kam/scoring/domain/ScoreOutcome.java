package io.kam.scoring.domain;

import io.kam.scoring.domain.ScoreEvents.KeyReason;

/**
 * What rescoring one account decided, before anything was written: the account (its fields already
 * hold the new state), the result before and after, and which writes follow. The live path writes
 * one outcome at once ({@link Scorer#write}); rescoring after an activation writes a whole batch's
 * outcomes set-based ({@link RescoredBatch}). Both write the same rows and events.
 *
 * @param changed the result changed: history, events, and a computed-tier change if {@code
 *     tierChanged}
 * @param touched the account row must be written (result, breakdown, model version or designation)
 * @param history a history entry is written ({@code changed}, or an ended designation)
 * @param designationEnded the designation reached its end and was cleared from the account
 */
public record ScoreOutcome(
    Account account,
    ScoreState before,
    ScoreState after,
    String cause,
    KeyReason keyReason,
    boolean changed,
    boolean touched,
    boolean history,
    boolean tierChanged,
    boolean designationEnded) {

  static ScoreOutcome untouched(Account a) {
    return new ScoreOutcome(a, null, null, null, null, false, false, false, false, false);
  }
}

package io.kam.scoring.domain;

/**
 * What scoring reads of an account's state (kam.account.created/updated.v1 payloads; other fields
 * are ignored). Absent values are null.
 */
public record AccountFacts(String name, String ownerId, Assessment assessment) {

  /** The KAM's assessment, each 1..5 or unknown. */
  public record Assessment(
      Integer strategicAlignment, Integer marketInfluence, Integer fit, Integer partnership) {}

  Assessment assessmentOrNone() {
    return assessment == null ? new Assessment(null, null, null, null) : assessment;
  }
}

package io.kam.scoring.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * What scoring reads of an account's state (kam.account.created/updated.v1 payloads; other fields
 * are ignored). Absent values are null.
 */
public record AccountFacts(
    String name,
    String ownerId,
    List<TeamMember> team,
    String industry,
    String country,
    String region,
    Assessment assessment,
    LocalDate assessedAt) {

  /** The KAM's assessment, each 1..5 or unknown. */
  public record Assessment(
      Integer strategicAlignment, Integer marketInfluence, Integer fit, Integer partnership) {}

  /** A member of the account team ("my accounts" includes the accounts one is on the team of). */
  public record TeamMember(String userId, String role) {}

  Assessment assessmentOrNone() {
    return assessment == null ? new Assessment(null, null, null, null) : assessment;
  }

  List<TeamMember> teamOrNone() {
    return team == null ? List.of() : team;
  }
}

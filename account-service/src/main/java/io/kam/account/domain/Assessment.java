package io.kam.account.domain;

/** The KAM's assessment, each 1..5 or unknown (null). */
public record Assessment(
    Integer strategicAlignment, Integer marketInfluence, Integer fit, Integer partnership) {

  public static final Assessment NONE = new Assessment(null, null, null, null);
}

package io.kam.scoring.domain;

/** Why a history entry was written. */
public final class Causes {

  public static final String SNAPSHOT = "SNAPSHOT";
  public static final String ACCOUNT = "ACCOUNT";
  public static final String MODEL = "MODEL";
  public static final String DESIGNATION = "DESIGNATION";
  public static final String DESIGNATION_REMOVED = "DESIGNATION_REMOVED";
  public static final String DESIGNATION_ENDED = "DESIGNATION_ENDED";

  private Causes() {}
}

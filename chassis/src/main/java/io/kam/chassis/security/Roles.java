package io.kam.chassis.security;

/** The roles of docs/api.md, as they appear in the JWT {@code groups} claim. */
public final class Roles {

  public static final String VIEWER = "viewer";
  public static final String KAM = "kam";
  public static final String KAM_MANAGER = "kam-manager";
  public static final String INTEGRATION = "integration";
  public static final String ADMIN = "admin";

  private Roles() {}
}

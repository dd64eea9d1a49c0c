package io.kam.planning.api;

/** Who may call what: everyone with a role reads; kam (own accounts), kam-manager and admin write. */
final class ApiRoles {

  static final String VIEWER = "viewer";
  static final String KAM = "kam";
  static final String KAM_MANAGER = "kam-manager";
  static final String INTEGRATION = "integration";
  static final String ADMIN = "admin";

  private ApiRoles() {}
}

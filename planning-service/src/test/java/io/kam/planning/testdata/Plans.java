package io.kam.planning.testdata;

import java.util.UUID;

/** Plans brought into a given status through the API, as a manager. */
public final class Plans {

  private Plans() {}

  public static UUID planIn(String status) {
    UUID account = AnAccount.anAccount().create().id();
    UUID plan = Api.draftPlan(account);
    switch (status) {
      case "DRAFT" -> {}
      case "ACTIVE" -> move(plan, "activate");
      case "UNDER_REVIEW" -> move(plan, "activate", "submit-for-review");
      case "COMPLETED" -> move(plan, "activate", "complete");
      case "ARCHIVED" -> move(plan, "archive");
      default -> throw new IllegalArgumentException(status);
    }
    return plan;
  }

  private static void move(UUID plan, String... actions) {
    for (String a : actions) {
      Api.transition(plan, a).then().statusCode(200);
    }
  }
}

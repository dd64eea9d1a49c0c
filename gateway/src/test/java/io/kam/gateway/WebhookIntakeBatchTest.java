package io.kam.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.kam.gateway.webhook.EventIntake;
import io.kam.platform.TestAuth;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A polled batch is taken in one transaction, and matches exactly as event by event: each event's
 * owner filter sees the owner in force at that event, within the batch or before it.
 */
@QuarkusTest
class WebhookIntakeBatchTest {

  private static final String ADMIN = "Bearer " + TestAuth.client("admin-ada", "admin");

  @Inject EventIntake intake;
  @Inject AgroalDataSource dataSource;

  @Test
  void aBatchMatchesEachEventWithTheOwnerInForceAtThatEvent() throws SQLException {
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      String run = UUID.randomUUID().toString().substring(0, 8);
      String anna = "kam-anna-" + run;
      String ben = "kam-ben-" + run;
      String account = UUID.randomUUID().toString();
      String annas = subscribe(receiver.url(), anna);
      String bens = subscribe(receiver.url(), ben);
      EventIntake.Incoming before = account(account, anna);
      assertEquals(1, intake.takeAll(List.of(before)));

      EventIntake.Incoming kpi = other(account, "kam.kpi.snapshot.v1"); // stored owner: anna
      EventIntake.Incoming toBen = account(account, ben);
      EventIntake.Incoming score = other(account, "kam.score.changed.v1"); // ben
      EventIntake.Incoming back = account(account, anna);
      EventIntake.Incoming plan = other(account, "kam.plan.created.v1"); // anna again
      int written = intake.takeAll(List.of(kpi, toBen, score, toBen, back, plan));

      assertEquals(5, written); // the redelivered copy of toBen counts once
      assertEquals(List.of(before.id(), kpi.id(), back.id(), plan.id()), deliveries(annas));
      assertEquals(List.of(toBen.id(), score.id()), deliveries(bens));
      assertEquals(0, intake.takeAll(List.of(kpi, toBen))); // taken before: nothing new
    }
  }

  private static String subscribe(String url, String owner) {
    return given()
        .header("Authorization", ADMIN)
        .contentType("application/json")
        .body(
            "{\"targetUrl\":\"" + url + "\",\"eventTypes\":[\"*\"],\"ownerId\":\"" + owner + "\"}")
        .post("/api/v1/webhooks")
        .then()
        .statusCode(201)
        .extract()
        .path("webhook.id");
  }

  private static EventIntake.Incoming account(String account, String owner) {
    String id = UUID.randomUUID().toString();
    return new EventIntake.Incoming(
        id, "kam.account.updated.v1", account, "{\"id\":\"" + id + "\"}", true, owner);
  }

  private static EventIntake.Incoming other(String account, String type) {
    String id = UUID.randomUUID().toString();
    return new EventIntake.Incoming(id, type, account, "{\"id\":\"" + id + "\"}", false, null);
  }

  /** The events delivered to a subscription, in delivery (event position) order. */
  private List<String> deliveries(String subscription) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select event_id from webhook_delivery where subscription_id = ?::uuid"
                    + " order by event_position")) {
      ps.setString(1, subscription);
      List<String> ids = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
      return ids;
    }
  }
}

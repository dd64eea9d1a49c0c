package io.kam.chassis.http;

import static io.kam.chassis.Auth.asAdmin;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConsistencyTokenTest {

  @Inject AgroalDataSource ds;

  @Test
  void aWriteThatPublishedEventsAnswersATokenNamingProducerTopicAndSequence() {
    Response created =
        asAdmin()
            .contentType("application/json")
            .body("{\"name\":\"tokened\"}")
            .post("/api/v1/widgets")
            .then()
            .statusCode(201)
            .extract()
            .response();
    String header = created.header(ConsistencyToken.HEADER);
    assertNotNull(header, "the write answers a consistency token");
    ConsistencyToken token = ConsistencyToken.decode(header);
    assertEquals("/chassis-test-service", token.producer());
    assertEquals("kam.plan.events", token.topic());
    assertEquals(Map.of(created.<String>path("id"), 1L), token.subjects());
    asAdmin()
        .get("/api/v1/widgets/" + created.path("id"))
        .then()
        .statusCode(200)
        .header(ConsistencyToken.HEADER, (String) null);
  }

  @Test
  void aConsumerSaysWhetherItHasAppliedTheTokensEvents() throws Exception {
    String subject = UUID.randomUUID().toString();
    String token =
        new ConsistencyToken("/account-service", "kam.account.events", Map.of(subject, 3L))
            .encode();
    asAdmin()
        .queryParam("write", token)
        .get("/api/v1/internal/consistency")
        .then()
        .statusCode(200)
        .body("service", equalTo("chassis-test"))
        .body("consumes", equalTo(true))
        .body("applied", equalTo(false))
        .body("behind", contains(subject));
    position(subject, 3);
    asAdmin()
        .queryParam("write", token)
        .get("/api/v1/internal/consistency")
        .then()
        .statusCode(200)
        .body("applied", equalTo(true))
        .body("behind", empty());
    String other =
        new ConsistencyToken("/planning-service", "kam.plan.events", Map.of(subject, 9L)).encode();
    asAdmin()
        .queryParam("write", other)
        .get("/api/v1/internal/consistency")
        .then()
        .statusCode(200)
        .body("consumes", equalTo(false))
        .body("applied", equalTo(true));
    asAdmin()
        .queryParam("write", "garbage!")
        .get("/api/v1/internal/consistency")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  private void position(String subject, long sequence) throws Exception {
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into kam_chassis.consumer_position"
                    + " (consumer, producer, subject, last_sequence) values ('chassis-test', '/account-service', ?, ?)")) {
      ps.setString(1, subject);
      ps.setLong(2, sequence);
      ps.executeUpdate();
    }
  }
}

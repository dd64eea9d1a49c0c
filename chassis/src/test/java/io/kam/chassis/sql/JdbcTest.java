package io.kam.chassis.sql;

import static io.kam.chassis.Auth.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kam.chassis.problem.DatabaseErrors;
import io.kam.chassis.problem.DatabaseFailure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class JdbcTest {

  record Named(UUID id, String name, Integer rating) {}

  private static final RowMapper<Named> NAMED =
      r -> new Named(r.uuid("id"), r.string("name"), r.intValue("rating"));

  @Inject Jdbc jdbc;

  private void insert(UUID id, String name, Integer rating) {
    jdbc.update(
        "insert into widget (id, name, rating, version) values (:id, :name, :rating, 0)",
        SqlParams.of("id", id, "name", name, "rating", rating));
  }

  @Test
  void namedParametersBindByNameAndLeaveCastsLiteralsAndCommentsAlone() {
    UUID id = UUID.randomUUID();
    insert(id, "named", null);
    Optional<String> read =
        jdbc.one(
            "select name || ':x' || :suffix::text as v from widget /* :not */ where id = :id -- :nor\n and id = :id",
            SqlParams.of("id", id, "suffix", "!"),
            r -> r.string("v"));
    assertEquals("named:x!", read.orElseThrow());
    assertEquals(
        Optional.of(new Named(id, "named", null)),
        jdbc.one(
            "select id, name, rating from widget where id = :id", SqlParams.of("id", id), NAMED));
  }

  @Test
  void aMissingParameterIsRefusedBeforeAnythingRuns() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            jdbc.list("select id from widget where id = :id", SqlParams.none(), r -> r.uuid("id")));
  }

  @Test
  void aBatchWritesEveryItemAndAnArrayParameterReadsThemBack() {
    List<Named> items =
        List.of(
            new Named(UUID.randomUUID(), "b1", 1),
            new Named(UUID.randomUUID(), "b2", 2),
            new Named(UUID.randomUUID(), "b3", null));
    jdbc.batch(
        "insert into widget (id, name, rating, version) values (:id, :name, :rating, 0)",
        items,
        (w, p) -> p.set("id", w.id()).set("name", w.name()).set("rating", w.rating()));
    List<Named> read =
        jdbc.list(
            "select id, name, rating from widget where id = any(:ids) order by name",
            SqlParams.none().array("ids", "uuid", items.stream().map(Named::id).toList()),
            NAMED);
    assertEquals(items, read);
  }

  @Test
  void statementsJoinTheCallersTransactionAndRollBackWithIt() {
    UUID id = UUID.randomUUID();
    assertThrows(
        IllegalStateException.class,
        () ->
            QuarkusTransaction.requiringNew()
                .run(
                    () -> {
                      insert(id, "rolled-back", 1);
                      // the same transaction sees its own uncommitted row
                      assertEquals(
                          1,
                          jdbc.list(
                                  "select id, name, rating from widget where id = :id",
                                  SqlParams.of("id", id),
                                  NAMED)
                              .size());
                      throw new IllegalStateException("abort");
                    }));
    assertTrue(
        jdbc.list(
                "select id, name, rating from widget where id = :id", SqlParams.of("id", id), NAMED)
            .isEmpty());
  }

  @Test
  void aTakenKeyIsADatabaseFailureKeepingItsStateAndAConflictProblem() {
    UUID id = UUID.randomUUID();
    insert(id, "first", 1);
    DatabaseFailure failure = assertThrows(DatabaseFailure.class, () -> insert(id, "second", 2));
    assertEquals("23505", failure.sqlState());
    assertEquals(409, DatabaseErrors.problemOf(failure).orElseThrow().status());
  }

  @Test
  void aTakenKeyThroughTheApiIsA409ProblemNamingNoSqlOrClass() {
    UUID id = UUID.randomUUID();
    asAdmin().put("/api/v1/raw-widgets/" + id).then().statusCode(204);
    asAdmin()
        .put("/api/v1/raw-widgets/" + id)
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("status", equalTo(409))
        .body("detail", not(containsString("widget")))
        .body("detail", not(containsString("insert")))
        .body("detail", not(containsString("Exception")));
  }
}

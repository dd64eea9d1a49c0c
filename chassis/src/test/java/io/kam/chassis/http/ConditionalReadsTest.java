package io.kam.chassis.http;

import static io.kam.chassis.Auth.asAdmin;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConditionalReadsTest {

  private static Response create(String name) {
    return asAdmin()
        .contentType("application/json")
        .body("{\"name\":\"" + name + "\",\"rating\":3,\"color\":\"RED\"}")
        .when()
        .post("/api/v1/widgets")
        .then()
        .statusCode(201)
        .extract()
        .response();
  }

  private static Response list() {
    return asAdmin().when().get("/api/v1/widgets?limit=500").then().extract().response();
  }

  @Test
  void listCarriesAWeakETagOverItsBodyAndRevalidatesWith304() {
    create("listed");
    Response first = list();
    String etag = first.header("ETag");
    assertEquals(200, first.statusCode());
    org.hamcrest.MatcherAssert.assertThat(etag, startsWith("W/\""));
    assertEquals("private, no-cache", first.header("Cache-Control"));
    assertEquals(etag, list().header("ETag"), "the same body, the same tag");

    asAdmin()
        .header("If-None-Match", etag)
        .when()
        .get("/api/v1/widgets?limit=500")
        .then()
        .statusCode(304)
        .header("ETag", etag)
        .header("Cache-Control", "private, no-cache")
        .body(emptyString());
  }

  @Test
  void aChangedListAnswers200WithANewTag() {
    String before = list().header("ETag");
    create("another");
    asAdmin()
        .header("If-None-Match", before)
        .when()
        .get("/api/v1/widgets?limit=500")
        .then()
        .statusCode(200)
        .header("ETag", not(equalTo(before)))
        .body("items", not(org.hamcrest.Matchers.empty()));
  }

  @Test
  void singleResourceKeepsItsVersionTagAndAnswers304ToItWeakOrStrong() {
    Response created = create("single");
    String id = created.path("id");
    String etag = created.header("ETag");
    asAdmin().when().get("/api/v1/widgets/" + id).then().statusCode(200).header("ETag", etag);
    asAdmin()
        .header("If-None-Match", etag)
        .when()
        .get("/api/v1/widgets/" + id)
        .then()
        .statusCode(304)
        .header("ETag", etag);
    asAdmin()
        .header("If-None-Match", "\"nope\", W/" + etag)
        .when()
        .get("/api/v1/widgets/" + id)
        .then()
        .statusCode(304);
  }

  @Test
  void mismatchingTagAnswers200WithTheBody() {
    String id = create("mismatch").path("id");
    asAdmin()
        .header("If-None-Match", "\"999999\", W/\"other\"")
        .when()
        .get("/api/v1/widgets/" + id)
        .then()
        .statusCode(200)
        .body("name", equalTo("mismatch"));
  }

  @Test
  void starMatchesAnyExistingRepresentationButNeverAMissingOne() {
    String id = create("star").path("id");
    asAdmin()
        .header("If-None-Match", "*")
        .when()
        .get("/api/v1/widgets/" + id)
        .then()
        .statusCode(304);
    asAdmin()
        .header("If-None-Match", "*")
        .when()
        .get("/api/v1/widgets/" + java.util.UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .header("ETag", nullValue());
  }

  @Test
  void writesAreUntouchedEvenWithIfNoneMatch() {
    Response first = create("post-1");
    asAdmin()
        .header("If-None-Match", "*")
        .contentType("application/json")
        .body("{\"name\":\"post-2\",\"rating\":3,\"color\":\"RED\"}")
        .when()
        .post("/api/v1/widgets")
        .then()
        .statusCode(201)
        .header("Cache-Control", nullValue())
        .body("name", equalTo("post-2"));
    assertNotEquals(first.header("ETag"), null);
  }
}

package io.kam.system.fuzz;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kam.system.SystemUnderTest;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes every operation of the gateway's merged OpenAPI document with malformed requests, as an
 * admin and as a KAM (so they reach the services): zero 5xx, every 4xx problem+json without class
 * names, SQL or stack traces. Seeded ({@code -Dkam.fuzz.seed=N}), so a failure replays; prints its
 * counts. The clock endpoint is left out: moving a service's clock would disturb the other tests
 * sharing this system.
 */
class FuzzIT {

  private static final long SEED = Long.getLong("kam.fuzz.seed", 15L);
  private static final String KAM = "kam-fuzz";

  @Test
  void malformedRequestsToEveryOperationGetACleanProblemAndNeverA5xx() throws Exception {
    SystemUnderTest sut = SystemUnderTest.get();
    String gateway = sut.gatewayUrl();
    String admin = "Bearer " + sut.token("admin-fuzz", "admin");
    String kam = "Bearer " + sut.token(KAM, "kam");
    Random random = new Random(SEED);
    Map<String, String> ids = fixtures(gateway, kam, random);
    String foreignCursor =
        given()
            .header("Authorization", admin)
            .get(gateway + "/api/v1/plans?limit=1")
            .then()
            .statusCode(200)
            .extract()
            .path("nextCursor");
    Requests requests =
        new Requests(
            ids, foreignCursor == null ? "eyJmb3JlaWduIjp0cnVlfQ" : foreignCursor, "fuzz-" + SEED);
    JsonNode doc =
        BodyMutations.JSON.readTree(
            given().accept("application/json").get(gateway + "/q/openapi").asString());

    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    Map<String, Integer> byStatus = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    int sent = 0;
    for (Operation op : Operation.all(doc)) {
      if (op.path().endsWith("/clock")) {
        continue;
      }
      for (FuzzCase c : requests.of(op, random)) {
        String caller = sent % 2 == 0 ? admin : kam;
        HttpResponse<String> r;
        try {
          r = send(http, gateway, c, caller);
        } catch (IllegalArgumentException notSendable) {
          byStatus.merge("not sendable", 1, Integer::sum);
          continue;
        }
        sent++;
        String verdict =
            r == null
                ? "no answer"
                : Verdict.judge(
                    r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body());
        byStatus.merge(r == null ? "none" : String.valueOf(r.statusCode()), 1, Integer::sum);
        if (verdict != null) {
          failures.add(
              c.operation()
                  + " ["
                  + c.label()
                  + "] "
                  + verdict
                  + ": "
                  + (r == null ? "" : abbreviate(r.body())));
        }
      }
    }
    System.out.printf(
        "fuzz seed %d: %d requests, by status %s, %d failures%n",
        SEED, sent, byStatus, failures.size());
    failures.stream().limit(60).forEach(f -> System.out.println("  " + f));
    assertTrue(
        failures.isEmpty(),
        failures.size()
            + " malformed requests were not answered with a clean 4xx problem"
            + " (seed "
            + SEED
            + "), first: "
            + failures.subList(0, Math.min(15, failures.size())));
  }

  private static HttpResponse<String> send(
      HttpClient http, String gateway, FuzzCase c, String caller) {
    try {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(gateway + c.pathAndQuery()))
              .timeout(Duration.ofSeconds(30))
              .header("Authorization", caller);
      c.headers().forEach(b::header);
      b.method(
          c.method(),
          c.body() == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(c.body()));
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * An account of the fuzzing KAM with a contact and a plan, so hostile values also reach real
   * resources.
   */
  private static Map<String, String> fixtures(String gateway, String kam, Random random) {
    String account =
        given()
            .baseUri(gateway)
            .header("Authorization", kam)
            .contentType("application/json")
            .body("{\"name\":\"Fuzz " + SEED + "\",\"ownerId\":\"" + KAM + "\"}")
            .post("/api/v1/accounts")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String contact =
        given()
            .baseUri(gateway)
            .header("Authorization", kam)
            .contentType("application/json")
            .body("{\"name\":\"Fuzz Contact\"}")
            .post("/api/v1/accounts/" + account + "/contacts")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String[] plan = new String[1];
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              Response r =
                  given()
                      .baseUri(gateway)
                      .header("Authorization", kam)
                      .contentType("application/json")
                      .body(
                          "{\"accountId\":\""
                              + account
                              + "\",\"title\":\"Fuzz plan\",\"period\":{\"start\":\"2026-10-01\","
                              + "\"end\":\"2027-09-30\"}}")
                      .post("/api/v1/plans");
              plan[0] = r.statusCode() == 201 ? r.path("id") : null;
              return plan[0] != null;
            });
    return Map.of(
        "account",
        account,
        "contact",
        contact,
        "plan",
        plan[0],
        "random",
        new UUID(random.nextLong(), random.nextLong()).toString());
  }

  private static String abbreviate(String body) {
    String oneLine = body.replace('\n', ' ');
    return oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine;
  }
}

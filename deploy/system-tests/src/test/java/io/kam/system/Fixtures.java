package io.kam.system;

import static org.awaitility.Awaitility.await;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Data the authorization matrix works on: an account of the "own" KAM with a plan and its parts.
 */
final class Fixtures {

  private static final String STALE = "\"0\"";
  final Map<String, String> ids;

  private Fixtures(Map<String, String> ids) {
    this.ids = ids;
  }

  static Fixtures create(
      Function<AuthorizationMatrixIT.Who, RequestSpecification> as, String owner) {
    Function<String, RequestSpecification> json =
        body ->
            as.apply(AuthorizationMatrixIT.Who.OWN_KAM).contentType("application/json").body(body);
    String account =
        json.apply("{\"name\":\"Matrix " + UUID.randomUUID() + "\",\"ownerId\":\"" + owner + "\"}")
            .post("/api/v1/accounts")
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
                  json.apply(
                          "{\"accountId\":\""
                              + account
                              + "\",\"title\":\"Matrix plan\","
                              + "\"period\":{\"start\":\"2026-10-01\",\"end\":\"2027-09-30\"}}")
                      .post("/api/v1/plans");
              plan[0] = r.statusCode() == 201 ? r.path("id") : null;
              return plan[0] != null;
            });
    String p = "/api/v1/plans/" + plan[0];
    String contact =
        json.apply("{\"name\":\"Carla Contact\"}")
            .post("/api/v1/accounts/" + account + "/contacts")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String objective =
        json.apply("{\"title\":\"Grow\"}")
            .post(p + "/objectives")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String action =
        json.apply("{\"title\":\"Call\",\"dueDate\":\"2026-12-01\"}")
            .post(p + "/actions")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String risk =
        json.apply("{\"description\":\"Churn\",\"likelihood\":2,\"impact\":3}")
            .post(p + "/risks")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String opportunity =
        json.apply(
                "{\"productLine\":\"ANALYTICS\",\"kind\":\"UPSELL\",\"estimatedValue\":1000,"
                    + "\"probability\":0.5}")
            .post(p + "/opportunities")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    as.apply(AuthorizationMatrixIT.Who.OWN_KAM).post(p + "/activate").then().statusCode(200);
    String review =
        json.apply("{\"summary\":\"Fine\"}")
            .post(p + "/reviews")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String model =
        as.apply(AuthorizationMatrixIT.Who.ADMIN)
            .get("/api/v1/scoring-models")
            .then()
            .statusCode(200)
            .extract()
            .path("items[0].id")
            .toString();
    return new Fixtures(
        Map.of(
            "account",
            account,
            "plan",
            plan[0],
            "contact",
            contact,
            "objective",
            objective,
            "action",
            action,
            "risk",
            risk,
            "opportunity",
            opportunity,
            "review",
            review,
            "model",
            model));
  }

  /**
   * The concrete URL for an OpenAPI path, ids taken from the fixtures by the segment before them.
   */
  String resolve(String path) {
    String[] parts = path.split("/");
    StringBuilder url = new StringBuilder();
    String previous = "";
    for (String part : parts) {
      if (part.isEmpty()) {
        continue;
      }
      String value = part;
      if (part.startsWith("{")) {
        value =
            switch (previous) {
              case "accounts" -> ids.get("account");
              case "plans" -> ids.get("plan");
              case "contacts" -> ids.get("contact");
              case "objectives" -> ids.get("objective");
              case "actions" -> ids.get("action");
              case "risks" -> ids.get("risk");
              case "opportunities" -> ids.get("opportunity");
              case "reviews" -> ids.get("review");
              case "scoring-models" -> ids.get("model");
              case "admin" -> "account";
              case "dead-letters" -> "999999";
              default -> UUID.randomUUID().toString();
            };
      }
      url.append('/').append(value);
      previous = part;
    }
    return url.toString();
  }

  Response request(RequestSpecification r, String method, String path, String url) {
    String body = bodyFor(method, path);
    if (body != null) {
      r =
          r.contentType(
                  method.equals("PATCH") ? "application/merge-patch+json" : "application/json")
              .body(body);
    }
    if (Set.of("PUT", "PATCH", "DELETE").contains(method)) {
      r = r.header("If-Match", STALE);
    }
    return r.request(method, url);
  }

  private String bodyFor(String method, String path) {
    if (method.equals("GET") || method.equals("DELETE")) {
      return null;
    }
    if (method.equals("PATCH")) {
      return "{}";
    }
    if (path.equals("/api/v1/accounts")) {
      return "{\"name\":\"Matrix created " + UUID.randomUUID() + "\"}";
    }
    if (path.equals("/api/v1/accounts/{id}")) {
      return "{\"name\":\"Matrix replaced\"}";
    }
    if (path.endsWith("/contacts") || path.endsWith("/contacts/{contactId}")) {
      return "{\"name\":\"Other Contact\"}";
    }
    if (path.endsWith("/designation")) {
      return "{\"tier\":\"KEY\",\"reason\":\"matrix\"}";
    }
    if (path.equals("/api/v1/plans")) {
      return "{\"accountId\":\""
          + ids.get("account")
          + "\",\"title\":\"Another\","
          + "\"period\":{\"start\":\"2026-10-01\",\"end\":\"2027-09-30\"}}";
    }
    if (path.endsWith("/objectives")) {
      return "{\"title\":\"More\"}";
    }
    if (path.endsWith("/actions")) {
      return "{\"title\":\"Visit\",\"dueDate\":\"2026-12-01\"}";
    }
    if (path.endsWith("/risks")) {
      return "{\"description\":\"Price\",\"likelihood\":1,\"impact\":1}";
    }
    if (path.endsWith("/opportunities")) {
      return "{\"productLine\":\"PLATFORM\",\"kind\":\"CROSS_SELL\",\"estimatedValue\":10,\"probability\":0.1}";
    }
    if (path.endsWith("/reviews")) {
      return "{\"summary\":\"Looked at it\"}";
    }
    if (path.endsWith("/clock")) {
      return "{\"now\":\"2026-10-15T08:00:00Z\"}";
    }
    if (path.equals("/api/v1/sync/accounts")
        || path.equals("/api/v1/sync/contacts")
        || path.equals("/api/v1/revenue-lines")
        || path.equals("/api/v1/survey-responses")) {
      return "{\"items\":[]}";
    }
    return "{}";
  }
}

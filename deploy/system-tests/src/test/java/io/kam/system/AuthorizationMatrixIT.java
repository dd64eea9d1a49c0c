package io.kam.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the gateway's merged OpenAPI document x every kind of caller. The expected
 * outcome comes from {@link AccessRules}; an operation without a rule fails the test, so a new
 * endpoint cannot ship without saying who may call it. Another KAM's account is 403, never data; a
 * caller whose valid token carries no role is 403 on every operation but {@code /api/v1/me}.
 */
class AuthorizationMatrixIT {

  enum Who {
    ANONYMOUS(null),
    NO_ROLE(null),
    VIEWER("viewer"),
    OTHER_KAM("kam"),
    INTEGRATION("integration"),
    OWN_KAM("kam"),
    MANAGER("kam-manager"),
    ADMIN("admin");

    final String role;

    Who(String role) {
      this.role = role;
    }
  }

  record Operation(String method, String path) {}

  private final SystemUnderTest sut = SystemUnderTest.get();
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  private String user(Who who) {
    return switch (who) {
      case OWN_KAM -> "kam-own-" + run;
      case OTHER_KAM -> "kam-other-" + run;
      default -> who.name().toLowerCase() + "-" + run;
    };
  }

  private RequestSpecification as(Who who) {
    RequestSpecification r = given().baseUri(sut.gatewayUrl());
    if (who == Who.ANONYMOUS) {
      return r;
    }
    // A valid token without any role: deny by default, everything but /api/v1/me is 403.
    String token = who == Who.NO_ROLE ? sut.token(user(who)) : sut.token(user(who), who.role);
    return r.header("Authorization", "Bearer " + token);
  }

  @Test
  void everyOperationGivesEachCallerItsExpectedOutcome() {
    Fixtures f = Fixtures.create(this::as, user(Who.OWN_KAM));
    JsonPath doc =
        JsonPath.from(
            given().accept("application/json").get(sut.gatewayUrl() + "/q/openapi").asString());
    Map<String, Map<String, Object>> paths = doc.getMap("paths");
    List<Operation> operations = new ArrayList<>();
    paths.forEach(
        (path, item) ->
            item.keySet().stream()
                .filter(m -> Set.of("get", "post", "put", "patch", "delete").contains(m))
                .forEach(m -> operations.add(new Operation(m.toUpperCase(), path))));
    operations.sort(
        Comparator.comparingInt((Operation o) -> AccessRules.order(o.method(), o.path()))
            .thenComparing(Operation::path));

    List<String> wrong = new ArrayList<>();
    for (Operation op : operations) {
      Set<Who> allowed = AccessRules.allowed(op.method(), op.path());
      if (allowed == null) {
        wrong.add("no expected outcome for " + op.method() + " " + op.path());
        continue;
      }
      String url = f.resolve(op.path());
      for (Who who : Who.values()) {
        Response r = f.request(as(who), op.method(), op.path(), url);
        int status = r.statusCode();
        boolean ok =
            who == Who.ANONYMOUS
                ? status == 401
                : allowed.contains(who)
                    ? status != 401 && status != 403 && status < 500
                    : status == 403;
        if (!ok) {
          wrong.add(
              op.method()
                  + " "
                  + op.path()
                  + " as "
                  + who
                  + ": "
                  + status
                  + " (expected "
                  + (who == Who.ANONYMOUS ? "401" : allowed.contains(who) ? "allowed" : "403")
                  + ")");
        }
      }
    }
    assertTrue(
        wrong.isEmpty(), wrong.size() + " unexpected outcomes:\n" + String.join("\n", wrong));
  }

  /** Who may call what (docs/api.md, Identity and roles): first matching rule wins. */
  static final class AccessRules {
    private static final Set<Who> READERS =
        EnumSet.complementOf(EnumSet.of(Who.ANONYMOUS, Who.NO_ROLE));
    private static final Set<Who> OWNERS = EnumSet.of(Who.OWN_KAM, Who.MANAGER, Who.ADMIN);
    private static final Set<Who> MANAGERS = EnumSet.of(Who.MANAGER, Who.ADMIN);
    private static final Set<Who> INGEST = EnumSet.of(Who.INTEGRATION, Who.MANAGER, Who.ADMIN);

    static Set<Who> allowed(String method, String path) {
      if (path.equals("/api/v1/me")) {
        return EnumSet.complementOf(
            EnumSet.of(Who.ANONYMOUS)); // who am I: any authenticated caller
      }
      if (path.startsWith("/api/v1/admin/") || path.startsWith("/api/v1/api-keys")) {
        return EnumSet.of(Who.ADMIN);
      }
      if (path.startsWith("/api/v1/webhooks")) {
        return EnumSet.of(Who.INTEGRATION, Who.ADMIN); // partners' own subscriptions, or all
      }
      if (path.startsWith("/api/v1/sync/")) {
        return INGEST; // the CRM syncs, feeds and snapshot are the partners' (and managers') tools
      }
      if (method.equals("GET")) {
        return READERS;
      }
      if (path.equals("/api/v1/revenue-lines") || path.equals("/api/v1/survey-responses")) {
        return INGEST;
      }
      if (path.endsWith("/designation") || path.startsWith("/api/v1/scoring-models")) {
        return MANAGERS;
      }
      if (path.equals("/api/v1/accounts") && method.equals("POST")) {
        return EnumSet.of(Who.OWN_KAM, Who.OTHER_KAM, Who.MANAGER, Who.ADMIN);
      }
      if (path.startsWith("/api/v1/accounts/{id}") || path.startsWith("/api/v1/plans")) {
        return OWNERS;
      }
      return null;
    }

    /**
     * Reads first, then writes, state transitions and deletes last, so setup data lives long
     * enough.
     */
    static int order(String method, String path) {
      if (method.equals("GET")) {
        return 0;
      }
      if (method.equals("DELETE")) {
        return path.startsWith("/api/v1/plans/{id}") || path.equals("/api/v1/accounts/{id}")
            ? 4
            : 3;
      }
      return path.matches(".*/(activate|archive|complete|submit-for-review)$") ? 2 : 1;
    }
  }
}
